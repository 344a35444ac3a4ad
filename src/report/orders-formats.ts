import { terminalText } from './color.js';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { OrdersEnd, OrdersStart } from '../orders/orders-summary.js';
import type { LateRate } from '../orders/orders-summary.js';
import { ORDER_STATUSES, type AuditedOrder } from '../core/order-types.js';
import { ORDER_RULES } from '../policy/order-rules/index.js';
import type { Finding } from '../core/types.js';
import { cellsText, inputText } from './annotated-csv.js';
import { formatMessage } from './describe.js';
import { ordersHtmlFormat } from './orders-html.js';
import type { OutputFormat } from './reporter.js';
import { annotation, appendJobSummary } from './github.js';
import { jsonItem, jsonWrap } from './json.js';
import { artifactUri, driverRules, fingerprint, LEVEL, SARIF_TAIL, sarifHead } from './sarif.js';

type OrdersFormat = OutputFormat<AuditedOrder, OrdersStart, OrdersEnd>;

const findingJson = (finding: Finding) => ({
  rule: finding.rule,
  severity: finding.severity,
  message: formatMessage(finding),
  field: finding.field,
});

/** One order as the JSON report and NDJSON write it. */
function orderToJson(order: AuditedOrder) {
  return {
    line: order.line,
    record: order.record,
    orderId: order.orderId,
    sku: order.sku,
    productId: order.productId,
    country: order.country,
    paidAt: order.paidAt,
    onlineAt: order.onlineAt,
    shippedAt: order.shippedAt,
    windowHours: order.windowHours,
    elapsedHours: order.elapsedHours,
    status: order.status,
    findings: order.findings.map(findingJson),
  };
}

const ordersJson: OrdersFormat = {
  name: 'json',
  items: (order) => jsonItem(orderToJson(order)),
  separator: ',',
  wrap: ({ meta, summary }, _options, count) => jsonWrap({ ...meta, summary }, 'orders', count),
};

const ordersNdjson: OrdersFormat = {
  name: 'ndjson',
  items: (order) => `${JSON.stringify(orderToJson(order))}\n`,
};

const ORDER_AUDIT_COLUMNS = ['audit_window_hours', 'audit_elapsed_hours', 'audit_status', 'audit_findings'];

const ordersCsv: OrdersFormat = {
  name: 'csv',
  usesInputText: true,
  head: ({ headers }, options) =>
    `${options.destination === 'file' ? '\ufeff' : ''}${cellsText([...headers, ...ORDER_AUDIT_COLUMNS], options.escapeFormulas)}\r\n`,
  items: (order, options) =>
    `${inputText(order, options.escapeFormulas)},${cellsText(
      [
        String(order.windowHours),
        order.elapsedHours === null ? '' : String(order.elapsedHours),
        order.status,
        [...new Set(order.findings.map((f) => f.rule))].join(';'),
      ],
      options.escapeFormulas,
    )}\r\n`,
};

const pct = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)} %`);

function rateRows(rates: LateRate[]): string[][] {
  return rates.map((r) => [r.key, String(r.orders), String(r.late), pct(r.lateRate)]);
}

/** The non-empty worst lists, each with its rows of text. */
function worstLists({ summary }: OrdersEnd): [title: string, rows: string[][]][] {
  const lists: [string, LateRate[]][] = [
    ['SKUs', summary.worst.skus],
    ['products', summary.worst.products],
    ['countries', summary.worst.countries],
  ];
  return lists.filter(([, rates]) => rates.length > 0).map(([title, rates]) => [title, rateRows(rates)]);
}

/** The figures every summary shows, as rows of text. */
function figures({ summary }: OrdersEnd): [string, string][] {
  return [
    ['orders', String(summary.orders)],
    ...ORDER_STATUSES.map((s): [string, string] => [s, String(summary.statuses[s])]),
    ['scanned', String(summary.scanned)],
    ['online within 48 h', pct(summary.within48h)],
    ['online within 72 h', pct(summary.within72h)],
    ['online within 7 days', pct(summary.within7d)],
    ['online within their window', pct(summary.withinWindow)],
    ['on time thanks to 96 h', String(summary.savedByExtension)],
  ];
}

const ordersTable: OrdersFormat = {
  name: 'table',
  tail(end, options) {
    const { meta, summary, highlights } = end;
    const chalk = new Chalk({ level: options.color ? 1 : 0 });
    const style = options.color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
    const chars = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
    const table = (head: string[]) => new Table({ head, style, chars });
    const out: string[] = [
      `${chalk.bold(`channel-audit ${meta.version} orders`)} · ${meta.input.path} · catalog ${meta.catalog.path} · as of ${meta.asOf} · policy ${meta.policy}`,
      '',
    ];
    const totals = table(['figure', 'value']);
    for (const row of figures(end)) totals.push(row);
    out.push(totals.toString(), '');
    if (Object.keys(summary.rules).length > 0) {
      const rules = table(['rule', 'severity', 'count', 'first lines']);
      for (const [rule, count] of Object.entries(summary.rules)) {
        const lines = highlights.ruleLines[rule] ?? [];
        rules.push([
          rule,
          highlights.ruleSeverities[rule] ?? '',
          String(count),
          lines.join(', ') + (count > lines.length ? ', …' : ''),
        ]);
      }
      out.push(rules.toString(), '');
    }
    for (const [title, rows] of worstLists(end)) {
      const t = table([`worst ${title}`, 'orders', 'late', 'late rate']);
      for (const row of rows) t.push(row.map(terminalText));
      out.push(t.toString(), '');
    }
    const { error, warning, info } = summary.findings;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    out.push(
      `${error > 0 ? chalk.red('✖') : chalk.green('✔')} ${plural(summary.orders, 'order')}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info`,
    );
    return `${out.join('\n')}\n`;
  },
};

function ordersMarkdown(end: OrdersEnd): string {
  const { meta, summary, highlights } = end;
  const out = [
    `## channel-audit orders: \`${meta.input.path}\``,
    '',
    `As of ${meta.asOf}, against \`${meta.catalog.path}\` (policy \`${meta.policy}\`).`,
    '',
  ];
  out.push('| | |', '|---|--:|', ...figures(end).map(([k, v]) => `| ${k} | ${v} |`));
  if (Object.keys(summary.rules).length > 0) {
    out.push('', '| rule | severity | count | first lines |', '|---|---|--:|---|');
    for (const [rule, count] of Object.entries(summary.rules)) {
      out.push(
        `| \`${rule}\` | ${highlights.ruleSeverities[rule] ?? ''} | ${count} | ${(highlights.ruleLines[rule] ?? []).join(', ')} |`,
      );
    }
  }
  for (const [title, rows] of worstLists(end)) {
    out.push(
      '',
      `| worst ${title} | orders | late | late rate |`,
      '|---|--:|--:|--:|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    );
  }

  return `${out.join('\n')}\n`;
}

const ordersMarkdownFormat: OrdersFormat = { name: 'markdown', tail: (end) => ordersMarkdown(end) };

const ordersGithub: OrdersFormat = {
  name: 'github',
  tail({ meta, summary, highlights }) {
    const out: string[] = [];
    for (const [rule, count] of Object.entries(summary.rules)) {
      const first = highlights.firstFindings[rule];
      const severity = highlights.ruleSeverities[rule];
      if (!first || !severity) continue;
      const message = `${count === 1 ? '' : `${count} orders. First, `}${first.sku ?? '(no order id)'}: ${formatMessage(first.finding)}`;
      out.push(annotation(severity, meta.input.path, first.line, `${rule} (${count})`, message));
    }
    out.push(
      `channel-audit orders: ${summary.orders} orders, ${summary.statuses.late} late, ${summary.statuses['open-overdue']} overdue, ${pct(summary.withinWindow)} within their window\n`,
    );
    return out.join('');
  },
  after: (end, options) => appendJobSummary(options.stepSummaryPath, ordersMarkdown(end)),
};

const ordersSarif: OrdersFormat = {
  name: 'sarif',
  head: ({ meta, severities, docsUrl }) =>
    sarifHead(meta, driverRules(ORDER_RULES, severities, docsUrl, 'orders')),
  items(order, _options, { meta }) {
    if (order.findings.length === 0) return undefined;
    return order.findings.map(
      (finding) =>
        `\n        ${JSON.stringify({
          ruleId: finding.rule,
          ruleIndex: ORDER_RULES.findIndex((r) => r.id === finding.rule),
          level: LEVEL[finding.severity],
          message: { text: formatMessage(finding) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(meta.input.path), index: 0 },
                region: { startLine: order.line },
              },
            },
          ],
          partialFingerprints: {
            'channelAudit/v1': fingerprint(
              finding.rule,
              order.orderId ?? `line ${order.line}`,
              finding.field,
            ),
          },
          properties: { orderId: order.orderId, sku: order.sku, status: order.status },
        })}`,
    );
  },
  separator: ',',
  tail: (_end, _options, count) => SARIF_TAIL(count),
};

/** Every output format of the orders audit, by name: the same names as the catalog audit's. */
export const ORDER_FORMATS: Record<string, OrdersFormat> = {
  table: ordersTable,
  json: ordersJson,
  ndjson: ordersNdjson,
  csv: ordersCsv,
  markdown: ordersMarkdownFormat,
  github: ordersGithub,
  sarif: ordersSarif,
  html: ordersHtmlFormat,
};
