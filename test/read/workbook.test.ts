import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { fileSource } from '../../src/read/open-source.js';
import { detectTableFormat, openCatalog } from '../../src/read/read-catalog.js';
import type { AuditedSku, CatalogRecord } from '../../src/types.js';

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
      // A cell left empty between two others is not stored: the row is sparse.
      [10, ['A4', undefined, 'no product id']],
    ]);
    const skus: AuditedSku[] = [];
    // Temporary files go to a directory of this test's own, to see that none is left behind.
    const temp = mkdtempSync(join(tmpdir(), 'ca-temp-'));
    const tmpdirBefore = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    const result = await audit(path, { asOf: '2026-11-23', onSku: (sku) => skus.push(sku) }).finally(() => {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
    });
    expect(readdirSync(temp)).toEqual([]);
    expect(result.meta.input).toMatchObject({ encoding: 'xlsx', delimiter: '', rows: 6 });
    expect(skus.map((s) => [s.line, s.sku, s.cells[2], s.rawWidth])).toEqual([
      [2, 'A1', 'Line one\nline two', null],
      [4, 'A2', 'short row', null],
      [5, 'A1', 'again', null],
      [7, null, '', null],
      [9, 'A3', '\nstarts with a line break', 6],
      [10, 'A4', 'no product id', null],
    ]);
    expect(skus[5]?.cells[1]).toBe('');
    expect(skus[5]?.productId).toBeNull();
    expect(skus[0]?.cells[4]).toBe('has "quotes", and commas');
    expect(skus[2]?.duplicateOfLine).toBe(2);
    expect(skus[0]?.productSkus).toBe(2);
  });

  it('reads a sparse row (an empty cell between two others) as empty cells, also without the CSV (orders)', async () => {
    const path = await workbook([
      [1, ['sku', 'product_id', 'title']],
      [2, ['A4', undefined, 'no product id']],
    ]);
    const source = await fileSource(path);
    const reader = await openCatalog(source, await detectTableFormat(source));
    const records: CatalogRecord[] = [];
    for await (const batch of reader.records) records.push(...batch);
    expect(records.map((r) => r.cells)).toEqual([['A4', '', 'no product id']]);
    expect(1 in (records[0]?.cells ?? [])).toBe(true);
  });
});
