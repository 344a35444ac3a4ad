import type { Config } from '../config/schema.js';
import type { RecordFacts } from '../audit-row.js';
import type { ColumnMap } from '../read/map-columns.js';
import type { FilePart, TableFormat } from '../read/read-catalog.js';
import type { ReporterOptions, ReportStart } from '../report/reporter.js';
import type { Highlights } from '../summarize.js';
import type { AuditSummary, IsoDate, SeverityCounts } from '../types.js';

/** What a worker thread needs to audit one part of the file. */
export interface PartTask {
  path: string;
  name: string;
  format: TableFormat;
  part: FilePart;
  columns: ColumnMap;
  config: Config;
  asOf: IsoDate;
  quiet: boolean;
  limits: { examplesPerRule: number; worst: number };
  /** The index pass's facts per record, in shared memory. */
  index: RecordFacts;
  start: ReportStart;
  /** One file per output that has items (JSON, NDJSON, CSV, SARIF). */
  outputs: { format: string; options: ReporterOptions; path: string }[];
}

export type PartMessage =
  | { type: 'progress'; rows: number; bytes: number }
  | {
      type: 'done';
      summary: AuditSummary;
      highlights: Highlights;
      hidden: SeverityCounts;
      counts: number[];
    }
  | { type: 'error'; name: string; message: string; stack?: string };
