import type { RowAuditorInit } from '../audit/audit-row.js';
import type { ThreadError } from '../core/errors.js';
import type { FilePart, TableFormat } from '../read/read-catalog.js';
import type { ReporterOptions, ReportStart } from '../report/reporter.js';
import type { Highlights } from '../audit/summarize.js';
import type { AuditSummary, SeverityCounts } from '../core/types.js';

/** What a worker thread needs to audit one part of the file. */
export interface PartTask {
  path: string;
  name: string;
  format: TableFormat;
  part: FilePart;
  /** The row auditor's settings: the same in every thread (the index's facts are in shared memory). */
  auditor: RowAuditorInit;
  limits: { examplesPerRule: number; worst: number };
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
  | ({ type: 'error' } & ThreadError);
