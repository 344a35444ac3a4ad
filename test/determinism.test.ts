import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './cli-run.js';

// Same input, same answer: each workbook audited 20 times by the built binary, four runs at a time (the
// machine loaded on purpose), gives the same JSON to the byte, and its NDJSON the same SKUs. A workbook
// once gave three answers in fifteen runs (an empty first sheet, then the data sheet, 1904 dates):
// date1904.xlsx is shaped like it.

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'ca-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RUNS = 20;

async function audits(args: string[]): Promise<{ json: string; ndjson: string }[]> {
  const results: { json: string; ndjson: string }[] = [];
  for (let i = 0; i < RUNS; i += 4) {
    const batch = await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        const out = join(work, `run-${i + k}.ndjson`);
        const { stdout } = await run(
          process.execPath,
          [BIN, ...args, '--as-of', '2026-11-23', '--format', 'json', '--out', out],
          {
            cwd: ROOT,
            maxBuffer: 1 << 26,
          },
        ).catch((error: { stdout: string }) => error);
        return { json: stdout, ndjson: readFileSync(out, 'utf8') };
      }),
    );
    results.push(...batch);
  }
  return results;
}

describe('the same workbook, audited 20 times', () => {
  it.each([
    ['date1904.xlsx', []],
    ['seller-portal.xlsx', ['--sheet', 'all']],
    ['seller-portal.xls', ['--sheet', 'all']],
  ] as const)(
    '%s %s gives one answer',
    async (file, extra) => {
      const results = await audits([join('test', 'layouts', file), ...extra]);
      const [first] = results;
      if (first === undefined) throw new Error('no run');
      for (const result of results) {
        expect(result.json).toBe(first.json);
        expect(result.ndjson).toBe(first.ndjson);
      }
      // The NDJSON records are the JSON report's SKUs.
      const skus = JSON.parse(first.json).skus;
      expect(
        first.ndjson
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toEqual(skus);
      expect(skus.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('date1904.xlsx: the data sheet after the empty one, its dates in the 1904 system', async () => {
    const { stdout } = await run(
      process.execPath,
      [BIN, join('test', 'layouts', 'date1904.xlsx'), '--as-of', '2026-11-23', '--format', 'json'],
      { cwd: ROOT },
    );
    const json = JSON.parse(stdout);
    expect(json.input).toMatchObject({ sheet: 'Products', headerRow: 1, rows: 3 });
    expect(
      json.skus.map((s: { sku: string; window: { newUntil: string } }) => [s.sku, s.window.newUntil]),
    ).toEqual([
      ['A1', '2026-12-01'],
      ['A2', '2025-04-13'],
      ['B1', '2000-01-30'],
    ]);
  }, 60_000);
});
