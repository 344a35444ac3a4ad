import orderInvalidTimes from './order-invalid-times.js';
import orderLate from './order-late.js';
import orderListingDateUnknown from './order-listing-date-unknown.js';
import orderOverdue from './order-overdue.js';
import orderSavedByExtension from './order-saved-by-extension.js';
import orderUnknownSku from './order-unknown-sku.js';

/** The rules of the orders audit. */
export const ORDER_RULES = [
  orderInvalidTimes,
  orderUnknownSku,
  orderListingDateUnknown,
  orderLate,
  orderOverdue,
  orderSavedByExtension,
] as const;

export type OrderRuleId = (typeof ORDER_RULES)[number]['id'];
