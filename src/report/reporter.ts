import type { SizeEnvelope } from '../config/presets.js';
import type { Highlights } from '../audit/summarize.js';
import type { AuditedSku, AuditMeta, AuditSummary, SeverityOrOff } from '../core/types.js';

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
  /** Where the rule pages are published (config `report.docsUrl`), if set. */
  docsUrl?: string;
  /** The light-small envelope of the run, for the report's size chart. */
  envelope?: SizeEnvelope;
}

export interface ReportEnd extends ReportStart {
  summary: AuditSummary;
  highlights: Highlights;
}

/**
 * An output format, as data about text: what comes before the SKUs, the text of each SKU (items joined
 * by `separator`), and what comes after. Formats only format; `emit.ts` writes them, in one stream or
 * from parts written in parallel.
 */
export interface OutputFormat<Item = AuditedSku, Start = ReportStart, End = ReportEnd> {
  /** The name `--format` and `--out FORMAT:FILE` use. */
  name: string;
  /** Text before the SKUs, known at the start (a CSV header, the SARIF head). */
  head?(start: Start, options: ReporterOptions): string;
  /** The items one SKU adds (none, one, or one per finding). */
  items?(item: Item, options: ReporterOptions, start: Start): string | readonly string[] | undefined;
  /** Written between two items. */
  separator?: string;
  /** Text after the SKUs. */
  tail?(end: End, options: ReporterOptions, itemCount: number): string;
  /**
   * Text around the SKUs that needs the summary, known only after them (the JSON report): the items are
   * spooled to a temporary file meanwhile, so memory stays flat.
   */
  wrap?(end: End, options: ReporterOptions, itemCount: number): { before: string; after: string };
  /** The items need the whole run in one thread (the HTML report's string table): no worker threads. */
  sequential?: boolean;
  /** The items copy each record's input text (`CatalogRecord.text`): the reader keeps it only then. */
  usesInputText?: boolean;
  /** Work after the output is written (GitHub's job summary file). */
  after?(end: End, options: ReporterOptions): Promise<void>;
}

/** What the audit feeds: the run's start, each SKU as it is audited, the end. */
export interface Reporter<Item = AuditedSku, Start = ReportStart, End = ReportEnd> {
  start(start: Start): void | Promise<void>;
  sku(item: Item): void;
  /** Resolves when the output has taken what was written so far (back-pressure, between batches). */
  ready(): Promise<void>;
  finish(end: End): Promise<void>;
  /** The format and options, so that worker threads can write the SKUs' items for it. */
  format?: OutputFormat<Item, Start, End>;
  options?: ReporterOptions;
  /** Takes the items a worker wrote for a part of the file (in file order), instead of `sku` calls. */
  addPart?(path: string, count: number): Promise<void>;
}
