import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import type { AuditedSku } from '../../src/types.js';

/** A workbook with rows at the given row numbers (gaps are rows the sheet does not have). */
async function workbook(rows: [number, unknown[]][]): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'ca-xlsx-')), 'catalog.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Products');
  for (const [n, values] of rows) {
    const row = sheet.getRow(n);
    values.forEach((value, i) => {
      if (value !== undefined) row.getCell(i + 1).value = value as ExcelJS.CellValue;
    });
    // A row with no value but a format is stored, and is a record of empty cells.
    if (values.length === 0) row.getCell(2).numFmt = '0.00';
  }
  await book.xlsx.writeFile(path);
  return path;
}

describe('a workbook, parsed once into CSV for both passes', () => {
  it('keeps worksheet row numbers, cells with line breaks, quotes and commas, short and empty rows', async () => {
    const path = await workbook([
      [1, ['sku', 'product_id', 'title', 'weight_kg', 'notes']],
      [2, ['A1', 'P1', 'Line one\nline two', 0.5, 'has "quotes", and commas']],
      [4, ['A2', 'P1', 'short row']],
      [5, ['A1', 'P2', 'again', 1]],
      [7, []],
      [9, ['A3', 'P3', '\nstarts with a line break', 2, 'x', 'one cell too many']],
    ]);
    const skus: AuditedSku[] = [];
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('channel-audit-workbook-'));
    const result = await audit(path, { asOf: '2026-11-23', onSku: (sku) => skus.push(sku) });
    expect(result.meta.input).toMatchObject({ encoding: 'xlsx', delimiter: '', rows: 5 });
    expect(skus.map((s) => [s.line, s.sku, s.cells[2], s.rawWidth])).toEqual([
      [2, 'A1', 'Line one\nline two', null],
      [4, 'A2', 'short row', null],
      [5, 'A1', 'again', null],
      [7, null, '', null],
      [9, 'A3', '\nstarts with a line break', 6],
    ]);
    expect(skus[0]?.cells[4]).toBe('has "quotes", and commas');
    expect(skus[2]?.duplicateOfLine).toBe(2);
    expect(skus[0]?.productSkus).toBe(2);
    // The temporary CSV is gone.
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('channel-audit-workbook-'))).toEqual(
      before,
    );
  });
});
