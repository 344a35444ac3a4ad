import { createWriteStream, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorFromThread, InputError, type ThreadError } from '../errors.js';
import { type CatalogSource, temporarySource } from './open-source.js';
import type { TableFormat } from './read-catalog.js';
import { readXlsxRows } from './read-xlsx.js';
import { SharedColumn } from './shared-column.js';
import { csvQuote } from './tokenize-csv.js';
import { zipEntrySizes } from './zip-directory.js';

/** What the thread that reads a workbook needs, and what it answers. */
export interface SpillTask {
  path: string;
  name: string;
  sheet: string | undefined;
  out: string;
}
export type SpillMessage =
  { type: 'rows'; rows: number } | { type: 'done'; lines: Uint32Array } | ({ type: 'error' } & ThreadError);

export interface SpillOptions {
  /** Heap limits of the thread (tests give tiny ones). */
  heap?: WorkbookHeap;
  /** Called now and then with the rows read so far. */
  onRows?: ((rows: number) => void) | undefined;
}

/**
 * Heap limits for the thread that reads a workbook. exceljs makes much short-lived garbage per cell: a
 * larger young generation collects it cheaply, and a bounded old one keeps the garbage that survives from
 * piling up (1M rows: about 250 MB instead of 410 MB). What must stay is the shared strings, kept
 * compactly: the bound allows 1.25 times their XML on top of a base (the benchmark's 1M rows: 76 MB of
 * XML, under 128 MB of heap in all). A workbook that needs more anyway is read again without the bound.
 */
const YOUNG_MB = 96;
const OLD_BASE_MB = 160;
const OLD_PER_STRINGS_MB = 1.25;

export interface WorkbookHeap {
  maxYoungGenerationSizeMb: number;
  maxOldGenerationSizeMb?: number;
}

async function workbookHeap(path: string): Promise<WorkbookHeap> {
  // The sizes only tune the bound: a file that cannot be read here fails, if at all, in exceljs.
  const sizes = await zipEntrySizes(path).catch(() => new Map<string, number>());
  const strings = sizes.get('xl/sharedStrings.xml') ?? 0;
  return {
    maxYoungGenerationSizeMb: YOUNG_MB,
    maxOldGenerationSizeMb: Math.ceil(OLD_BASE_MB + (OLD_PER_STRINGS_MB * strings) / 2 ** 20),
  };
}

/** The worker's script, beside this module once built. */
export const SPILL_WORKER = new URL('./spill-worker.js', import.meta.url);

/**
 * A workbook read once: its rows written to a temporary CSV file, each record's worksheet row number kept
 * aside, so that the audit's two passes read that file like any other CSV. Parsing a workbook's XML is
 * many times slower than reading the same rows as CSV; it is done once, not once per pass, in a thread
 * of its own with its own heap limits.
 */
export async function spillWorkbook(
  source: CatalogSource,
  format: TableFormat,
  options: SpillOptions = {},
): Promise<{ source: CatalogSource; format: TableFormat }> {
  let lines: Uint32Array = new Uint32Array(0);
  const spilled = await temporarySource(source.name, async (out) => {
    const task = { path: source.path, name: source.name, sheet: format.sheet, out };
    lines = await spillInThread(task, options.heap ?? (await workbookHeap(source.path)), options.onRows);
  });
  return {
    source: spilled,
    format: { kind: 'csv', encoding: 'utf-8', delimiter: ',', worksheetRows: lines },
  };
}

/** The spill in a worker thread; in this one when run from the TypeScript sources (the tests). */
async function spillInThread(
  task: SpillTask,
  heap: WorkbookHeap,
  onRows: SpillOptions['onRows'],
): Promise<Uint32Array> {
  if (!existsSync(fileURLToPath(SPILL_WORKER))) return writeWorkbookCsv(task, onRows);
  try {
    return await inWorker(task, heap, onRows);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    return inWorker(task, { maxYoungGenerationSizeMb: heap.maxYoungGenerationSizeMb }, onRows);
  }
}

function inWorker(
  task: SpillTask,
  resourceLimits: WorkbookHeap,
  onRows: SpillOptions['onRows'],
): Promise<Uint32Array> {
  return new Promise((resolve, reject) => {
    // exceljs writes a sheet that comes before the shared strings to a temporary file, and leaves it
    // behind if the thread stops half-way: it goes in the spill's own directory, removed with it.
    const dir = dirname(task.out);
    const env = { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir };
    const worker = new Worker(SPILL_WORKER, { workerData: task, resourceLimits, env });
    worker.on('message', (message: SpillMessage) => {
      if (message.type === 'rows') onRows?.(message.rows);
      else if (message.type === 'done') resolve(message.lines);
      else reject(errorFromThread(message));
    });
    worker.once('error', reject);
    // A reject after the answer changes nothing. A thread that ends without one had nothing left to do:
    // exceljs was waiting for the rest of a damaged zip.
    worker.once('exit', (code) =>
      reject(
        code === 0
          ? new InputError(
              `${task.name} is not a readable .xlsx workbook (it ends too soon, or is damaged); re-save it from Excel, or export it as CSV`,
            )
          : new Error(`the thread reading the workbook stopped with code ${code}`),
      ),
    );
  });
}

/** The rows of the workbook's sheet written to `out` as CSV; the worksheet row number of each. */
export async function writeWorkbookCsv(
  task: SpillTask,
  onRows?: (rows: number) => void,
): Promise<Uint32Array> {
  const lines = new SharedColumn();
  async function* csv(): AsyncGenerator<string> {
    for await (const batch of readXlsxRows(task.path, task.name, task.sheet)) {
      let text = '';
      for (const row of batch) {
        // A row of empty cells is still a record: one empty quoted cell, not an empty line.
        text += row.cells.length === 0 ? '""\n' : `${row.cells.map(csvQuote).join(',')}\n`;
        lines.push(row.line);
      }
      onRows?.(lines.length);
      yield text;
    }
  }
  await pipeline(Readable.from(csv()), createWriteStream(task.out));
  return lines.values();
}
