import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { auditInParts, canAuditInParts } from '../scale/audit-parts.js';
import { RowAuditor, recordsDiffer } from '../audit/audit-row.js';
import type { Baseline } from '../audit/baseline.js';
import { resolveSettings } from '../config/settings.js';
import { parseConfig } from '../config/load-config.js';
import type { Config, ConfigInput } from '../config/schema.js';
import { ConfigError, NoHeaderError, UsageError } from '../core/errors.js';
import { gatedFindings } from '../audit/exit-code.js';
import { isIsoDate, todayUtc } from '../values/dates.js';
import { severityTable } from '../policy/evaluate.js';
import { RULES } from '../policy/rules/index.js';
import {
  type ColumnMap,
  type ColumnOverrides,
  describeColumns,
  mapColumns,
  headerScore,
  type MappingWarning,
  unreadHeaders,
} from '../read/map-columns.js';
import { CHECKED_ROWS, checkMapping } from '../normalize/check-mapping.js';
import { canScanBytes, indexRecords, type ProductIndex, scanIndex } from '../scale/scan-index.js';
import { type CatalogSource, fileSource, streamSource } from '../read/open-source.js';
import { spillWorkbook } from '../read/spill-workbook.js';
import type { EncodingGuess } from '../read/detect-encoding.js';
import { ALL_SHEETS } from '../read/workbook.js';
import { HEADER_SEARCH_ROWS } from '../read/header-row.js';
import {
  detectTableFormat,
  fromWorkbook,
  openCatalog,
  type ReadOptions,
  type TableFormat,
} from '../read/read-catalog.js';
import type { Reporter } from '../report/reporter.js';
import { type Highlights, SummaryCollector } from '../audit/summarize.js';
import type {
  AuditedSku,
  AuditMeta,
  AuditSummary,
  CatalogRecord,
  InputInfo,
  IsoDate,
  MappingInfo,
  SeverityCounts,
} from '../core/types.js';

import { TOOL_NAME, VERSION } from '../core/version.js';

/** Files from this size up are audited in parts, by worker threads, unless told otherwise. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export interface AuditOptions extends ReadOptions {
  /** A validated config, or a plain object to validate; the defaults of docs/contract.md#configuration otherwise. */
  config?: Config | ConfigInput;
  /** The audit date, `YYYY-MM-DD`; today (UTC) otherwise. */
  asOf?: IsoDate;
  /** `field → header` choices over the built-in header names (`--map`). */
  columns?: ColumnOverrides;
  /** The input's name in reports (default: the path as given, or `<stdin>`). */
  name?: string;
  /** Outputs, fed in the same pass over the input. */
  reporters?: Reporter[];
  /** Called once the input is read and its columns mapped, before any row is audited. */
  onInput?: (input: InputInfo) => void;
  /** Called with every audited SKU, in file order. */
  onSku?: (sku: AuditedSku) => void;
  /** An earlier report: its findings count as unchanged, the others as new (`--baseline`). */
  baseline?: Baseline;
  /** Report errors only (`--quiet`); warnings still count for `--max-warnings`. */
  quiet?: boolean;
  /**
   * Worker threads that audit parts of the file at once; by default 2 (on 2 cores or more) for files of
   * 16 MB and more, else 1. The outputs are the same either way.
   */
  workers?: number;
  /** Called now and then with the number of rows audited so far. */
  onProgress?: (rows: number, total: number) => void;
  /** Called now and then with the rows of a workbook read so far, before the audit (their total is not known). */
  onWorkbookRows?: (rows: number) => void;
  /** How many example lines per rule and worst SKUs the summary keeps. */
  limits?: { examplesPerRule?: number; worst?: number };
}

export interface AuditResult {
  meta: AuditMeta;
  summary: AuditSummary;
  highlights: Highlights;
  /** The findings the exit code is computed from: new ones with a baseline, warnings hidden by --quiet too. */
  gate: SeverityCounts;
}

/**
 * Audits a catalog: read → normalize → classify → evaluate → report, streaming.
 *
 * Two passes over the bytes: the first only counts the SKUs of each product (variety rule 4 needs the
 * whole file's count before any SKU of the product is classified); the second audits and reports. A
 * workbook is parsed once, into a temporary CSV file that both passes read. Memory grows with the number
 * of records and of product and SKU keys, never with the row data.
 */
export async function audit(
  input: string | Readable | CatalogSource,
  options: AuditOptions = {},
): Promise<AuditResult> {
  const config = parseConfig(options.config ?? {});
  const asOf = options.asOf ?? todayUtc();
  if (!isIsoDate(asOf)) throw new ConfigError(`--as-of "${asOf}" is not a date: use YYYY-MM-DD`);
  return withInput(input, config, options, (source, format, reported) =>
    auditFormat(source, format, reported, config, asOf, options),
  );
}

/** Reads a catalog's header and first rows only: its format, header row, column map and its doubts. */
export async function inspectMapping(
  input: string | Readable | CatalogSource,
  options: Omit<AuditOptions, 'reporters' | 'onSku' | 'baseline'> = {},
): Promise<MappingInfo> {
  const config = parseConfig(options.config ?? {});
  return withInput(input, config, options, async (source, format, reported) => {
    const { reader, columns, headerLine } = await mapInput(source, format, config, options);
    await reader.close();
    return inputInfo(source, reported, columns, headerLine);
  });
}

/**
 * The input opened as a source, its format detected; a workbook parsed once, into a CSV file that the
 * passes read (`format`), while the report names the workbook's own format (`reported`).
 */
async function withInput<T>(
  input: string | Readable | CatalogSource,
  config: Config,
  options: AuditOptions,
  run: (source: CatalogSource, format: TableFormat, reported: TableFormat) => Promise<T>,
): Promise<T> {
  const source =
    typeof input === 'string'
      ? await fileSource(input, options.name ?? input)
      : 'open' in input && 'dispose' in input
        ? input
        : await streamSource(input as Readable, options.name ?? '<stdin>');
  try {
    const overrides = overridesOf(config, options);
    const format = await detectTableFormat(source, options, (cells) => headerScore(cells, overrides));
    if (format.kind === 'csv') return await run(source, format, format);
    if (format.sheet === ALL_SHEETS && options.headerRow !== undefined) {
      throw new UsageError(
        `--header-row with --sheet all: each sheet's header row is found on its own; to name one, read that sheet with --sheet NAME --header-row ${options.headerRow}`,
      );
    }
    const spilled = await spillWorkbook(source, format, { overrides }, { onRows: options.onWorkbookRows });
    const { read, combined, othersWithHeader } = spilled.sheets;
    const reported: TableFormat = combined
      ? { ...format, sheets: read }
      : {
          ...format,
          ...(read[0] !== undefined ? { sheet: read[0].name } : {}),
          // The first visible sheet was read by default: other sheets with a header are said, not skipped
          // in silence (a workbook of one sheet per category).
          ...(format.sheet === undefined && othersWithHeader.length > 0
            ? { otherSheets: othersWithHeader }
            : {}),
        };
    try {
      return await run(spilled.source, spilled.format, reported);
    } catch (error) {
      // The sheet read has no header, but another visible one has: say which, and how to read it.
      if (error instanceof NoHeaderError && othersWithHeader.length > 0) {
        const others = othersWithHeader.map((n) => `"${n}"`).join(', ');
        throw new NoHeaderError(
          error.headers,
          `sheet "${read[0]?.name ?? ''}" has no header, but ${others} ${othersWithHeader.length === 1 ? 'has' : 'have'} one: read it with --sheet "${othersWithHeader[0]}", or every visible sheet with --sheet all`,
          error.file,
        );
      }
      throw error;
    } finally {
      await spilled.source.dispose();
    }
  } finally {
    await source.dispose();
  }
}

/** `--map` over the config's `columns`. */
const overridesOf = (config: Config, options: AuditOptions): ColumnOverrides => ({
  ...config.columns,
  ...options.columns,
});

function inputInfo(
  source: CatalogSource,
  reported: TableFormat,
  columns: ColumnMap,
  headerLine: number,
): MappingInfo {
  return {
    path: source.name,
    encoding: reported.encoding,
    encodingConfidence: reported.encodingGuess?.confidence ?? 'certain',
    ...encodingDoubt(reported.encodingGuess),
    delimiter: reported.delimiter,
    headerRow: headerLine,
    columns: describeColumns(columns),
    unread: unreadHeaders(columns),
    warnings: columns.warnings,
    ...(reported.sheet !== undefined ? { sheet: reported.sheet } : {}),
    ...(reported.sheets !== undefined ? { sheets: reported.sheets } : {}),
    ...(reported.otherSheets !== undefined ? { otherSheets: reported.otherSheets } : {}),
  };
}

/** A doubtful encoding in one sentence: the guess, why, and the `--encoding` to try. */
function encodingDoubt(guess: EncodingGuess | undefined): { encodingDoubt?: string } {
  if (guess?.confidence !== 'doubtful') return {};
  return {
    encodingDoubt: `the encoding ${guess.encoding} is a guess (${guess.why}); if the text looks wrong, run again with --encoding ${guess.runnerUp ?? 'NAME'}`,
  };
}

/** The audit of a source read as `format`; the report names the input's own format (`reported`). */
async function auditFormat(
  source: CatalogSource,
  format: TableFormat,
  reported: TableFormat,
  config: Config,
  asOf: IsoDate,
  options: AuditOptions,
): Promise<AuditResult> {
  const workers =
    options.workers ?? (source.size >= PARALLEL_MIN_BYTES ? Math.min(2, availableParallelism()) : 1);
  const { columns, index, headerLine } = await indexProducts(source, format, config, options, workers);
  const { rows } = index;
  const headers = columns.headers;
  const { path, encoding, encodingConfidence, encodingDoubt, delimiter, ...rest } = inputInfo(
    source,
    reported,
    columns,
    headerLine,
  );
  const meta: AuditMeta = {
    tool: TOOL_NAME,
    version: VERSION,
    schemaVersion: 1,
    asOf,
    policy: config.policy,
    input: {
      path,
      encoding,
      encodingConfidence,
      ...(encodingDoubt !== undefined ? { encodingDoubt } : {}),
      delimiter,
      rows,
      ...rest,
    },
  };
  options.onInput?.(meta.input);
  const reporters = options.reporters ?? [];
  const severities = severityTable(RULES, config);
  const start = {
    meta,
    headers,
    severities,
    envelope: resolveSettings(config, asOf).envelope,
    ...(config.report.docsUrl !== undefined ? { docsUrl: config.report.docsUrl } : {}),
  };
  for (const reporter of reporters) await reporter.start(start);

  const limits = {
    examplesPerRule: options.limits?.examplesPerRule ?? config.report.examplesPerRule,
    worst: options.limits?.worst ?? config.report.worstSkus,
  };
  const collector = new SummaryCollector(limits);
  const { baseline } = options;
  // The records' input text is kept only for an output that copies it (the annotated CSV).
  const read = { ...format, keepText: reporters.some((r) => r.format?.usesInputText === true) };
  let hidden: SeverityCounts;
  if (
    workers > 1 &&
    baseline === undefined &&
    options.onSku === undefined &&
    canAuditInParts(reporters, index)
  ) {
    hidden = await auditInParts({
      source,
      format: read,
      columns,
      index,
      size: source.size,
      config,
      asOf,
      quiet: options.quiet === true,
      start,
      reporters,
      collector,
      limits,
      ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(done, rows) } : {}),
    });
  } else {
    hidden = await auditInOrder(source, read, columns, index, headerLine, {
      config,
      asOf,
      options,
      reporters,
      collector,
    });
  }

  const { summary, highlights } = collector.finish(baseline);
  // The audit stops at once on a record past the index's (`RowAuditor`); here, on one too few.
  if (summary.rows !== rows) throw recordsDiffer(rows, summary.rows);
  for (const reporter of reporters) await reporter.finish({ ...start, summary, highlights });
  const shown = gatedFindings(summary);
  const gate = {
    error: shown.error,
    warning: shown.warning + hidden.warning,
    info: shown.info + hidden.info,
  };
  return { meta, summary, highlights, gate };
}

/** The rows one after the other, in this thread. */
async function auditInOrder(
  source: CatalogSource,
  format: TableFormat,
  columns: ColumnMap,
  index: ProductIndex,
  headerLine: number,
  run: {
    config: Config;
    asOf: IsoDate;
    options: AuditOptions;
    reporters: Reporter[];
    collector: SummaryCollector;
  },
): Promise<SeverityCounts> {
  const { config, asOf, options, reporters, collector } = run;
  const { baseline } = options;
  const reader = await openCatalog(source, format, { row: headerLine });
  const auditor = new RowAuditor({
    config,
    asOf,
    columns,
    decimalComma: format.delimiter === ';',
    index,
    baseline,
    quiet: options.quiet,
  });
  let done = 0;
  for await (const batch of reader.records) {
    for (const record of batch) {
      const audited = auditor.audit(record);
      collector.add(audited);
      for (const reporter of reporters) reporter.sku(audited);
      options.onSku?.(audited);
    }
    done += batch.length;
    options.onProgress?.(done, index.rows);
    await Promise.all(reporters.map((reporter) => reporter.ready()));
  }
  return auditor.hidden;
}

/** The column map checked on the first data rows (`check-mapping.ts`). */
async function sampleCheck(
  source: CatalogSource,
  format: TableFormat,
  columns: ColumnMap,
  headerLine: number,
): Promise<MappingWarning[]> {
  const reader = await openCatalog(source, format, { row: headerLine });
  const sample: CatalogRecord[] = [];
  try {
    for await (const batch of reader.records) {
      sample.push(...batch.slice(0, CHECKED_ROWS - sample.length));
      if (sample.length >= CHECKED_ROWS) break;
    }
  } finally {
    await reader.close();
  }
  return checkMapping(columns, sample, { decimalComma: format.delimiter === ';' });
}

/**
 * The first pass: the column map; how many rows each product has; and the line where each SKU code first
 * appears (so that `duplicate-sku` can name it). Keys are kept as hashes, never as strings. Most files
 * are indexed from their bytes (`scan-index.ts`); the others, through the reader.
 */
async function indexProducts(
  source: CatalogSource,
  format: TableFormat,
  config: Config,
  options: AuditOptions,
  parts: number,
): Promise<{ columns: ColumnMap; index: ProductIndex; headerLine: number }> {
  const { reader, columns, headerLine } = await mapInput(source, format, config, options);
  if (canScanBytes(format, columns)) {
    await reader.close();
    return {
      columns,
      headerLine,
      // A child row takes its parent's cells from the row before: the rows are audited in order.
      index: await scanIndex(
        source,
        format,
        columns,
        columns.parentRows ? 1 : parts,
        source.size,
        reader.headerRecords,
      ),
    };
  }
  return { columns, headerLine, index: await indexRecords(reader, columns) };
}

/**
 * The header row found (or forced with `--header-row`), its columns mapped to fields, the mapping
 * checked on the first rows; the reader is left at the first data row.
 */
async function mapInput(source: CatalogSource, format: TableFormat, config: Config, options: AuditOptions) {
  // Sheets joined into one table say which of its columns each field is.
  const overrides = { ...overridesOf(config, options), ...format.columns };
  const reader = await openCatalog(source, format, {
    row: options.headerRow,
    score: (cells) => headerScore(cells, overrides),
  });
  const headerLine = reader.headerLine;
  try {
    const columns = mapColumns(
      reader.headers,
      overrides,
      undefined,
      format.sheetColumn ? reader.headers.length - 1 : undefined,
    );
    // Checked on the first rows, before any row is audited: a doubt is said on the first.
    columns.warnings = await sampleCheck(source, format, columns, headerLine);
    return { reader, columns, headerLine };
  } catch (error) {
    await reader.close();
    if (!(error instanceof NoHeaderError)) throw error;
    const workbook = fromWorkbook(format);
    throw new NoHeaderError(
      error.headers,
      `the first ${HEADER_SEARCH_ROWS} non-empty rows were looked at; name a column with --map sku=HEADER, or the header's ${workbook ? 'row' : 'line'} with --header-row N${workbook ? ', or read another sheet with --sheet NAME' : ''}`,
      source.name,
    );
  }
}
