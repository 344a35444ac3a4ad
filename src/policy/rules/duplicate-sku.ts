import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'duplicate-sku',
  severity: 'error',
  kind: 'data',
  summary: 'A SKU code appears more than once in the file',
  why: 'A SKU code identifies one sellable variant; a repeat means two rows compete for the same stock, price and track.',
  check: (sku) =>
    sku.duplicateOfLine === null
      ? undefined
      : { field: 'sku', args: { sku: sku.sku ?? sku.productId ?? '', firstLine: sku.duplicateOfLine } },
  message: ({ sku, firstLine }) => `SKU "${sku}" repeats the one on line ${firstLine}`,
});
