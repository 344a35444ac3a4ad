import { defineOrderRule } from '../define-rule.js';

export default defineOrderRule({
  id: 'order-listing-date-unknown',
  severity: 'warning',
  kind: 'data',
  summary: 'The catalog has no valid listing date for a SKU whose category can get the 96 h window',
  why: 'A new product in a special category gets 96 h; without its listing date the order is held to 72 h, and may be reported late wrongly.',
  check: (order) =>
    order.listingUnknown
      ? { field: 'sku', args: { sku: order.sku ?? '', window: order.windowHours } }
      : undefined,
  message: ({ sku, window }) =>
    `the catalog has no valid listing date for SKU "${sku}" (an eligible category): the ${window} h window is assumed`,
});
