import type { Finding } from './types.js';

export const ORDER_STATUSES = ['on-time', 'late', 'open', 'open-overdue', 'invalid'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One order row, read and judged against the shipping window that applied on the day of payment. */
export interface AuditedOrder {
  line: number;
  record: number;
  orderId: string | null;
  sku: string | null;
  productId: string | null;
  country: string | null;
  /** `YYYY-MM-DDTHH:mm` in the shared zone, or null when missing or unreadable. */
  paidAt: string | null;
  onlineAt: string | null;
  shippedAt: string | null;
  /** Why the times are unusable, for an invalid order. */
  invalid: 'no-payment' | 'bad-payment' | 'bad-scan' | 'scan-before-payment' | null;
  /** The raw cell of an unreadable time. */
  invalidText: string | null;
  windowHours: number;
  /** The window an order gets without the new-product extension (72 h). */
  baseHours: number;
  /** Minutes from payment to first scan, as hours to 2 decimals. */
  elapsedHours: number | null;
  elapsedMinutes: number | null;
  /** Minutes from payment to the audit time, for an order with no scan. */
  waitingMinutes: number | null;
  status: OrderStatus;
  /** The SKU is in the catalog. */
  known: boolean;
  /** The SKU is in an eligible category but the catalog has no valid listing date for it. */
  listingUnknown: boolean;
  cells: readonly string[];
  rawWidth: number | null;
  /** See `CatalogRecord.text`. */
  text: string | null;
  findings: Finding[];
}
