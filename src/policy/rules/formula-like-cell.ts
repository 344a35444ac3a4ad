import { parseDecimal } from '../../normalize/units.js';
import { defineRule, type RuleHit } from '../define-rule.js';

type Args = { column: string; value: string };

/** True for a text cell that a spreadsheet would run as a formula (CSV injection). */
export function isFormulaLike(cell: string): boolean {
  switch (cell.charCodeAt(0)) {
    case 61: // =
    case 43: // +
    case 45: // -
    case 64: // @
    case 9: // tab
    case 13: // CR
    case 10: // LF
      return Number.isNaN(parseDecimal(cell, { decimalComma: true }));
    default:
      return false;
  }
}

export default defineRule({
  id: 'formula-like-cell',
  severity: 'warning',
  kind: 'data',
  summary: 'A text cell starts with =, +, -, @, tab, CR or LF and is not a number',
  why: 'A spreadsheet opening the export runs such a cell as a formula (CSV injection), or mangles it.',
  check: (sku, { columns }) => {
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
