import { createWriteStream, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorFromThread, InputError, type ThreadError } from '../core/errors.js';
import type { Field } from '../core/types.js';
import { SheetHeader } from './header-row.js';
import { csvRow, joinSheets } from './join-sheets.js';
import { type ReadLimits, SpillBudget } from './limits.js';
import { type ColumnOverrides, headerScore } from './map-columns.js';
import { type CatalogSource, temporarySource } from './open-source.js';
import type { TableFormat } from './read-catalog.js';
import { SharedColumn } from './shared-column.js';
import { ALL_SHEETS, chooseSheets, openWorkbook, type Workbook, type WorkbookKind } from './workbook.js';
import type { WorkbookSheet } from './workbook-info.js';
import { zipEntrySizes } from './zip-directory.js';

/** What the thread that reads a workbook needs, and what it answers. */
export interface SpillTask {
  path: string;
  name: string;
  kind: WorkbookKind;
  /** `--sheet`: a name, `all`, or the first visible sheet. */
  sheet: string | undefined;
  out: string;
  /** `--map` and the config's columns: a sheet's header is the first row that maps a SKU or product id. */
  overrides: ColumnOverrides;
  limits: ReadLimits;
}

/** Which sheets were read, and how. */
export interface SpillSheets {
  /** The sheet read, or (with `--sheet all`) each visible sheet, with its header row (null: none found). */
  read: { name: string; headerRow: number | null; rows: number }[];
  /** Other visible sheets that have a header row (for the error when the one read has none). */
  othersWithHeader: string[];
  /** Every sheet went into one table, with a last column naming each row's sheet. */
  combined: boolean;
  /** The joined table's header of each field the sheets read (`join-sheets.ts`). */
  fields: Partial<Record<Field, string>>;
}

export type SpillMessage =
  | { type: 'rows'; rows: number }
  | { type: 'done'; lines: Uint32Array; sheets: SpillSheets }
  | ({ type: 'error' } & ThreadError);

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

interface WorkbookHeap {
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

/** The worker's script, beside this module once built. @public */
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
  read: { overrides: ColumnOverrides },
  options: SpillOptions = {},
): Promise<{ source: CatalogSource; format: TableFormat; sheets: SpillSheets }> {
  let answer: SpillAnswer = {
    lines: new Uint32Array(0),
    sheets: { read: [], othersWithHeader: [], combined: false, fields: {} },
  };
  const spilled = await temporarySource(source.name, async (out) => {
    const task: SpillTask = {
      path: source.path,
      name: source.name,
      kind: format.kind === 'xls' ? 'xls' : 'xlsx',
      sheet: format.sheet,
      out,
      limits: format.limits,
      ...read,
    };
    const heap = options.heap ?? (task.kind === 'xlsx' ? await workbookHeap(source.path) : UNBOUNDED);
    answer = await spillInThread(task, heap, options.onRows);
  });
  return {
    source: spilled,
    format: {
      kind: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      limits: format.limits,
      worksheetRows: answer.lines,
      ...(answer.sheets.combined ? { sheetColumn: true, columns: answer.sheets.fields } : {}),
    },
    sheets: answer.sheets,
  };
}

type SpillAnswer = { lines: Uint32Array; sheets: SpillSheets };

/** An .xls workbook is read whole (at most 65,536 rows a sheet): no old-generation bound. */
const UNBOUNDED: WorkbookHeap = { maxYoungGenerationSizeMb: YOUNG_MB };

/** The spill in a worker thread; in this one when run from the TypeScript sources (the tests). */
async function spillInThread(
  task: SpillTask,
  heap: WorkbookHeap,
  onRows: SpillOptions['onRows'],
): Promise<SpillAnswer> {
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
): Promise<SpillAnswer> {
  return new Promise((resolve, reject) => {
    // exceljs writes a sheet that comes before the shared strings to a temporary file, and leaves it
    // behind if the thread stops half-way: it goes in the spill's own directory, removed with it.
    const dir = dirname(task.out);
    const env = { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir };
    const worker = new Worker(SPILL_WORKER, { workerData: task, resourceLimits, env });
    worker.on('message', (message: SpillMessage) => {
      if (message.type === 'rows') onRows?.(message.rows);
      else if (message.type === 'done') resolve({ lines: message.lines, sheets: message.sheets });
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

/**
 * The rows of the workbook's sheet written to `out` as CSV, with the worksheet row number of each. With
 * `--sheet all`, each visible sheet's rows under its own header, in one table: the headers of all the
 * sheets side by side (a header several sheets share is one column), and a last column naming the sheet.
 */
export async function writeWorkbookCsv(
  task: SpillTask,
  onRows?: (rows: number) => void,
): Promise<SpillAnswer> {
  const book = await openWorkbook(task.path, task.name, task.kind, task.limits);
  const chosen = chooseSheets(book.info, task.sheet, task.name);
  // `--sheet all` reads every visible sheet, unless a sheet is called "all".
  const all =
    task.sheet === ALL_SHEETS &&
    book.info.sheets.length > 0 &&
    !book.info.sheets.some((s) => s.name === ALL_SHEETS);
  if (!all) return writeOneSheetCsv(task, book, chosen, onRows);
  const joined = await joinSheets(book, chosen, task, onRows);
  return {
    lines: joined.lines,
    sheets: { read: joined.read, othersWithHeader: [], combined: true, fields: joined.fields },
  };
}

/** One sheet, every row of it as it is (the reader finds its header); the others looked at for a header. */
async function writeOneSheetCsv(
  task: SpillTask,
  book: Workbook,
  chosen: WorkbookSheet[],
  onRows?: (rows: number) => void,
): Promise<SpillAnswer> {
  const first = chosen[0] as WorkbookSheet;
  const others = book.info.sheets.filter((s) => !s.hidden && s !== first);
  const score = (cells: readonly string[]) => headerScore(cells, task.overrides);
  const probes = new Map(others.map((s) => [s.name, new SheetHeader(score)]));
  const lines = new SharedColumn();
  const spilled = new SpillBudget(task);
  // Named, the sheet is read even if empty; by default, an empty first sheet gives way to the next
  // visible one that has a row (a blank cover sheet is not the catalog).
  let target: WorkbookSheet | undefined = task.sheet === undefined ? undefined : first;
  async function* csv(): AsyncGenerator<string> {
    for await (const batch of book.rows([first, ...others])) {
      if (target === undefined && batch.rows.some((row) => row.cells.some((c) => c.trim() !== ''))) {
        target = batch.chosen;
      }
      if (batch.chosen !== target) {
        const probe = probes.get(batch.chosen.name);
        if (probe !== undefined) for (const row of batch.rows) probe.push(row);
        continue;
      }
      let text = '';
      for (const row of batch.rows) {
        text += csvRow(row.cells);
        lines.push(row.line);
      }
      spilled.add(text.length);
      onRows?.(lines.length);
      yield text;
    }
  }
  await pipeline(Readable.from(csv()), createWriteStream(task.out));
  for (const probe of probes.values()) probe.end();
  const read = target ?? first;
  return {
    lines: lines.values(),
    sheets: {
      read: [{ name: read.name, headerRow: null, rows: lines.length }],
      othersWithHeader: [...probes].flatMap(([other, probe]) =>
        probe.header === undefined || other === read.name ? [] : [other],
      ),
      combined: false,
      fields: {},
    },
  };
}
