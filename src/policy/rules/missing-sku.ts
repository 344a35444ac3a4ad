import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'missing-sku',
  severity: 'error',
  kind: 'data',
  summary: 'The row has neither a SKU code nor a product id',
  why: 'Without either, the row cannot be matched to a listing, counted in its product or moved to a track.',
  check: (sku) => (sku.sku === null && sku.productId === null ? { field: 'sku', args: {} } : undefined),
  message: () => 'no SKU code and no product id: the row cannot be matched to a listing',
});
