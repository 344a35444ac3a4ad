import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../cli-run.js';
import { xlsxOf } from '../xlsx-by-hand.js';

// ECMA-376 makes a row's and a cell's `r` attribute optional: a row without one follows the row before,
// a cell the cell before. Several generators leave them out.

const work = mkdtempSync(join(tmpdir(), 'ca-no-refs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const ROWS = [
  ['sku', 'title', 'weight_kg', 'handling_days'],
  ['A-1', 'Cable', '0.1', '2'],
  ['A-2', 'Case', '0.2', '3'],
];

describe('an .xlsx whose rows and cells have no r attribute', () => {
  it('reads as the same workbook with them', async () => {
    const read = async (refs: boolean) => {
      const path = join(work, `${refs ? 'refs' : 'no-refs'}.xlsx`);
      writeFileSync(path, xlsxOf(ROWS, { refs }));
      const run = await runInProcess([path, '--format', 'csv', '--as-of', '2026-11-23']);
      return { ...run, stderr: run.stderr };
    };
    const [withRefs, without] = [await read(true), await read(false)];
    expect(without.stderr).toBe('');
    expect(without.code).toBe(withRefs.code);
    expect(without.stdout).toBe(withRefs.stdout);
    expect(without.stdout.split('\n')[1]).toMatch(/^A-1,Cable,0\.1,2,/);
  });
});

// Damaged workbooks, as the fuzz run (test/fuzz/) found them: each refused in one plain line, exit 2.
describe('a damaged .xlsx', () => {
  const refused = async (name: string, book: Buffer, message: RegExp) => {
    const path = join(work, name);
    writeFileSync(path, book);
    const run = await runInProcess([path, '--format', 'json', '--as-of', '2026-11-23']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/internal error|Cannot read properties/);
  };

  it('with two rows numbered 1 (an index pass and an audit that disagreed)', () =>
    refused(
      'rows-twice.xlsx',
      xlsxOf(ROWS, { rowNumbers: [1, 1, 2] }),
      /rows-twice\.xlsx is not a readable \.xlsx workbook \(its rows are out of order: row 1 comes after row 1\)/,
    ));

  it('with two sheets of one name', () =>
    refused(
      'two-names.xlsx',
      xlsxOf(ROWS, { sheetNames: ['Products', 'Products'] }),
      /two-names\.xlsx is damaged: two sheets are named "Products"/,
    ));

  it('with a styles part cut short (exceljs failed on a bare TypeError)', () =>
    refused(
      'no-style.xlsx',
      xlsxOf(ROWS, {
        style: 1,
        styles:
          '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font',
      }),
      /no-style\.xlsx is not a readable \.xlsx workbook \(a part of it is missing or damaged\); re-save it from Excel, or export it as CSV/,
    ));
});
