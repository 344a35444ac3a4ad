import { parseDecimal } from './units.js';

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

/** True when some cell of the row is formula-like. */
export function anyFormulaLike(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (isFormulaLike(cells[i] as string)) return true;
  return false;
}
