import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/run/audit.js';
import { fileSource } from '../../src/read/open-source.js';
import { detectTableFormat, openCatalog } from '../../src/read/read-catalog.js';
import { SharedStrings } from '../../src/read/shared-strings.js';
import { zipEntrySizes } from '../../src/read/zip-directory.js';
import type { AuditedSku, CatalogRecord } from '../../src/core/types.js';
import { ROOT } from '../cli-run.js';
import { zipOf } from '../xlsx-by-hand.js';
import fc from 'fast-check';

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

  it('reads shared strings past one block of 4,096, rich text, repeats and formulas, as the cells hold them', async () => {
    const rows: [number, unknown[]][] = [[1, ['sku', 'product_id', 'title']]];
    for (let n = 0; n < 5000; n++)
      rows.push([n + 2, [`S${n}`, `P${n % 7}`, n % 2 ? `标题 ${n}` : `title ${n}`]]);
    rows.push([
      5002,
      ['S-rich', 'P1', { richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] }],
    ]);
    // Formulas: the cached result, and empty for one never calculated (no result saved).
    rows.push([5003, ['S-formula', { formula: 'LEN("ab")', result: 2 }, { formula: 'A1&"x"' }]]);
    const path = await workbook(rows);
    const source = await fileSource(path);
    const reader = await openCatalog(source, await detectTableFormat(source));
    const records: CatalogRecord[] = [];
    for await (const batch of reader.records) records.push(...batch);
    expect(records).toHaveLength(5002);
    expect(records[5001]?.cells).toEqual(['S-formula', '2', '']);
    expect(records[0]?.cells).toEqual(['S0', 'P0', 'title 0']);
    expect(records[4097]?.cells).toEqual(['S4097', 'P2', '标题 4097']);
    expect(records[4999]?.cells).toEqual(['S4999', 'P1', '标题 4999']);
    expect(records[5000]?.cells).toEqual(['S-rich', 'P1', 'bold plain']);
  });
});

// The built code reads a workbook in a worker thread with bounded heap (the sources, in this one).
describe('a workbook read in a thread of its own (built code)', () => {
  it('gives the same records as read in this thread', async () => {
    const rows: [number, unknown[]][] = [[1, ['sku', 'product_id', 'title', 'weight_kg']]];
    for (let n = 0; n < 300; n++) rows.push([n + 2 + (n % 3), [`S${n}`, `P${n % 7}`, `t ${n}, "q"`, n / 10]]);
    const path = await workbook(rows);
    const options = { asOf: '2026-11-23' as const };
    const here: AuditedSku[] = [];
    const there: AuditedSku[] = [];
    const read: number[][] = [[], []];
    await audit(path, {
      ...options,
      onSku: (sku) => here.push(sku),
      onWorkbookRows: (rows) => read[0]?.push(rows),
    });
    // The worker's temporary files (the spilled CSV, exceljs's copy of the sheet) are all removed.
    const { audit: builtAudit } = await import('../../dist/run/audit.js');
    const temp = mkdtempSync(join(tmpdir(), 'ca-temp-'));
    const tmpdirBefore = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    await builtAudit(path, {
      ...options,
      onSku: (sku: AuditedSku) => there.push(sku),
      onWorkbookRows: (rows: number) => read[1]?.push(rows),
    }).finally(() => {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
    });
    expect(readdirSync(temp)).toEqual([]);
    expect(there).toHaveLength(300);
    expect(there).toEqual(here);
    // The rows read, header included, told as they are read: here and from the worker alike.
    expect(read).toEqual([[301], [301]]);
  });

  it('reads it again without the old-generation bound when that is too small', async () => {
    const path = await workbook([
      [1, ['sku', 'title']],
      [3, ['A', 'first']],
      [4, ['B', 'second']],
    ]);
    const tiny = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 4 };
    const { SPILL_WORKER, spillWorkbook } = await import('../../dist/read/spill-workbook.js');
    // The bound alone is too small for exceljs: the worker runs out of memory…
    const stopped = await new Promise<{ code?: string }>((resolve) => {
      const task = {
        path,
        name: 'x',
        kind: 'xlsx',
        sheet: undefined,
        out: join(mkdtempSync(join(tmpdir(), 'ca-oom-')), 'o'),
        overrides: {},
      };
      new Worker(SPILL_WORKER, { workerData: task, resourceLimits: tiny }).once('error', resolve);
    });
    expect(stopped.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    // …and the spill still gives every row, with its worksheet row number.
    const { fileSource: distSource } = await import('../../dist/read/open-source.js');
    const { detectTableFormat: distDetect, openCatalog: distOpen } =
      await import('../../dist/read/read-catalog.js');
    const source = await distSource(path);
    const read: number[] = [];
    const spilled = await spillWorkbook(
      source,
      await distDetect(source),
      { overrides: {} },
      {
        heap: tiny,
        onRows: (rows: number) => read.push(rows),
      },
    );
    expect(read).toEqual([3]);
    const reader = await distOpen(spilled.source, spilled.format);
    const records: CatalogRecord[] = [];
    for await (const batch of reader.records) records.push(...batch);
    await spilled.source.dispose();
    expect(records.map((r) => [r.line, ...r.cells])).toEqual([
      [3, 'A', 'first'],
      [4, 'B', 'second'],
    ]);
  });
});

describe('the shared strings of a workbook', () => {
  it('give back every string added, across blocks, and "" for an index with none', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 5 }), { maxLength: 9000 }), (texts) => {
        const strings = new SharedStrings();
        for (const text of texts) strings.add(text);
        expect(strings.size).toBe(texts.length);
        for (const [i, text] of texts.entries()) expect(strings.get(i)).toBe(text);
        expect(strings.get(texts.length)).toBe('');
        expect(strings.get(texts.length + 5000)).toBe('');
        expect(strings.get(-1)).toBe('');
      }),
      { numRuns: 30 },
    );
  });
});

describe('the sizes in a zip directory (for the workbook thread heap bound)', () => {
  it('gives each entry its uncompressed size, comment or not; nothing for a file that is not a zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-zip-'));
    const zip = join(dir, 'book.xlsx');
    const entries: [string, string][] = [
      ['[Content_Types].xml', '<Types/>'],
      ['xl/sharedStrings.xml', '<sst>'.padEnd(5000, 'x')],
      ['xl/worksheets/sheet1.xml', '表'.repeat(100)],
    ];
    const parts = entries.map(([name, data]) => ({ name, data }));
    const stored = (comment = '') => zipOf(parts, { stored: true, comment });
    for (const comment of ['', 'a comment after the directory']) {
      writeFileSync(zip, stored(comment));
      expect(await zipEntrySizes(zip)).toEqual(
        new Map([
          ['[Content_Types].xml', 8],
          ['xl/sharedStrings.xml', 5000],
          ['xl/worksheets/sheet1.xml', 300],
        ]),
      );
    }
    // A comment holding the end record's signature is not taken for the record.
    const tricky = stored(`x${'PK\x05\x06'}${'\0'.repeat(30)}`);
    writeFileSync(zip, tricky);
    expect((await zipEntrySizes(zip)).get('xl/sharedStrings.xml')).toBe(5000);
    // Sizes kept in a ZIP64 extra field are read from it.
    writeFileSync(zip, zipOf(parts, { stored: true, zip64: true }));
    expect((await zipEntrySizes(zip)).get('xl/sharedStrings.xml')).toBe(5000);
    // A size marked as in a ZIP64 field (0xFFFFFFFF in the directory) that has none is unknown: the entry
    // is left out.
    const zip64 = Buffer.from(stored());
    const first = zip64.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip64.writeUInt32LE(0xffffffff, first + 24);
    writeFileSync(zip, zip64);
    expect([...(await zipEntrySizes(zip)).keys()]).toEqual([
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    writeFileSync(zip, 'sku,title\nA,not a zip\n');
    expect(await zipEntrySizes(zip)).toEqual(new Map());
    writeFileSync(zip, stored().subarray(0, 100));
    expect(await zipEntrySizes(zip)).toEqual(new Map());
    // A workbook as a spreadsheet writes it.
    const sizes = await zipEntrySizes(join(ROOT, 'test', 'dialects', 'catalog.xlsx'));
    expect(sizes.get('xl/sharedStrings.xml')).toBeGreaterThan(100);
    expect(sizes.get('xl/workbook.xml')).toBeGreaterThan(100);
  });
});
