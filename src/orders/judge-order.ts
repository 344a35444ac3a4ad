import type { Config } from '../config/schema.js';
import { dayOf, formatMinutes, parseTimestamp } from '../values/timestamps.js';
import type { CatalogRecord } from '../core/types.js';
import { type CatalogLookup, lookupSku } from './catalog-lookup.js';
import { type OrderColumns, orderCell } from './order-columns.js';
import type { AuditedOrder } from '../core/order-types.js';

const text = (value: string) => (value === '' ? null : value);

/**
 * One order against the window that applied on the day of payment: 96 h if the product was new that day
 * (payment day before its newUntil) in an eligible category, from the policy's effective date; else 72 h.
 * Elapsed time is exact to the minute (seconds count); the status follows from it.
 */
export function judgeOrder(
  record: CatalogRecord,
  columns: OrderColumns,
  lookup: CatalogLookup,
  config: Config,
  asOfMinutes: number,
): AuditedOrder {
  const cell = (field: Parameters<typeof orderCell>[2]) => orderCell(record.cells, columns, field);
  const sku = text(cell('sku'));
  const paidText = cell('paidAt');
  const onlineText = cell('onlineAt');
  const paid = parseTimestamp(paidText);
  const online = parseTimestamp(onlineText);
  const shipped = parseTimestamp(cell('shippedAt'));
  const known = sku === null ? undefined : lookupSku(lookup, sku);
  const { window } = config;

  let windowHours = window.baseHours;
  if (known && paid !== null && !Number.isNaN(paid)) {
    const payDay = dayOf(paid);
    if (
      known.eligible &&
      known.newUntil !== null &&
      payDay < known.newUntil &&
      payDay >= window.effectiveFrom
    ) {
      windowHours = window.extendedHours;
    }
  }

  let invalid: AuditedOrder['invalid'] = null;
  let invalidText: string | null = null;
  if (paid === null) invalid = 'no-payment';
  else if (Number.isNaN(paid)) [invalid, invalidText] = ['bad-payment', paidText];
  else if (online !== null && Number.isNaN(online)) [invalid, invalidText] = ['bad-scan', onlineText];
  else if (online !== null && online < paid) invalid = 'scan-before-payment';

  const valid = invalid === null && paid !== null;
  const elapsedMinutes = valid && online !== null ? online - (paid as number) : null;
  const waitingMinutes = valid && online === null ? asOfMinutes - (paid as number) : null;
  const limit = windowHours * 60;
  const status: AuditedOrder['status'] = !valid
    ? 'invalid'
    : elapsedMinutes !== null
      ? elapsedMinutes <= limit
        ? 'on-time'
        : 'late'
      : (waitingMinutes ?? 0) <= limit
        ? 'open'
        : 'open-overdue';

  return {
    line: record.line,
    record: record.record,
    orderId: text(cell('orderId')),
    sku,
    productId: text(cell('productId')) ?? known?.productId ?? null,
    country: text(cell('country')),
    paidAt: paid === null || Number.isNaN(paid) ? null : formatMinutes(paid),
    onlineAt: online === null || Number.isNaN(online) ? null : formatMinutes(online),
    shippedAt: shipped === null || Number.isNaN(shipped) ? null : formatMinutes(shipped),
    invalid,
    invalidText,
    windowHours,
    baseHours: window.baseHours,
    elapsedHours: elapsedMinutes === null ? null : Math.round((elapsedMinutes / 60) * 100) / 100,
    elapsedMinutes,
    waitingMinutes,
    status,
    known: known !== undefined,
    listingUnknown: known !== undefined && known.eligible && known.newUntil === null,
    cells: record.cells,
    rawWidth: record.rawWidth,
    text: record.text,
    findings: [],
  };
}
