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
