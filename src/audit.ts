import type { Readable } from 'node:stream';
import { type Baseline, skuKeyOf } from './baseline.js';
import { classifySku } from './classify/classify-sku.js';
import { parseConfig } from './config/load-config.js';
import type { Config, ConfigInput } from './config/schema.js';
import { resolveSettings } from './config/settings.js';
import { ConfigError } from './errors.js';
import { gatedFindings } from './exit-code.js';
import { isIsoDate, todayUtc } from './normalize/dates.js';
import { ContinuationRows } from './normalize/continuation.js';
import { normalizeRow } from './normalize/normalize-row.js';
import type { NumberStyle } from './normalize/units.js';
import { activeRules, evaluate } from './policy/evaluate.js';
import { RULES } from './policy/rules/index.js';
import { type ColumnMap, type ColumnOverrides, describeColumns, mapColumns } from './read/map-columns.js';
import { canScanBytes, indexRecords, type ProductIndex, scanIndex } from './read/scan-index.js';
import { type CatalogSource, fileSource, streamSource } from './read/open-source.js';
import { detectTableFormat, openCatalog, type ReadOptions, type TableFormat } from './read/read-catalog.js';
import type { Reporter } from './report/reporter.js';
import { type Highlights, SummaryCollector } from './summarize.js';
import type { AuditedSku, AuditMeta, AuditSummary, IsoDate, SeverityCounts } from './types.js';
import { TOOL_NAME, VERSION } from './version.js';

export interface AuditOptions extends ReadOptions {
  /** A validated config, or a plain object to validate; the defaults of SPEC §3-5 otherwise. */
  config?: Config | ConfigInput;
  /** The audit date, `YYYY-MM-DD`; today (UTC) otherwise. */
  asOf?: IsoDate;
  /** `field → header` choices over the built-in header names (`--map`). */
  columns?: ColumnOverrides;
  /** The input's name in reports (default: the path as given, or `<stdin>`). */
  name?: string;
  /** Outputs, fed in the same pass over the input. */
  reporters?: Reporter[];
  /** Called with every audited SKU, in file order. */
  onSku?: (sku: AuditedSku) => void;
  /** An earlier report: its findings count as unchanged, the others as new (`--baseline`). */
  baseline?: Baseline;
  /** Report errors only (`--quiet`); warnings still count for `--max-warnings`. */
  quiet?: boolean;
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
 * whole file's count before any SKU of the product is classified); the second audits and reports. Memory
 * grows with the number of product and SKU keys, never with the row data.
 */
export async function audit(
  input: string | Readable | CatalogSource,
  options: AuditOptions = {},
): Promise<AuditResult> {
  const config = parseConfig(options.config ?? {});
  const asOf = options.asOf ?? todayUtc();
  if (!isIsoDate(asOf)) throw new ConfigError(`--as-of "${asOf}" is not a date: use YYYY-MM-DD`);
  const source =
    typeof input === 'string'
      ? await fileSource(input, options.name ?? input)
      : 'open' in input && 'dispose' in input
        ? input
        : await streamSource(input as Readable, options.name ?? '<stdin>');
  try {
    return await auditSource(source, config, asOf, options);
  } finally {
    await source.dispose();
  }
}

async function auditSource(
  source: CatalogSource,
  config: Config,
  asOf: IsoDate,
  options: AuditOptions,
): Promise<AuditResult> {
  const overrides = { ...config.columns, ...options.columns };
  const format = await detectTableFormat(source, options);
  const { columns, index } = await indexProducts(source, format, overrides);
  const { rows } = index;

  const reader = await openCatalog(source, format);
  const settings = resolveSettings(config, asOf);
  const rules = activeRules(config);
  const style: NumberStyle = { decimalComma: format.delimiter === ';' };
  const context = { settings, columns };
  const meta: AuditMeta = {
    tool: TOOL_NAME,
    version: VERSION,
    schemaVersion: 1,
    asOf,
    policy: config.policy,
    input: {
      path: source.name,
      encoding: format.encoding,
      delimiter: format.delimiter,
      rows,
      columns: describeColumns(columns),
      ...(format.sheet !== undefined ? { sheet: format.sheet } : {}),
    },
  };
  const reporters = options.reporters ?? [];
  const severities = Object.fromEntries(
    RULES.map((rule) => [rule.id, config.rules[rule.id] ?? rule.severity]),
  );
  for (const reporter of reporters) await reporter.start({ meta, headers: reader.headers, severities });

  const collector = new SummaryCollector({
    examplesPerRule: options.limits?.examplesPerRule ?? 5,
    worst: options.limits?.worst ?? 10,
  });
  const { baseline } = options;
  const hidden: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const continuation = new ContinuationRows(columns.continuationRows);

  for await (const batch of reader.records) {
    for (const record of batch) {
      const sku = continuation.apply(normalizeRow(record, columns, style));
      const key = columns.index.sku !== undefined ? sku.sku : sku.productId;
      const first = key === null ? undefined : index.firstLines.get(key);
      const duplicateOfLine = first === undefined || first === sku.line ? null : first;
      const classified = classifySku(
        sku,
        {
          productSkus: sku.productKey === null ? 1 : (index.productSkus.get(sku.productKey) ?? 1),
          duplicateOfLine,
        },
        settings,
      );
      let findings = evaluate(classified, rules, context);
      if (baseline !== undefined) {
        const key = skuKeyOf(classified);
        for (const finding of findings) finding.baseline = baseline.take(finding, key);
      }
      if (options.quiet) {
        for (const f of findings)
          if (f.severity !== 'error' && f.baseline !== 'unchanged') hidden[f.severity]++;
        findings = findings.filter((f) => f.severity === 'error');
      }
      const audited = classified as AuditedSku;
      audited.findings = findings;
      collector.add(audited);
      for (const reporter of reporters) reporter.sku(audited);
      options.onSku?.(audited);
    }
    await Promise.all(reporters.map((reporter) => reporter.ready()));
  }

  const { summary, highlights } = collector.finish(baseline);
  for (const reporter of reporters)
    await reporter.finish({ meta, headers: reader.headers, severities, summary, highlights });
  const shown = gatedFindings(summary);
  const gate = {
    error: shown.error,
    warning: shown.warning + hidden.warning,
    info: shown.info + hidden.info,
  };
  return { meta, summary, highlights, gate };
}

/** The first pass: the column map, and how many rows each product has. */
/**
 * The first pass: the column map; how many rows each product has; and the line where each SKU code first
 * appears (so that `duplicate-sku` can name it). Keys are kept as hashes, never as strings. Most files
 * are indexed from their bytes (`scan-index.ts`); the others, through the reader.
 */
async function indexProducts(
  source: CatalogSource,
  format: TableFormat,
  overrides: ColumnOverrides,
): Promise<{ columns: ColumnMap; index: ProductIndex }> {
  const reader = await openCatalog(source, format);
  const columns = mapColumns(reader.headers, overrides);
  if (canScanBytes(format, columns)) {
    await reader.close();
    return { columns, index: await scanIndex(source, format, columns, 1, 0, reader.headerRecords) };
  }
  return { columns, index: await indexRecords(reader, columns) };
}
