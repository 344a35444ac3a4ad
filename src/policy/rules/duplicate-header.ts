import { defineRule, type RuleHit } from '../define-rule.js';

type Args = { header: string; columns: number[] };

export default defineRule({
  id: 'duplicate-header',
  severity: 'warning',
  kind: 'data',
  summary: 'Two or more columns have the same header',
  why: 'Only the first of them is read for its field: a value in the others is silently left out unless the export is fixed or --map names the right one.',
  // Said once, on the first data row: it is about the header, not one SKU.
  check: (sku, { columns }) =>
    sku.record === 1
      ? columns.duplicates.map((d): RuleHit<Args> => ({
          field: columns.fieldOf[d.columns[0] ?? -1] ?? d.header,
          args: { header: d.header, columns: d.columns.map((i) => i + 1) },
        }))
      : undefined,
  message: ({ header, columns }) =>
    `the header "${header}" names columns ${columns.join(', ')}; the first is read (name another with --map FIELD="${header}#2")`,
});
