import { isFormulaLike } from '../../values/formula-like.js';
import { defineRule, type RuleHit } from '../define-rule.js';

type Args = { column: string; value: string };

export default defineRule({
  id: 'formula-like-cell',
  severity: 'warning',
  kind: 'data',
  summary: 'A text cell starts with =, +, -, @, tab, CR or LF and is not a number',
  why: 'A spreadsheet opening the export runs such a cell as a formula (CSV injection), or mangles it.',
  check: (sku, { columns }) => {
    if (!sku.formulaLike) return undefined;
    const hits: RuleHit<Args>[] = [];
    sku.cells.forEach((cell, i) => {
      if (!isFormulaLike(cell)) return;
      const column = columns.headers[i] ?? `column ${i + 1}`;
      hits.push({
        field: columns.fieldOf[i] ?? column,
        args: { column, value: cell.length > 40 ? `${cell.slice(0, 40)}…` : cell },
      });
    });
    return hits;
  },
  message: ({ column, value }) => `${column} ${JSON.stringify(value)} would run as a spreadsheet formula`,
});
