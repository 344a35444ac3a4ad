// Writes workbook layouts that are not "one header row on the first sheet", from test/dialects/canonical.csv.
//
// seller-portal.xlsx mirrors the AliExpress supplier-portal (CSP) SKU-level product export: one sheet per
// category (the sheet name is the Chinese category path, there is no category column), the category title
// on row 1 (`类目：…`, merged across the header), the header on row 2 with a leading `*` on required fields,
// data from row 3, the product `id` repeated on every SKU row, and hidden helper sheets around the data
// (`_hide_dict` hidden, first tab; `_hide_attr` very hidden, last tab). Ids and GTINs are text cells
// (16 digits do not survive a number cell), listing dates are real date cells, empty values store no cell.
// seller-portal.xls is the same workbook saved by LibreOffice (headless) as Excel 97-2003 (BIFF8); the
// script then reads it back with SheetJS and prints what survived (hidden flags, first rows, formats).
// LibreOffice has no "very hidden" state and saves `_hide_attr` as plain hidden, so the script sets that
// one sheet's BOUNDSHEET hsState byte back to 2 (very hidden), as Excel would have saved it; nothing else
// in LibreOffice's file is touched.
// no-header-first.xlsx has an instructions sheet first and the data on the second sheet, for the error
// that suggests --sheet.
//
// Run from the repository root: node test/layouts/make-workbooks.mjs
// The .xlsx files are byte-stable: fixed workbook dates, and the zip is re-packed with fixed entry dates
// (exceljs stamps every zip entry with the current time). The .xls is only as stable as LibreOffice is.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

const FIXED_DATE = new Date(Date.UTC(2026, 10, 1));
const rows = parse(readFileSync(here('../dialects/canonical.csv'), 'utf8'), { columns: true });

// The Chinese names of canonical.csv's categories, shared with the Python fixture scripts.
const CATEGORY_ZH = JSON.parse(readFileSync(here('../dialects/zh-categories.json'), 'utf8'));

// [header text, value from a canonical row (undefined/null = no cell), numFmt]
const TEXT = '@';
const num = (text) => (text === '' ? null : Number(text));
const str = (text) => (text === '' ? null : text);
const COLUMNS = [
  ['id', (r) => r.product_id, TEXT],
  ['*商品标题', (r) => r.title],
  ['sku', (r) => r.sku],
  ['sku属性', (r) => variantLabel(r)],
  ['*零售价(USD)', (r) => num(r.price), '0.00'],
  ['*货值(USD)', (r) => (r.price === '' ? null : Math.round(Number(r.price) * 0.6 * 100) / 100), '0.00'],
  ['*库存', (r) => num(r.stock)],
  ['品牌', (r) => str(r.brand)],
  ['条形码', (r) => str(r.gtin), TEXT],
  ['型号', (r) => str(r.mpn)],
  ['*包装后重量(kg)', (r) => num(r.weight_kg)],
  ['*包装尺寸(长cm)', (r) => num(r.length_cm)],
  ['*包装尺寸(宽cm)', (r) => num(r.width_cm)],
  ['*包装尺寸(高cm)', (r) => num(r.height_cm)],
  ['*发货期', (r) => num(r.handling_days)],
  ['创建时间', (r) => listingDate(r.listed_at), 'yyyy-mm-dd'],
];

// Products with several SKUs get the part of the sku after the product code (CBL-C2C-1M → C2C-1M);
// a single-SKU product gets the portal's default variant label.
const skusPerProduct = new Map();
for (const r of rows) skusPerProduct.set(r.product_id, (skusPerProduct.get(r.product_id) ?? 0) + 1);
function variantLabel(r) {
  const dash = r.sku.indexOf('-');
  if (skusPerProduct.get(r.product_id) < 2 || dash < 0) return '默认';
  return r.sku.slice(dash + 1);
}

function listingDate(text) {
  if (text === '') return null;
  const [y, m, d] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'channel-audit test fixtures';
  workbook.lastModifiedBy = 'channel-audit test fixtures';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

// Written by exceljs as it is (its zip entries carry the time of writing). A copy re-packed by another zip
// library, with the workbook part last, made exceljs's streaming reader stop before that part: a fault of
// the reader, not of the file, which the committed fixtures do not exercise.
async function writeStable(workbook, path) {
  await workbook.xlsx.writeFile(path);
}

// ---------------------------------------------------------------- seller-portal.xlsx
async function sellerPortal() {
  const workbook = newWorkbook();

  const dict = workbook.addWorksheet('_hide_dict', { state: 'hidden' });
  dict.addRow(['选项', '币种', '发货期']);
  dict.addRow(['是', 'USD', 2]);
  dict.addRow(['否', 'CNY', 3]);
  dict.addRow([null, null, 5]);
  dict.addRow([null, null, 7]);

  const categories = [...new Set(rows.map((r) => r.category))];
  let first = true;
  for (const category of categories) {
    const zh = CATEGORY_ZH[category];
    if (!zh) throw new Error(`no Chinese path for category ${category}`);
    // The first visible sheet is the one Excel opens on.
    const sheet = workbook.addWorksheet(zh, { views: [{ state: 'normal', tabSelected: first }] });
    first = false;

    sheet.getCell(1, 1).value = `类目：${zh}`;
    sheet.getCell(1, 1).font = { bold: true };
    sheet.mergeCells(1, 1, 1, COLUMNS.length);

    COLUMNS.forEach(([header], i) => {
      const cell = sheet.getCell(2, i + 1);
      cell.value = header;
      cell.font = { bold: true };
    });

    let rowNumber = 3;
    for (const record of rows.filter((r) => r.category === category)) {
      COLUMNS.forEach(([, value, numFmt], i) => {
        const v = value(record);
        if (v === null || v === undefined) return; // an empty value stores no cell at all
        const cell = sheet.getCell(rowNumber, i + 1);
        cell.value = v;
        if (numFmt) cell.numFmt = numFmt;
      });
      rowNumber += 1;
    }
    COLUMNS.forEach(([header], i) => {
      sheet.getColumn(i + 1).width = header === '*商品标题' ? 40 : 16;
    });
  }

  const attr = workbook.addWorksheet('_hide_attr', { state: 'veryHidden' });
  attr.addRow(['attr_id', 'attr_name', 'attr_value']);
  attr.addRow([200000828, '颜色', '黑色']);
  attr.addRow([200000639, '尺码', 'M']);

  // Open on the first visible tab, not on the hidden helper sheet.
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];

  await writeStable(workbook, here('seller-portal.xlsx'));
  return categories.length;
}

// ---------------------------------------------------------------- seller-portal.xls (LibreOffice)
function convertToXls() {
  const work = mkdtempSync(join(tmpdir(), 'ca-layouts-'));
  try {
    const profile = join(work, 'lo-profile');
    const outdir = join(work, 'out');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xls',
        '--outdir',
        outdir,
        here('seller-portal.xlsx'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    const produced = join(outdir, 'seller-portal.xls');
    if (!existsSync(produced)) throw new Error('LibreOffice did not write seller-portal.xls');
    copyFileSync(produced, here('seller-portal.xls'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function sheetStates(path) {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  return wb.SheetNames.map((name, i) => `${name}=${wb.Workbook?.Sheets?.[i]?.Hidden ?? 0}`).join(', ');
}

// BIFF8 BOUNDSHEET record (0x0085): lbPlyPos (4 bytes), hsState (1; 0 visible, 1 hidden, 2 very hidden),
// dt (1), then the name as cch (1), fHighByte (1) and the characters. For an ASCII name LibreOffice
// writes the compressed (8-bit) form. The record is found by its exact bytes in the file; it must occur
// exactly once (a record split across a 512-byte sector boundary would not be found, and the script
// stops rather than guess).
function setVeryHidden(path, sheetName) {
  const bytes = readFileSync(path);
  const name = Buffer.from(sheetName, 'latin1');
  const length = 4 + 1 + 1 + 1 + 1 + name.length;
  const hits = [];
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    const start = at - 12; // 2 type + 2 length + 4 lbPlyPos + hsState + dt + cch + fHighByte
    if (start < 0) continue;
    if (bytes.readUInt16LE(start) !== 0x0085 || bytes.readUInt16LE(start + 2) !== length) continue;
    if (bytes[at - 2] !== name.length || bytes[at - 1] !== 0) continue;
    hits.push(start);
  }
  if (hits.length !== 1) throw new Error(`BOUNDSHEET for ${sheetName}: ${hits.length} matches, expected 1`);
  const hsState = hits[0] + 8;
  if ((bytes[hsState] & 3) === 2) return false;
  if ((bytes[hsState] & 3) !== 1)
    throw new Error(`${sheetName} hsState is ${bytes[hsState]}, expected hidden (1)`);
  bytes[hsState] = (bytes[hsState] & ~3) | 2;
  writeFileSync(path, bytes);
  return true;
}

function verifyXls() {
  const wb = XLSX.read(readFileSync(here('seller-portal.xls')), { type: 'buffer', cellNF: true });
  const problems = [];
  const flags = wb.Workbook?.Sheets ?? [];
  console.log('seller-portal.xls sheets (Hidden: 0 visible, 1 hidden, 2 very hidden):');
  wb.SheetNames.forEach((name, i) => console.log(`  ${i}: ${name}  Hidden=${flags[i]?.Hidden ?? 0}`));
  if ((flags[0]?.Hidden ?? 0) !== 1) problems.push('_hide_dict is not hidden');
  const lastHidden = flags[wb.SheetNames.length - 1]?.Hidden ?? 0;
  if (lastHidden !== 2) problems.push(`_hide_attr has Hidden=${lastHidden}, not 2 (very hidden)`);

  const firstVisible = wb.SheetNames.find((_, i) => !(flags[i]?.Hidden ?? 0));
  // Read without cellNF, sheet_to_json gives the date as its serial number; with cellNF (as the CLI
  // reads .xls) the cells carry .z and SheetJS 0.20's sheet_to_json turns date-formatted numbers into
  // Date objects even with raw: true. Print both.
  const plain = XLSX.read(readFileSync(here('seller-portal.xls')), { type: 'buffer' });
  console.log(`first visible sheet: ${firstVisible}; first 3 rows (sheet_to_json header:1 raw:true):`);
  for (const row of XLSX.utils
    .sheet_to_json(plain.Sheets[firstVisible], { header: 1, raw: true })
    .slice(0, 3)) {
    console.log(`  ${JSON.stringify(row)}`);
  }
  const ws = wb.Sheets[firstVisible];
  const withNF = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true })[2];
  console.log(`  row 3 read with cellNF: true, last cell = ${JSON.stringify(withNF[withNF.length - 1])}`);

  // Column A = id, I = 条形码, P = 创建时间; data from row 3. Check every category sheet.
  for (const [i, name] of wb.SheetNames.entries()) {
    if (flags[i]?.Hidden) continue;
    const sheet = wb.Sheets[name];
    const last = XLSX.utils.decode_range(sheet['!ref']).e.r + 1;
    for (let r = 3; r <= last; r += 1) {
      const id = sheet[`A${r}`];
      const gtin = sheet[`I${r}`];
      const date = sheet[`P${r}`];
      if (!id || id.t !== 's') problems.push(`${name}!A${r} id is ${id ? `type ${id.t}` : 'missing'}`);
      if (gtin && gtin.t !== 's') problems.push(`${name}!I${r} gtin is type ${gtin.t}`);
      if (!date || date.t !== 'n' || !date.z || !XLSX.SSF.is_date(date.z)) {
        problems.push(`${name}!P${r} date cell ${JSON.stringify(date)}`);
      }
      if (r === 3) {
        console.log(
          `  ${name}: A3 t=${id?.t} v=${JSON.stringify(id?.v)} z=${JSON.stringify(id?.z)}; ` +
            `I3 t=${gtin?.t ?? '-'} v=${JSON.stringify(gtin?.v)}; ` +
            `P3 t=${date?.t} v=${date?.v} z=${JSON.stringify(date?.z)} w=${JSON.stringify(date?.w)}`,
        );
      }
    }
  }
  if (problems.length) {
    console.log('PROBLEMS in seller-portal.xls:');
    for (const p of problems) console.log(`  - ${p}`);
  } else {
    console.log('seller-portal.xls: hidden flags, text ids/gtins and date formats survived');
  }
  return problems;
}

// ---------------------------------------------------------------- no-header-first.xlsx
async function noHeaderFirst() {
  const workbook = newWorkbook();
  const notes = workbook.addWorksheet('说明', { views: [{ state: 'normal', tabSelected: true }] });
  notes.addRow(['填写说明']);
  notes.addRow(['1. 带*为必填项']);
  notes.addRow(['2. 重量单位为千克(kg)，尺寸单位为厘米(cm)']);
  notes.addRow(['3. 请在「商品」工作表中填写商品信息']);
  notes.getRow(1).font = { bold: true };

  const data = workbook.addWorksheet('商品');
  data.addRow(['sku', 'product_id', 'weight_kg', 'length_cm', 'width_cm', 'height_cm']);
  data.addRow(['A1', 'P1', 0.1, 10, 5, 2]);
  data.addRow(['A2', 'P1', 0.2, 10, 5, 2]);
  await writeStable(workbook, here('no-header-first.xlsx'));
}

// ---------------------------------------------------------------- date1904.xlsx
// Shaped like a public workbook once read three ways in fifteen runs: an empty first sheet in workbook
// order, then the data sheet, in the 1904 date system (old Mac workbooks), its listing dates date cells.
async function date1904() {
  const workbook = newWorkbook();
  workbook.properties.date1904 = true;
  workbook.addWorksheet('Cover');
  const data = workbook.addWorksheet('Products');
  data.addRow(['sku', 'product_id', 'title', 'weight_kg', 'length_cm', 'width_cm', 'height_cm', 'listed_at']);
  const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
  data.addRow(['A1', 'P1', 'Cable 1 m', 0.08, 15, 10, 2, day(2026, 11, 1)]);
  data.addRow(['A2', 'P1', 'Cable 2 m', 0.09, 16, 10, 2, day(2025, 3, 14)]);
  data.addRow(['B1', 'P2', 'Drill', 3.2, 45, 35, 12, day(1999, 12, 31)]);
  data.getColumn(8).numFmt = 'yyyy-mm-dd';
  await writeStable(workbook, here('date1904.xlsx'));
}

if (process.argv[2] === 'date1904') {
  await date1904();
  console.log(`date1904.xlsx: ${statSync(here('date1904.xlsx')).size} bytes`);
  process.exit(0);
}

const sheetCount = await sellerPortal();
console.log(`seller-portal.xlsx: ${sheetCount} category sheets, ${rows.length} SKU rows`);
await noHeaderFirst();
console.log('no-header-first.xlsx: 说明 + 商品 (2 rows)');
await date1904();
convertToXls();
console.log(`LibreOffice's seller-portal.xls hidden flags: ${sheetStates(here('seller-portal.xls'))}`);
if (setVeryHidden(here('seller-portal.xls'), '_hide_attr')) {
  console.log('set _hide_attr back to very hidden (BOUNDSHEET hsState 1 -> 2)');
}
const problems = verifyXls();
for (const name of ['seller-portal.xlsx', 'seller-portal.xls', 'no-header-first.xlsx']) {
  console.log(`${name}: ${statSync(here(name)).size} bytes`);
}
if (problems.length) process.exitCode = 1;
