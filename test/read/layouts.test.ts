import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/run/audit.js';
import { readHeader } from '../../src/read/header-aliases.js';
import { describeColumns, mapColumns } from '../../src/read/map-columns.js';
import { parseSidesCm } from '../../src/values/units.js';
import { isSpecialGoods } from '../../src/values/logistics.js';
import type { AuditedSku } from '../../src/core/types.js';
import { ROOT, runInProcess } from '../cli-run.js';
import { auditText, catalog } from '../helpers.js';

const LAYOUTS = join(ROOT, 'test', 'layouts');
const AS_OF = ['--as-of', '2026-11-23'];

describe('headers as sellers\u2019 templates write them', () => {
  it('takes off required markers, splits bilingual headers, reads brackets', () => {
    expect(readHeader('*商品标题').keys).toEqual(['商品标题']);
    expect(readHeader('Name *').keys).toEqual(['name']);
    expect(readHeader('（必填）标题').keys).toEqual(['标题']);
    expect(readHeader('标题(required)').keys).toEqual(['标题']);
    expect(readHeader('产品SKU/SKU').keys).toEqual(['产品sku/sku', '产品sku', 'sku']);
    expect(readHeader('Active (0/1)').keys).toEqual(['active (0/1)', 'active']);
    expect(readHeader('包装尺寸(长cm)')).toEqual({ keys: ['包装尺寸(长cm)', '包装长'], unitWord: 'cm' });
    expect(readHeader('*零售价(USD)')).toEqual({ keys: ['零售价(usd)', '零售价'], currency: 'USD' });
    expect(readHeader('包装尺寸(长*宽*高)CM').unitWord).toBe('cm');
    expect(readHeader('Weight value (grams)').unitWord).toBe('grams');
  });

  it('never takes a product type for the category, nor a post ID for the SKU, when better columns exist', () => {
    const woo = describeColumns(mapColumns(['ID', 'Type', 'SKU', 'Name', 'Categories', 'Parent']));
    expect(woo).toMatchObject({ productId: 'Parent', sku: 'SKU', category: 'Categories' });
    expect(describeColumns(mapColumns(['ID', 'Tipo', 'REF', 'Nome']))).toEqual({
      productId: 'ID',
      sku: 'REF',
      title: 'Nome',
      // With no categories column, a product type is the category (and its values are then checked).
      category: 'Tipo',
    });
    expect(describeColumns(mapColumns(['sku', 'product_type', 'categories']))).toMatchObject({
      category: 'categories',
    });
    // Shopify's Type, with no category column, is still the category.
    expect(describeColumns(mapColumns(['Handle', 'Variant SKU', 'Type'])).category).toBe('Type');
    // The supplier portal's `id` is the product id beside a SKU column; alone (Google's feeds) it is the SKU.
    expect(describeColumns(mapColumns(['id', '*商品标题', 'sku']))).toMatchObject({
      productId: 'id',
      sku: 'sku',
    });
    expect(describeColumns(mapColumns(['id', 'title', 'item_group_id']))).toMatchObject({
      productId: 'item_group_id',
      sku: 'id',
    });
  });

  it('prefers the package size over the product size, and a one-cell size when there are no sides', () => {
    const both = mapColumns([
      'sku',
      '商品尺寸(长cm)',
      '商品尺寸(宽cm)',
      '商品尺寸(高cm)',
      '包装尺寸(长cm)',
      '包装尺寸(宽cm)',
      '包装尺寸(高cm)',
    ]);
    expect(describeColumns(both)).toMatchObject({ length: '包装尺寸(长cm)', height: '包装尺寸(高cm)' });
    const oneCell = mapColumns(['sku', '商品尺寸(长cm)', '商品尺寸(宽cm)', '商品尺寸(高cm)', '包装尺寸(cm)']);
    expect(describeColumns(oneCell)).toMatchObject({ length: '包装尺寸(cm)', width: '包装尺寸(cm)' });
    expect(oneCell.side).toEqual({ length: 0, width: 1, height: 2 });
    // --map of the three sides to one column reads them from its cells.
    expect(mapColumns(['sku', 'Size'], { length: 'Size', width: 'Size', height: 'Size' }).side).toEqual({
      length: 0,
      width: 1,
      height: 2,
    });
  });

  it('reads one-cell sizes as written, the sides in their order', () => {
    const style = { decimalComma: false };
    expect(parseSidesCm('20*15*10', 'cm', style)).toEqual([20, 15, 10]);
    expect(parseSidesCm('20x15x10 cm', 'cm', style)).toEqual([20, 15, 10]);
    expect(parseSidesCm('10×30×5', 'cm', style)).toEqual([10, 30, 5]);
    expect(parseSidesCm('2 x 1 x 1 in', 'cm', style)).toEqual([5.08, 2.54, 2.54]);
    expect(parseSidesCm('200*150*100', 'mm', style)).toEqual([20, 15, 10]);
    expect(parseSidesCm('18*9', 'cm', style)).toEqual([18, 9, null]);
    expect(parseSidesCm('', 'cm', style)).toEqual([null, null, null]);
    expect(parseSidesCm('20cm*15cm*10cm', 'mm', style)).toEqual([20, 15, 10]);
    expect(parseSidesCm('L20*W15*H10', 'cm', style)).toEqual([20, 15, 10]);
    expect(parseSidesCm('２０＊１５＊１０', 'cm', style)).toEqual([20, 15, 10]);
    // A side without a unit takes the last side's.
    expect(parseSidesCm('200*150*10cm', 'mm', style)).toEqual([200, 150, 10]);
    expect(parseSidesCm('large', 'cm', style).every(Number.isNaN)).toBe(true);
    expect(parseSidesCm('20*15*10 stone', 'cm', style).every(Number.isNaN)).toBe(true);
  });

  it('reads a yes/no battery column: no is ordinary goods, yes is special', () => {
    for (const no of ['否', '0', 'false', 'no', 'N', '不带电']) expect(isSpecialGoods(no)).toBe(false);
    for (const yes of ['是', '1', 'true', 'yes', '内电']) expect(isSpecialGoods(yes)).toBe(true);
  });
});

describe('the header row', () => {
  it('is found below any preamble, whatever its length: no record changes (property)', async () => {
    const base = catalog([
      { sku: 'A1', product_id: 'P1' },
      { sku: 'A2', product_id: 'P1', weight_kg: 0.3 },
    ]);
    const records = async (text: string) => {
      const { result, skus } = await auditText(text, { asOf: '2026-11-23' });
      return { result, view: skus.map((s) => [s.sku, s.segment, s.track, s.weightKg, s.window.hours]) };
    };
    const reference = await records(base);
    expect(reference.view).toHaveLength(2);
    const line = fc.oneof(
      fc.constant(''),
      // A comment line is still a CSV row: a quote at the start of one of its cells opens a quoted cell
      // (see the next test), so the generated comments hold none.
      fc.string({ maxLength: 20 }).map((s) => `# ${s.replace(/[\r\n"]/g, ' ')}`),
      fc.constantFrom(
        'Product export report',
        'Exported at: 2026-11-20,,,',
        '店铺商品导出',
        'note: sizes in cm;',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 25 }), async (lines) => {
        const { result, view } = await records(`${lines.map((l) => `${l}\n`).join('')}${base}`);
        expect(view).toEqual(reference.view);
        expect(result.meta.input.headerRow).toBe(lines.length + 1);
      }),
      { numRuns: 60 },
    );
  });

  it('a comment line whose quote opens a cell is read as CSV: the quote never closes, said with its line', async () => {
    // Seen by the property above: `# ,"` opens a quoted cell in its second cell, as in any CSV reader.
    await expect(auditText(`# ,"\n${catalog([{ sku: 'A1' }])}`, { asOf: '2026-11-23' })).rejects.toThrow(
      /a quoted cell opened on line 1 never closes/,
    );
  });

  it('is the row under a group row that also says SKU: of the first rows that could be, the one mapping most', async () => {
    const text =
      '基本信息,,SKU,,包装信息,,\nSPU,产品名称,SKU编码,分类,包装尺寸(长cm),包装尺寸(宽cm),包装尺寸(高cm)\nP1,数据线,A1,手机配件,10,5,2\n';
    const { result, skus } = await auditText(text);
    expect(result.meta.input.headerRow).toBe(2);
    expect(skus.map((s) => [s.line, s.sku, s.productId, s.lengthCm])).toEqual([[3, 'A1', 'P1', 10]]);
  });

  it('is the row --header-row names, and an error names the lines when no row starts there', async () => {
    const text = `title,,\nsku,weight_kg\nA,0.1\n`;
    const forced = await auditText(text, { asOf: '2026-11-23', headerRow: 2 });
    expect(forced.result.meta.input.headerRow).toBe(2);
    await expect(auditText(text, { headerRow: 9 })).rejects.toThrow(
      /--header-row 9: <stdin> ends before line 9 \(its last row starts on line 3\)/,
    );
  });
});

describe('mappings that look wrong are said, never silent', () => {
  const warnings = async (text: string, columns = {}) =>
    (await auditText(text, { asOf: '2026-11-23', columns })).result.meta.input.warnings;

  it('a category of product types, with the categories column named', async () => {
    const text = 'ID,Type,SKU,Categories\n1,simple,A-1,Toys\n2,variable,B-1,Toys\n3,variation,B-2,\n';
    expect(await warnings(text, { category: 'Type' })).toEqual([
      expect.objectContaining({ field: 'category', header: 'Type', better: 'Categories' }),
    ]);
  });

  it('a SKU column of row ids beside a column of codes', async () => {
    const text =
      'sku,REF,colour_code,title\n101,AB-1,CLR-1,x\n102,AB-2,CLR-2,y\n103,CD-1,CLR-3,z\n104,CD-2,CLR-4,w\n';
    expect(await warnings(text)).toEqual([
      expect.objectContaining({ field: 'sku', header: 'sku', better: 'REF' }),
    ]);
    // Numeric SKUs beside a colour code only: no doubt (its header names no code for the goods).
    expect(await warnings('sku,colour_code\n10001,CLR-RED-1\n10002,CLR-RED-2\n10003,CLR-RED-3\n')).toEqual(
      [],
    );
  });

  it('numbers and dates that do not read, and a weight that looks like grams', async () => {
    const text =
      'sku,weight,listed_at,length_cm\nA,350,yesterday,big\nB,420,last week,small\nC,380,today,tiny\n';
    const found = await warnings(text);
    expect(found.map((w) => w.field).sort()).toEqual(['length', 'listedAt', 'weight']);
    expect(found.find((w) => w.field === 'weight')?.why).toMatch(/look like grams/);
  });

  it('each doubt is a suspicious-mapping finding on the first data row, and a line on stderr', async () => {
    const run = await runInProcess(['-', ...AS_OF, '--format', 'ndjson', '--map', 'category=Type'], {
      input: 'SKU,Type,Categories\nA-1,simple,Toys\nA-2,variable,Toys\n',
    });
    const [first, second] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.findings.map((f: { rule: string }) => f.rule)).toContain('suspicious-mapping');
    expect(second.findings.map((f: { rule: string }) => f.rule)).not.toContain('suspicious-mapping');
    expect(run.stderr.trim().split('\n')).toEqual([
      'channel-audit: warning: category is read from column "Type", which may be the wrong one: its values are kinds of listing ("simple", "variable"), not categories; "Categories" looks more like it (check with --print-mapping; fix with --map category="Categories")',
    ]);
  });
});

describe('workbooks', () => {
  it('reads the first visible sheet by default, under its header on row 2', async () => {
    const skus: AuditedSku[] = [];
    const result = await audit(join(LAYOUTS, 'seller-portal.xlsx'), {
      asOf: '2026-11-23',
      onSku: (s) => skus.push(s),
    });
    expect(result.meta.input).toMatchObject({ sheet: '手机配件 > 数据线', headerRow: 2, rows: 2 });
    expect(skus.map((s) => [s.line, s.sku, s.productId, s.sheet])).toEqual([
      [3, 'CBL-C2C-1M', '1005006184520371', null],
      [4, 'CBL-C2C-2M', '1005006184520371', null],
    ]);
  });

  it('with --sheet all, every visible sheet in workbook order; JSON and SARIF carry the sheet', async () => {
    const json = JSON.parse(
      (
        await runInProcess([
          join('test', 'layouts', 'seller-portal.xlsx'),
          ...AS_OF,
          '--sheet',
          'all',
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(json.input.sheets.map((s: { name: string }) => s.name)).toEqual([
      '手机配件 > 数据线',
      '手机配件 > 移动电源',
      '五金 > 工具 > 电钻',
      '服装 > 女装 > 连衣裙',
      '玩具 > 拼图',
      '五金 > 工具配件 > 钻头',
      '家居日用 > 餐饮用具 > 马克杯',
      '厨房用品 > 厨房工具 > 刀具',
    ]);
    const bits = json.skus.find((s: { sku: string }) => s.sku === 'BIT-HSS-19');
    expect(bits).toMatchObject({ line: 3, sheet: '五金 > 工具配件 > 钻头' });
    expect(bits.findings[0]).toMatchObject({ rule: 'missing-size-data', sheet: '五金 > 工具配件 > 钻头' });
    const sarif = JSON.parse(
      (
        await runInProcess([
          join('test', 'layouts', 'seller-portal.xls'),
          ...AS_OF,
          '--sheet',
          'all',
          '--format',
          'sarif',
        ])
      ).stdout,
    );
    expect(
      sarif.runs[0].results.some(
        (r: { properties: { sheet?: string } }) => r.properties.sheet === '五金 > 工具配件 > 钻头',
      ),
    ).toBe(true);
  });

  it('says which sheet has a header when the first one has none', async () => {
    const run = await runInProcess([join('test', 'layouts', 'no-header-first.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'channel-audit: test/layouts/no-header-first.xlsx: no column maps to sku or product_id (headers seen: "填写说明"); sheet "说明" has no header, but "商品" has one: read it with --sheet "商品", or every visible sheet with --sheet all',
    );
  });

  it('reads a legacy .xls like the .xlsx: the same SKUs, dates and text ids', async () => {
    const read = async (file: string) => {
      const skus: AuditedSku[] = [];
      await audit(join(LAYOUTS, file), { asOf: '2026-11-23', sheet: 'all', onSku: (s) => skus.push(s) });
      return skus.map((s) => [s.sheet, s.line, s.productId, s.sku, s.gtin, s.listedAt, s.weightKg, s.price]);
    };
    const xls = await read('seller-portal.xls');
    expect(xls).toHaveLength(15);
    expect(xls).toEqual(await read('seller-portal.xlsx'));
  });
});

describe('--sheet all on sheets that differ', () => {
  it('maps each sheet on its own header: units, one-cell sizes, extra cells and repeats across sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-sheets-'));
    const path = join(dir, 'mixed.xlsx');
    const book = new ExcelJS.Workbook();
    const cables = book.addWorksheet('cables');
    cables.addRow(['sku', 'weight_kg', 'length_cm', 'width_cm', 'height_cm', '*商品标题']);
    cables.addRow(['A1', 0.1, 10, 5, 2, 'Cable']);
    const shoes = book.addWorksheet('shoes');
    shoes.addRow(['SKU', '重量(g)', '包装尺寸(cm)', 'title', 'notes']);
    shoes.addRow(['B1', 3500, '35*20*12', 'Boots', 'x', 'a cell past the header']);
    shoes.addRow(['A1', 100, '10*5*2', 'Cable again']);
    const notes = book.addWorksheet('read me');
    notes.addRow(['fill in one row per SKU']);
    await book.xlsx.writeFile(path);
    const skus: AuditedSku[] = [];
    const result = await audit(path, { asOf: '2026-11-23', sheet: 'all', onSku: (s) => skus.push(s) });
    rmSync(dir, { recursive: true, force: true });
    expect(result.meta.input.sheets).toEqual([
      { name: 'cables', headerRow: 1, rows: 1 },
      { name: 'shoes', headerRow: 1, rows: 2 },
      { name: 'read me', headerRow: null, rows: 0 },
    ]);
    expect(result.meta.input.unread).toEqual(['notes']);
    const view = skus.map((s) => ({
      sheet: s.sheet,
      line: s.line,
      sku: s.sku,
      title: s.title,
      sides: [s.weightKg, s.lengthCm, s.widthCm, s.heightCm],
      rules: s.findings.map((f) => f.rule).filter((r) => r !== 'missing-listing-date'),
    }));
    expect(view).toEqual([
      { sheet: 'cables', line: 2, sku: 'A1', title: 'Cable', sides: [0.1, 10, 5, 2], rules: [] },
      {
        sheet: 'shoes',
        line: 2,
        sku: 'B1',
        title: 'Boots',
        sides: [3.5, 35, 20, 12],
        rules: ['malformed-row'],
      },
      {
        sheet: 'shoes',
        line: 3,
        sku: 'A1',
        title: 'Cable again',
        sides: [0.1, 10, 5, 2],
        rules: ['duplicate-sku'],
      },
    ]);
  });

  it('says on stderr and in --print-mapping which sheet it skipped; refuses --header-row', async () => {
    const book = join('test', 'layouts', 'no-header-first.xlsx');
    const run = await runInProcess([book, '--sheet', 'all', ...AS_OF, '--format', 'json']);
    expect(run.stderr).toContain(
      'channel-audit: warning: sheet "说明" has no row that maps a SKU or product id',
    );
    expect(JSON.parse(run.stdout).input.rows).toBe(2);
    expect((await runInProcess([book, '--sheet', 'all', '--print-mapping'])).stdout).toMatch(
      /sheets "说明" \(no header: skipped\), "商品" \(header on row 1\)/,
    );
    const forced = await runInProcess([book, '--sheet', 'all', '--header-row', '1']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(
      /--header-row with --sheet all: each sheet's header row is found on its own/,
    );
  });
});

describe('workbook files as they come', () => {
  it('an HTML table named .xls is read as a workbook; a damaged .xls and text options are one-line errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-xls-'));
    const html = join(dir, 'export.xls');
    writeFileSync(
      html,
      '<html><body><table><tr><td>sku</td><td>weight_kg</td></tr><tr><td>A1</td><td>0.2</td></tr></table></body></html>',
    );
    const read = await runInProcess([html, ...AS_OF, '--format', 'json']);
    expect(JSON.parse(read.stdout).input).toMatchObject({ encoding: 'xls', rows: 1 });
    const broken = join(dir, 'broken.xls');
    writeFileSync(broken, readFileSync(join(LAYOUTS, 'seller-portal.xls')).subarray(0, 9000));
    const damaged = await runInProcess([broken]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toBe(
      `channel-audit: ${broken} is not a readable .xls workbook (it is damaged, or not an Excel 97-2003 file); re-save it from Excel, or export it as CSV\n`,
    );
    const delimiter = await runInProcess([join('test', 'layouts', 'seller-portal.xls'), '--delimiter', ';']);
    expect(delimiter.code).toBe(2);
    expect(delimiter.stderr).toMatch(
      /--delimiter: .* is a workbook \(\.xls\): its cells need no delimiter or encoding/,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('--print-mapping', () => {
  it('shows each field and its column, the columns left unread and the doubts, and audits nothing', async () => {
    const run = await runInProcess([join('test', 'layouts', 'magento.csv'), '--print-mapping']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^test\/layouts\/magento\.csv · header on line 1 · utf-8 · delimiter ","\n/);
    expect(run.stdout).toMatch(/\ncategory +← categories\n/);
    expect(run.stdout).toMatch(/\nhandling +—\n/);
    expect(run.stdout).toMatch(/\nnot read: store_view_code, attribute_set_code, product_type, /);
    expect(run.stdout).toMatch(/\ndoubtful:\n {2}weight is read from column "weight"/);
  });
});

describe('each layout\u2019s JSON report', () => {
  // The whole report of every layout, committed: regenerate with UPDATE_GOLDEN=1 and review the diff.
  const cases = readdirSync(LAYOUTS)
    .filter((f) => /\.(csv|tsv|xlsx|xls)$/.test(f) && f !== 'no-header-first.xlsx')
    .map((f) => [f, /^seller-portal/.test(f) ? ['--sheet', 'all'] : []] as const);
  // The exit code of each, beside them in expected/exit-codes.json.
  const codesPath = join(LAYOUTS, 'expected', 'exit-codes.json');
  const codes: Record<string, number | null> = existsSync(codesPath)
    ? JSON.parse(readFileSync(codesPath, 'utf8'))
    : {};
  it.each(cases)('%s', async (file, extra) => {
    const run = await runInProcess([join('test', 'layouts', file), ...AS_OF, ...extra, '--format', 'json']);
    const path = join(LAYOUTS, 'expected', `${file}.json`);
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(path, run.stdout);
      codes[file] = run.code;
      writeFileSync(codesPath, `${JSON.stringify(codes, null, 2)}\n`);
    }
    expect(run.stdout).toBe(readFileSync(path, 'utf8'));
    expect(run.code, `expected/exit-codes.json: ${file}`).toBe(codes[file]);
  });
});
