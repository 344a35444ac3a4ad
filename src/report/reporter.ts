import type { Highlights } from '../summarize.js';
import type { AuditedSku, AuditMeta, AuditSummary, SeverityOrOff } from '../types.js';
import type { OutputSink } from './sink.js';

export interface ReporterOptions {
  /** Colour and styles (terminal output only). */
  color: boolean;
  /** Prefix text cells that a spreadsheet would run as a formula with `'` (annotated CSV). */
  escapeFormulas: boolean;
  /** Where the output goes, to pick the right flavour (an Excel BOM for CSV files, say). */
  destination: 'stdout' | 'file';
  /** GitHub's job summary file (GITHUB_STEP_SUMMARY), for the github format. */
  stepSummaryPath?: string;
}

export interface ReportStart {
  meta: AuditMeta;
  /** The input's header row, for outputs that copy the input's columns. */
  headers: readonly string[];
  /** Each rule's severity in this run (after the config), `off` included. */
  severities: Record<string, SeverityOrOff>;
}

export interface ReportEnd {
  meta: AuditMeta;
  summary: AuditSummary;
  highlights: Highlights;
}

/** A reporter sees the run start, each SKU as it is audited, and the end; it formats, and only it does. */
export interface Reporter {
  start(start: ReportStart): void | Promise<void>;
  sku(sku: AuditedSku): void;
  /** Resolves when the output has taken what was written so far (back-pressure, between batches). */
  ready(): Promise<void>;
  finish(end: ReportEnd): Promise<void>;
}

export type ReporterFactory = (sink: OutputSink, options: ReporterOptions) => Reporter;
