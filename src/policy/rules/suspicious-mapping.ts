import { defineRule, type RuleHit } from '../define-rule.js';

type Args = { header: string; why: string; better: string | null };

export default defineRule({
  id: 'suspicious-mapping',
  severity: 'warning',
  kind: 'data',
  summary: "A column read as a field does not look like that field on the file's first rows",
  why: 'A wrong column (a product type read as the category, a row id as the SKU, grams read as kilograms) gives every SKU confident, wrong advice.',
  // Said once, on the first data row: the doubt is about a column, not about one SKU.
  check: (sku, { columns }) =>
    sku.record === 1
      ? columns.warnings.map((w): RuleHit<Args> => ({
          field: w.field,
          args: { header: w.header, why: w.why, better: w.better ?? null },
        }))
      : undefined,
  message: ({ header, why, better }) =>
    `column "${header}" may be the wrong one: ${why}${better === null ? '' : `; "${better}" looks more like it`}`,
});
