import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RowAuditor, type RowAuditorInit } from '../audit/audit-row.js';
import type { Config } from '../config/schema.js';
import { errorFromThread } from '../core/errors.js';
import type { ColumnMap } from '../read/map-columns.js';
import type { CatalogSource } from '../read/open-source.js';
import { readPart, type TableFormat } from '../read/read-catalog.js';
import type { ProductIndex } from './scan-index.js';
import type { Reporter, ReportStart } from '../report/reporter.js';
import type { SummaryCollector } from '../audit/summarize.js';
import type { IsoDate, SeverityCounts } from '../core/types.js';
import type { PartMessage, PartTask } from './messages.js';
import { makeTempDir, removeTemp } from '../core/temp-files.js';

export interface PartsJob {
  source: CatalogSource;
  format: TableFormat;
  columns: ColumnMap;
  index: ProductIndex;
  size: number;
  config: Config;
  asOf: IsoDate;
  quiet: boolean;
  start: ReportStart;
  reporters: Reporter[];
  collector: SummaryCollector;
  limits: { examplesPerRule: number; worst: number };
  onProgress?: (rows: number) => void;
}

/** Parallel work pays only when every output can take parts and the file was split at record starts. */
export function canAuditInParts(reporters: Reporter[], index: ProductIndex): boolean {
  return (
    index.starts.length > 1 &&
    reporters.every((r) => r.format !== undefined && r.addPart !== undefined && !r.format.sequential)
  );
}

/**
 * Audits the parts of the file at once — the first in this thread, straight into the outputs, each other
 * one in a worker thread that writes its items to files — then joins the outputs and summaries in file
 * order: the result is the same, byte for byte, as auditing the rows one after the other.
 */
export async function auditInParts(job: PartsJob): Promise<SeverityCounts> {
  const { index, reporters } = job;
  const dir = await makeTempDir('parts');
  const withItems = reporters.filter((r) => r.format?.items !== undefined || r.format?.wrap !== undefined);
  try {
    const auditor: RowAuditorInit = {
      config: job.config,
      asOf: job.asOf,
      columns: job.columns,
      decimalComma: job.format.delimiter === ';',
      index: { productSkus: index.productSkus, duplicateOf: index.duplicateOf },
      quiet: job.quiet,
    };
    const progress = index.starts.map(() => 0);
    const report = () => job.onProgress?.(progress.reduce((a, b) => a + b, 0));
    const tasks = index.starts.map((start, k): PartTask => {
      const next = index.starts[k + 1];
      return {
        path: job.source.path,
        name: job.source.name,
        format: job.format,
        part: { start: start.byte, end: next?.byte ?? job.size, line: start.line, record: start.record },
        auditor,
        limits: job.limits,
        start: job.start,
        outputs: withItems.map((r, i) => ({
          format: r.format?.name ?? '',
          options: r.options ?? { color: false, escapeFormulas: true, destination: 'file' },
          path: join(dir, `part-${k}-${i}`),
        })),
      };
    });
    const [first, ...rest] = tasks;
    if (first === undefined) return { error: 0, warning: 0, info: 0 };
    const inWorkers = Promise.all(
      rest.map(
        (task, i) =>
          new Promise<Extract<PartMessage, { type: 'done' }>>((resolve, reject) => {
            const k = i + 1;
            const worker = new Worker(new URL('./audit-worker.js', import.meta.url), {
              workerData: task,
              // Rows die young; a small heap keeps the process's memory flat at any file size.
              resourceLimits: { maxOldGenerationSizeMb: 96 },
            });
            worker.on('message', (message: PartMessage) => {
              if (message.type === 'progress') {
                progress[k] = message.rows;
                report();
              } else if (message.type === 'done') {
                resolve(message);
              } else {
                reject(errorFromThread(message));
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a worker thread stopped with code ${code}`));
            });
          }),
      ),
    );
    // Workers failing stop the run, but only once this thread's part is done with its files.
    inWorkers.catch(() => {});
    const hidden = await auditFirstPart(job, first, (rows) => {
      progress[0] = rows;
      report();
    });
    for (const [i, result] of (await inWorkers).entries()) {
      job.collector.merge(result);
      hidden.warning += result.hidden.warning;
      hidden.info += result.hidden.info;
      for (const [o, reporter] of withItems.entries()) {
        await reporter.addPart?.(rest[i]?.outputs[o]?.path ?? '', result.counts[o] ?? 0);
      }
    }
    return hidden;
  } finally {
    await removeTemp(dir);
  }
}

/** The first part, in this thread, straight into the outputs. */
async function auditFirstPart(
  job: PartsJob,
  task: PartTask,
  onRows: (rows: number) => void,
): Promise<SeverityCounts> {
  const auditor = new RowAuditor(task.auditor);
  let rows = 0;
  for await (const batch of readPart(job.source, job.format, task.part, job.columns.headers.length)) {
    for (const record of batch) {
      const audited = auditor.audit(record);
      job.collector.add(audited);
      for (const reporter of job.reporters) reporter.sku(audited);
    }
    rows += batch.length;
    onRows(rows);
    await Promise.all(job.reporters.map((reporter) => reporter.ready()));
  }
  return { ...auditor.hidden };
}
