import type { Readable } from 'node:stream';
import { parseConfig } from '../config/load-config.js';
import type { Config, ConfigInput } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import { parseTimestamp } from '../values/timestamps.js';
import { ORDER_RULES } from '../policy/order-rules/index.js';
import { activeRules, evaluate, keepErrors, severityTable } from '../policy/evaluate.js';
import { type CatalogSource, fileSource, streamSource } from '../read/open-source.js';
import { detectTableFormat, openCatalog, type ReadOptions } from '../read/read-catalog.js';
import type { Reporter } from '../report/reporter.js';
import type { SeverityCounts } from '../core/types.js';
import { TOOL_NAME, VERSION } from '../core/version.js';
import { readCatalogLookup } from '../orders/catalog-lookup.js';
import { judgeOrder } from '../orders/judge-order.js';
import { mapOrderColumns, type OrderField } from '../orders/order-columns.js';
import {
  OrdersCollector,
  type OrdersEnd,
  type OrdersHighlights,
  type OrdersMeta,
  type OrdersStart,
  type OrdersSummary,
} from '../orders/orders-summary.js';

import type { AuditedOrder } from '../core/order-types.js';

type OrdersReporter = Reporter<AuditedOrder, OrdersStart, OrdersEnd>;

export interface OrdersOptions extends ReadOptions {
  config?: Config | ConfigInput;
  /** The catalog: a path, or a source. */
  catalog: string | CatalogSource;
  /** The catalog's name in reports (default: the path). */
  catalogName?: string;
  /** Encoding, delimiter or sheet of the catalog file. */
  catalogRead?: ReadOptions;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`: open orders are judged at this time (default: now, UTC). */
  asOf?: string;
  name?: string;
  columns?: Partial<Record<string, string>>;
  reporters?: OrdersReporter[];
  onOrder?: (order: AuditedOrder) => void;
  /** Report errors only; warnings still count for --max-warnings. */
  quiet?: boolean;
  /** Called now and then with the bytes read so far, of the catalog then the orders, and their total. */
  onProgress?: (bytes: number, total: number) => void;
}

export interface OrdersResult {
  meta: OrdersMeta;
  summary: OrdersSummary;
  highlights: OrdersHighlights;
  /** The findings the exit code is computed from (warnings hidden by --quiet included). */
  gate: SeverityCounts;
}

/**
 * The orders audit: each order's hours from payment to the first carrier scan, against the window that
 * applied on the day of payment. The catalog is read once into a lookup table; the orders stream past it.
 */
export async function auditOrders(input: string | Readable, options: OrdersOptions): Promise<OrdersResult> {
  const config = parseConfig(options.config ?? {});
  const asOfText = options.asOf ?? new Date().toISOString().slice(0, 16);
  const asOfMinutes = parseTimestamp(asOfText);
  if (asOfMinutes === null || Number.isNaN(asOfMinutes)) {
    throw new ConfigError(
      `--as-of "${asOfText}" is not a date or date-time: use YYYY-MM-DD or YYYY-MM-DDTHH:mm`,
    );
  }
  const catalogSource =
    typeof options.catalog === 'string'
      ? await fileSource(options.catalog, options.catalogName ?? options.catalog)
      : options.catalog;
  const source =
    typeof input === 'string'
      ? await fileSource(input, options.name ?? input)
      : await streamSource(input, options.name ?? '<stdin>');
  try {
    const format = await detectTableFormat(source, options);
    // The orders' input text is kept only for an output that copies it (the annotated CSV).
    const keepText = options.reporters?.some((r) => r.format?.usesInputText === true) === true;
    const reader = await openCatalog(source, { ...format, keepText });
    const columns = mapOrderColumns(reader.headers, options.columns ?? {});
    // The catalog is read once into a lookup; product ids are kept only when the orders lack them.
    const total = catalogSource.size + source.size;
    const lookup = await readCatalogLookup(
      catalogSource,
      config,
      options.catalogRead ?? {},
      columns.index.productId === undefined,
      options.onProgress && ((bytes) => options.onProgress?.(bytes, total)),
    );
    const severities = severityTable(ORDER_RULES, config);
    const rules = activeRules<AuditedOrder, undefined>(ORDER_RULES, config);
    const meta: OrdersMeta = {
      tool: TOOL_NAME,
      version: VERSION,
      schemaVersion: 1,
      command: 'orders',
      asOf: new Date(asOfMinutes * 60_000).toISOString().slice(0, 16),
      policy: config.policy,
      input: {
        path: source.name,
        encoding: format.encoding,
        delimiter: format.delimiter,
        rows: 0,
        columns: Object.fromEntries(
          Object.entries(columns.index).map(([field, i]) => [field, columns.headers[i] ?? '']),
        ) as Partial<Record<OrderField, string>>,
      },
      catalog: { path: catalogSource.name, rows: lookup.rows, skus: lookup.skus.size },
    };
    const start: OrdersStart = {
      meta,
      headers: reader.headers,
      severities,
      ...(config.report.docsUrl !== undefined ? { docsUrl: config.report.docsUrl } : {}),
    };
    const reporters = options.reporters ?? [];
    for (const reporter of reporters) await reporter.start(start);
    const hidden: SeverityCounts = { error: 0, warning: 0, info: 0 };
    const collector = new OrdersCollector({
      examplesPerRule: config.report.examplesPerRule,
      worst: config.report.worstSkus,
    });
    for await (const batch of reader.records) {
      for (const record of batch) {
        const order = judgeOrder(record, columns, lookup, config, asOfMinutes);
        const findings = evaluate(order, rules, undefined);
        order.findings = options.quiet ? keepErrors(findings, hidden) : findings;
        collector.add(order);
        for (const reporter of reporters) reporter.sku(order);
        options.onOrder?.(order);
      }
      options.onProgress?.(catalogSource.size + reader.bytesRead(), total);
      await Promise.all(reporters.map((reporter) => reporter.ready()));
    }
    const { summary, highlights } = collector.finish();
    meta.input.rows = summary.orders;
    for (const reporter of reporters) await reporter.finish({ ...start, summary, highlights });
    const gate: SeverityCounts = options.quiet
      ? { error: summary.findings.error, warning: hidden.warning, info: hidden.info }
      : summary.findings;
    return { meta, summary, highlights, gate };
  } finally {
    await source.dispose();
    await catalogSource.dispose();
  }
}
