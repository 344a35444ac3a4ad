import { defineOrderRule } from '../define-rule.js';

export default defineOrderRule({
  id: 'order-unknown-sku',
  severity: 'warning',
  kind: 'data',
  summary: 'The order’s SKU is not in the catalog',
  why: 'Without the SKU’s listing date and category the 96 h extension cannot be known; 72 h is assumed.',
  check: (order) =>
    order.known ? undefined : { field: 'sku', args: { sku: order.sku, window: order.windowHours } },
  message: ({ sku, window }) =>
    sku === null
      ? `the order has no SKU: the ${window} h window is assumed`
      : `SKU "${sku}" is not in the catalog: the ${window} h window is assumed`,
});
