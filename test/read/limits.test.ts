import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../cli-run.js';
import { xlsxOf } from '../xlsx-by-hand.js';

// What one run may take from its input (`src/read/limits.ts`): each limit refused in one line, exit 2,
// naming the option that raises it; raised, the same file is read.

const work = mkdtempSync(join(tmpdir(), 'ca-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const ROWS = [
  ['sku', 'title', 'weight_kg'],
  ['A-1', 'Cable', '0.1'],
  ['A-2', 'Case', '0.2'],
];
const file = (name: string, data: Buffer | string) => {
  const path = join(work, name);
  writeFileSync(path, data);
  return path;
};
const audit = (path: string, ...args: string[]) =>
  runInProcess([path, '--format', 'ndjson', '--as-of', '2026-11-23', ...args]);
const skus = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { sku?: string })
    .filter((record) => record.sku !== undefined);

function refused(run: { code: number | null; stderr: string }, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

describe('a cell longer than --max-cell-mb', () => {
  const big = 'x'.repeat(3 * 2 ** 20);
  const csv = file('big-cell.csv', `sku,title,weight_kg\nA-1,"${big}",0.1\nA-2,Case,0.2\n`);

  it('is refused, naming its line and the option', async () => {
    refused(await audit(csv, '--max-cell-mb', '1'), /line 2 is longer than 1 MB.*--max-cell-mb/);
  });

  it('is read whole under a raised limit', async () => {
    const run = await runInProcess([csv, '--format', 'csv', '--as-of', '2026-11-23', '--max-cell-mb', '4']);
    expect(run.code).not.toBe(2);
    expect(run.stdout.split('\n')[1]?.startsWith(`A-1,${big},0.1,`)).toBe(true);
  });

  it('a quoted cell that never closes is refused once it runs past four cells of the limit', async () => {
    const open = file('never-closes.csv', `sku,title\nA-1,"${'y\n'.repeat(2 * 2 ** 20)}`);
    refused(await audit(open, '--max-cell-mb', '0.5'), /row that starts on line 2 runs past 2 MB/);
  });

  it('in a workbook is refused, naming its row and sheet', async () => {
    const book = file('long.xlsx', xlsxOf([...ROWS, ['A-3', 'z'.repeat(40), '0.3']]));
    refused(
      await audit(book, '--max-cell-mb', '0.00002'),
      /long\.xlsx: the cell on row 4 of sheet "Products" is longer than 21 bytes.*--max-cell-mb/,
    );
  });
});

describe('a workbook that unzips past the limits', () => {
  // 10 MB of XML whitespace between two rows: it zips to about 10 KB.
  const bomb = file('bomb.xlsx', xlsxOf(ROWS, { padding: 10_000_000 }));

  it('is refused by its zip ratio, before anything is read', async () => {
    refused(
      await audit(bomb),
      /bomb\.xlsx: xl\/worksheets\/sheet1\.xml unzips to \d+ times its zipped size .*more than 200.*--max-zip-ratio/,
    );
  });

  it('is refused by its unzipped size', async () => {
    refused(
      await audit(bomb, '--max-zip-ratio', '100000', '--max-unzipped-mb', '5'),
      /bomb\.xlsx unzips to more than 5 MB.*--max-unzipped-mb/,
    );
  });

  it('is read under raised limits', async () => {
    const run = await audit(bomb, '--max-zip-ratio', '100000');
    expect(run.code).not.toBe(2);
    expect(skus(run.stdout).map((s) => s.sku)).toEqual(['A-1', 'A-2']);
  });

  it('is counted when its zip gives the sizes in ZIP64 fields, and read as one without them', async () => {
    // Some writers give every entry's sizes in a ZIP64 extra field: they were not read, so such a part
    // escaped the limits (and the reading in a fixed order).
    const wide = file('bomb64.xlsx', xlsxOf(ROWS, { padding: 10_000_000, zip64: true }));
    refused(
      await audit(wide),
      /bomb64\.xlsx: xl\/worksheets\/sheet1\.xml unzips to \d+ times its zipped size/,
    );
    const plain = await audit(file('plain64.xlsx', xlsxOf(ROWS, { zip64: true })));
    expect(plain.stderr).toBe('');
    expect(skus(plain.stdout).map((s) => s.sku)).toEqual(['A-1', 'A-2']);
  });

  it('is refused when a part unzips to more than its zip states', async () => {
    const liar = file('liar.xlsx', xlsxOf(ROWS, { padding: 3_000_000, statedSheetSize: 2000 }));
    refused(
      await audit(liar),
      /liar\.xlsx: xl\/worksheets\/sheet1\.xml unzips to more than the 2000 bytes its zip directory states/,
    );
  });

  it('leaves nothing in the temp folder', async () => {
    const temp = mkdtempSync(join(work, 'tmp-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      await audit(bomb);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe('limits on the command line', () => {
  it.each(['--max-cell-mb', '--max-unzipped-mb', '--max-zip-ratio'])(
    '%s 0 is a usage error',
    async (option) => {
      refused(
        await audit(file('ok.csv', 'sku\nA\n'), option, '0'),
        new RegExp(`${option} 0: give a number above 0`),
      );
    },
  );
});
