import { cellOf } from '../../read/map-columns.js';
import { type Field, MEASURES } from '../../core/types.js';
import { defineRule, type RuleHit } from '../define-rule.js';

type Args = { column: string; value: string; expected: string };

export default defineRule({
  id: 'invalid-number',
  severity: 'error',
  kind: 'data',
  summary:
    'A weight, side, handling time or price is present but not a positive number, or a stock is not 0 or more',
  why: 'Size class, shipping window and track are computed from these numbers; an unreadable one silently changes the verdict.',
  check: (sku, { columns }) => {
    const hits: RuleHit<Args>[] = [];
    const hit = (field: Field, expected: string) => {
      // The three sides of a one-cell size (`20*15*`) are one cell: one finding.
      if (hits.some((h) => columns.index[h.field as Field] === columns.index[field])) return;
      hits.push({
        field,
        args: {
          column: columns.headers[columns.index[field] ?? -1] ?? field,
          value: cellOf(sku.cells, columns, field).trim(),
          expected,
        },
      });
    };
    for (const [field, key] of MEASURES) {
      const value = sku[key];
      // A zero weight is a placeholder, reported by placeholder-dimensions.
      if (value !== null && !(value > 0) && !(field === 'weight' && value === 0))
        hit(field, 'a positive number');
    }
    if (sku.stock !== null && !(sku.stock >= 0)) hit('stock', 'a number of units, 0 or more');
    return hits;
  },
  message: ({ column, value, expected }) => `${column} is "${value}", not ${expected}`,
});
