import { defineRule, type RuleHit } from '../define-rule.js';

type Args = { column: string; character: string; at: number; header: boolean };

/** C0 control characters but tab, LF and CR: none belongs in a catalog's text. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f]/;

const NAMES: Record<number, string> = {
  0: 'NUL',
  0x0b: 'VT (vertical tab)',
  0x0c: 'FF (form feed)',
  0x1b: 'ESC',
};

function hit(cell: string, column: string, field: string, header: boolean): RuleHit<Args> | undefined {
  const match = CONTROL.exec(cell);
  if (match === null) return undefined;
  const code = cell.charCodeAt(match.index);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    field,
    args: { column, character: NAMES[code] ? `${NAMES[code]}, ${hex}` : hex, at: match.index + 1, header },
  };
}

export default defineRule({
  id: 'control-character',
  severity: 'warning',
  kind: 'data',
  summary: 'A cell holds a control character (NUL, vertical tab, form feed…)',
  why: 'A control character is invisible in most views, yet breaks matching, uploads and the programs that read the export; it usually comes from a copy-paste or a damaged export.',
  check: (sku, { columns }) => {
    const hits: (RuleHit<Args> | undefined)[] = [];
    // The header's are said once, on the first data row, as duplicate-header does.
    if (sku.record === 1)
      for (const [i, header] of columns.headers.entries())
        hits.push(hit(header, `the header of column ${i + 1}`, columns.fieldOf[i] ?? header, true));
    if (sku.controlCharacter)
      for (const [i, cell] of sku.cells.entries()) {
        const column = columns.headers[i] ?? `column ${i + 1}`;
        hits.push(hit(cell, column, columns.fieldOf[i] ?? column, false));
      }
    const found = hits.filter((h) => h !== undefined);
    return found.length === 0 ? undefined : found;
  },
  message: ({ column, character, at }) =>
    `${column} holds a control character (${character}) at character ${at}; remove it`,
});
