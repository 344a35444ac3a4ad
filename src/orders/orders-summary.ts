import type { Finding, Severity, SeverityCounts, SeverityOrOff } from '../core/types.js';
import { LateTally, type LateRate } from './late-tally.js';
import type { OrderField } from './order-columns.js';
import { ORDER_STATUSES, type AuditedOrder, type OrderStatus } from '../core/order-types.js';

export type { LateRate } from './late-tally.js';

export interface OrdersSummary {
  orders: number;
  statuses: Record<OrderStatus, number>;
  findings: SeverityCounts;
  rules: Record<string, number>;
  /** Orders with a valid first scan at or after the payment. */
  scanned: number;
  /** Shares of the scanned orders online within 48 h, 72 h, 7 days and their own window (4 decimals). */
  within48h: number | null;
  within72h: number | null;
  within7d: number | null;
  withinWindow: number | null;
  /** On time only thanks to the 96 h window. */
  savedByExtension: number;
  /** The highest late rates (late and overdue among orders with a verdict). */
  worst: { skus: LateRate[]; products: LateRate[]; countries: LateRate[] };
}

export interface OrdersHighlights {
  ruleLines: Record<string, number[]>;
  ruleSeverities: Record<string, Severity>;
  firstFindings: Record<string, { line: number; sku: string | null; finding: Finding }>;
}

const share = (n: number, of: number) => Math.round((n / of) * 10_000) / 10_000;
/** A share of the scanned orders; null when none was scanned. */
const shareOf = (n: number, of: number) => (of === 0 ? null : share(n, of));

/** Counts as orders go by; per SKU, product and country only two numbers each. */
export class OrdersCollector {
  private readonly statuses = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<
    OrderStatus,
    number
  >;
  private readonly findings: SeverityCounts = { error: 0, warning: 0, info: 0 };
  private readonly rules = new Map<string, number>();
  private orders = 0;
  private scanned = 0;
  private readonly within = { h48: 0, h72: 0, d7: 0, window: 0 };
  private saved = 0;
  private readonly bySku = new LateTally();
  private readonly byProduct = new LateTally();
  private readonly byCountry = new LateTally();
  readonly highlights: OrdersHighlights = { ruleLines: {}, ruleSeverities: {}, firstFindings: {} };

  constructor(private readonly limits: { examplesPerRule: number; worst: number }) {}

  add(order: AuditedOrder): void {
    this.orders++;
    this.statuses[order.status]++;
    if (order.elapsedMinutes !== null) {
      const m = order.elapsedMinutes;
      this.scanned++;
      if (m <= 48 * 60) this.within.h48++;
      if (m <= 72 * 60) this.within.h72++;
      if (m <= 7 * 24 * 60) this.within.d7++;
      if (m <= order.windowHours * 60) this.within.window++;
      // On time only thanks to the extension: a fact of the order, whatever the rules' severities.
      if (order.status === 'on-time' && order.windowHours > order.baseHours && m > order.baseHours * 60)
        this.saved++;
    }
    if (order.status === 'on-time' || order.status === 'late' || order.status === 'open-overdue') {
      const late = order.status !== 'on-time';
      if (order.sku !== null) this.bySku.add(order.sku, late);
      if (order.productId !== null) this.byProduct.add(order.productId, late);
      if (order.country !== null) this.byCountry.add(order.country, late);
    }
    const seen: string[] = [];
    for (const finding of order.findings) {
      this.findings[finding.severity]++;
      this.rules.set(finding.rule, (this.rules.get(finding.rule) ?? 0) + 1);
      if (seen.includes(finding.rule)) continue;
      seen.push(finding.rule);
      const { highlights } = this;
      highlights.ruleSeverities[finding.rule] = finding.severity;
      highlights.firstFindings[finding.rule] ??= {
        line: order.line,
        sku: order.orderId ?? order.sku,
        finding,
      };
      const lines = highlights.ruleLines[finding.rule] ?? [];
      highlights.ruleLines[finding.rule] = lines;
      if (lines.length < this.limits.examplesPerRule) lines.push(order.line);
    }
  }

  finish(): { summary: OrdersSummary; highlights: OrdersHighlights } {
    const worst = (tally: LateTally): LateRate[] => tally.worst(this.limits.worst, share);
    const rules: Record<string, number> = {};
    for (const [rule, count] of [...this.rules].sort()) rules[rule] = count;
    return {
      summary: {
        orders: this.orders,
        statuses: this.statuses,
        findings: this.findings,
        rules,
        scanned: this.scanned,
        within48h: shareOf(this.within.h48, this.scanned),
        within72h: shareOf(this.within.h72, this.scanned),
        within7d: shareOf(this.within.d7, this.scanned),
        withinWindow: shareOf(this.within.window, this.scanned),
        savedByExtension: this.saved,
        worst: { skus: worst(this.bySku), products: worst(this.byProduct), countries: worst(this.byCountry) },
      },
      highlights: this.highlights,
    };
  }
}

export interface OrdersMeta {
  tool: 'channel-audit';
  version: string;
  schemaVersion: 1;
  command: 'orders';
  /** The audit time, `YYYY-MM-DDTHH:mm` in the shared zone. */
  asOf: string;
  policy: string;
  input: {
    path: string;
    encoding: string;
    delimiter: string;
    rows: number;
    columns: Partial<Record<OrderField, string>>;
  };
  catalog: { path: string; rows: number; skus: number };
}

export interface OrdersStart {
  meta: OrdersMeta;
  headers: readonly string[];
  severities: Record<string, SeverityOrOff>;
  docsUrl?: string;
}

export interface OrdersEnd extends OrdersStart {
  summary: OrdersSummary;
  highlights: OrdersHighlights;
}
