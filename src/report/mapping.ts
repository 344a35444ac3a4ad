import { FIELDS, type InputInfo, type MappingInfo } from '../core/types.js';

type Warning = InputInfo['warnings'][number];

/** A doubtful mapping in one line, for standard error. */
function mappingWarningLine(warning: Warning): string {
  const fix =
    warning.better === undefined
      ? `--map ${warning.field}=HEADER`
      : `--map ${warning.field}="${warning.better}"`;
  return `warning: ${warning.field} is read from column "${warning.header}", which may be the wrong one: ${warning.why}${warning.better === undefined ? '' : `; "${warning.better}" looks more like it`} (check with --print-mapping; fix with ${fix})`;
}

/** What a run says on standard error about its input before auditing it: skipped sheets, doubtful mappings. */
export function inputNotes(info: InputInfo): string[] {
  return [
    ...(info.encodingDoubt !== undefined ? [`warning: ${info.encodingDoubt}`] : []),
    ...(info.otherSheets !== undefined
      ? [
          `warning: only sheet "${info.sheet ?? ''}" was read; ${info.otherSheets.length} other visible ${info.otherSheets.length === 1 ? 'sheet has' : 'sheets have'} a header row too (${info.otherSheets.map((n) => `"${n}"`).join(', ')}): read every visible sheet with --sheet all, or one with --sheet NAME`,
        ]
      : []),
    ...(info.sheets ?? [])
      .filter((s) => s.headerRow === null)
      .map(
        (s) =>
          `warning: sheet "${s.name}" has no row that maps a SKU or product id among its first 30 non-empty rows: not read (read it alone with --sheet "${s.name}" --map sku=HEADER)`,
      ),
    ...info.warnings.map(mappingWarningLine),
  ];
}

/** `--print-mapping`: each field and the column it is read from, the columns left unread, the doubts. */
export function mappingText(info: MappingInfo): string {
  const where = [
    info.path,
    ...(info.sheets !== undefined
      ? [
          `sheets ${info.sheets.map((s) => `"${s.name}" (${s.headerRow === null ? 'no header: skipped' : `header on row ${s.headerRow}`})`).join(', ')}`,
        ]
      : [
          ...(info.sheet !== undefined ? [`sheet "${info.sheet}"`] : []),
          `header on ${info.encoding === 'xlsx' || info.encoding === 'xls' ? 'row' : 'line'} ${info.headerRow}`,
        ]),
    info.encodingConfidence === 'doubtful' ? `${info.encoding} (a guess)` : info.encoding,
    ...(info.delimiter === '' ? [] : [`delimiter ${JSON.stringify(info.delimiter)}`]),
  ];
  const width = Math.max(...FIELDS.map((f) => f.length));
  const lines = [where.join(' · '), ''];
  for (const field of FIELDS) {
    const header = info.columns[field];
    lines.push(`${field.padEnd(width)}  ${header === undefined ? '—' : `← ${header}`}`);
  }
  lines.push('', `not read: ${info.unread.length === 0 ? '—' : info.unread.join(', ')}`);
  if (info.otherSheets !== undefined)
    lines.push(
      `other sheets with a header, not read: ${info.otherSheets.map((n) => `"${n}"`).join(', ')} (--sheet all reads them)`,
    );
  if (info.warnings.length > 0 || info.encodingDoubt !== undefined) {
    lines.push('', 'doubtful:');
    if (info.encodingDoubt !== undefined) lines.push(`  ${info.encodingDoubt}`);
    for (const warning of info.warnings)
      lines.push(`  ${mappingWarningLine(warning).replace(/^warning: /, '')}`);
  }
  return `${lines.join('\n')}\n`;
}
