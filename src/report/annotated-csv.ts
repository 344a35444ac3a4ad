import { anyFormulaLike, isFormulaLike } from '../values/formula-like.js';
import { csvQuote } from '../read/tokenize-csv.js';
import type { AuditedSku } from '../core/types.js';
import { describeReason, statusOf } from './describe.js';
import type { OutputFormat } from './reporter.js';

export const AUDIT_COLUMNS = [
  'audit_segment',
  'audit_track',
  'audit_fulfilment',
  'audit_window_hours',
  'audit_new_until',
  'audit_status',
  'audit_findings',
  'audit_reasons',
] as const;

function csvCell(value: string, escapeFormulas: boolean): string {
  const text = escapeFormulas && isFormulaLike(value) ? `'${value}` : value;
  return csvQuote(text);
}

function auditCells(sku: AuditedSku): string[] {
  const rules: string[] = [];
  for (const finding of sku.findings) if (!rules.includes(finding.rule)) rules.push(finding.rule);
  return [
    sku.segment,
    sku.track,
    sku.fulfilment.join(';'),
    String(sku.window.hours),
    sku.window.newUntil ?? '',
    statusOf(sku),
    rules.join(';'),
    sku.reasons.map(describeReason).join('; '),
  ];
}

/**
 * The input, annotated: its columns unchanged and in order, then the audit's. Cells a spreadsheet would
 * run as formulas get a leading `'` unless `--no-escape-formulas`. Files get a UTF-8 BOM so that Excel
 * reads Chinese headers right; standard output does not, for pipes.
 */
export const annotatedCsvFormat: OutputFormat = {
  name: 'csv',
  usesInputText: true,
  head: ({ headers }, options) =>
    `${options.destination === 'file' ? '\ufeff' : ''}${row([...headers, ...AUDIT_COLUMNS], options.escapeFormulas)}`,
  items: (sku, options) =>
    `${inputText(sku, options.escapeFormulas)},${cellsText(auditCells(sku), options.escapeFormulas)}\r\n`,
};

/**
 * A row's input cells as CSV: its text as read when that is what quoting the cells would write (most
 * rows: one copy instead of a cell-by-cell rebuild), else the cells quoted one by one.
 */
export function inputText(
  row: { cells: readonly string[]; text: string | null; formulaLike?: boolean },
  escapeFormulas: boolean,
): string {
  if (row.text !== null && !(escapeFormulas && (row.formulaLike ?? anyFormulaLike(row.cells))))
    return row.text;
  return cellsText(row.cells, escapeFormulas);
}

function row(cells: readonly string[], escapeFormulas: boolean): string {
  return `${cellsText(cells, escapeFormulas)}\r\n`;
}

export function cellsText(cells: readonly string[], escapeFormulas: boolean): string {
  let text = '';
  for (let i = 0; i < cells.length; i++)
    text += (i === 0 ? '' : ',') + csvCell(cells[i] ?? '', escapeFormulas);
  return text;
}
