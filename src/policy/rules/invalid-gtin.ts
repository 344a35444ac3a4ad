import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'invalid-gtin',
  severity: 'warning',
  kind: 'data',
  summary: 'The GTIN / EAN / UPC is not 8, 12, 13 or 14 digits with a correct check digit',
  why: 'A valid GTIN is what makes a product identified (standard); a broken one hides a standard product.',
  check: (sku) =>
    sku.gtin !== null && !sku.gtinValid ? { field: 'gtin', args: { gtin: sku.gtin } } : undefined,
  message: ({ gtin }) =>
    /e\+/i.test(gtin)
      ? `GTIN "${gtin}" was turned into a number by a spreadsheet; format the column as text and re-export`
      : `GTIN "${gtin}" is not a valid GTIN-8/12/13/14 (length or check digit)`,
});
