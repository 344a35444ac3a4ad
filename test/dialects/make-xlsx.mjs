// Writes catalog.xlsx from canonical.csv, the way a spreadsheet holds a catalog: numbers as numeric cells,
// listing dates as date cells (no time zone: UTC midnight), GTINs and product ids as text (a number cell
// would lose a leading zero, and Excel keeps only 15 digits), empty cells not stored at all, and a
// second sheet of notes that the audit must not read. Run: node test/dialects/make-xlsx.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

const rows = parse(readFileSync(here('canonical.csv'), 'utf8'), { columns: true });
const headers = Object.keys(rows[0]);
const NUMBERS = new Set([
  'weight_kg',
  'length_cm',
  'width_cm',
  'height_cm',
  'handling_days',
  'price',
  'stock',
]);

const workbook = new ExcelJS.Workbook();
workbook.creator = 'channel-audit test fixtures';
// A fixed date: the same script writes the same workbook.
workbook.created = new Date(Date.UTC(2026, 10, 1));
workbook.modified = workbook.created;

const sheet = workbook.addWorksheet('Catalog');
sheet.addRow(headers);
sheet.getRow(1).font = { bold: true };
for (const record of rows) {
  const values = headers.map((header) => {
    const text = record[header];
    if (text === '') return null;
    if (NUMBERS.has(header)) return Number(text);
    if (header === 'listed_at') {
      const [y, m, d] = text.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    return text;
  });
  sheet.addRow(values);
}
sheet.getColumn(headers.indexOf('listed_at') + 1).numFmt = 'yyyy-mm-dd';
sheet.getColumn(headers.indexOf('price') + 1).numFmt = '0.00';
for (const header of ['product_id', 'gtin']) sheet.getColumn(headers.indexOf(header) + 1).numFmt = '@';

const notes = workbook.addWorksheet('Notes');
notes.addRow(['note']);
notes.addRow(['Exported from the back office on 2026-11-01; weights are package gross weights in kg.']);
notes.addRow(['Dimensions are package sides in cm; handling_days counts from payment to shipment.']);

await workbook.xlsx.writeFile(here('catalog.xlsx'));
console.log(`catalog.xlsx: ${rows.length} rows`);
