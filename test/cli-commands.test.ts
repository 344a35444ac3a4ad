import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORDERS_ARGS, ROOT, runInProcess } from './cli-run.js';

// The two audit commands share their options and their run (src/cli/): what one gets, the other has.
const work = mkdtempSync(join(tmpdir(), 'ca-commands-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('orders', () => {
  it('--map checks order fields by their own names', async () => {
    const run = await runInProcess([...ORDERS_ARGS, '--map', 'sku']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'channel-audit: --map sku: expected FIELD=HEADER with FIELD one of orderId, sku, productId, paidAt, onlineAt, shippedAt, country, carrier',
    );
  });

  it('--catalog-map reads a catalog field from a column of another name', async () => {
    // The catalog with its listing-date column renamed: unread without --catalog-map.
    const catalog = readFileSync(join(ROOT, 'test', 'orders-fixtures', 'catalog.csv'), 'utf8').replace(
      'listed_at',
      'Erstellt',
    );
    const renamed = join(work, 'catalog.csv');
    writeFileSync(renamed, catalog);
    const args = ORDERS_ARGS.map((a) => (a.endsWith('catalog.csv') ? renamed : a));
    const without = await runInProcess([...args, '--format', 'json']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/has no listing-date column/);
    const mapped = await runInProcess([...args, '--format', 'json', '--catalog-map', 'listedAt=Erstellt']);
    const expected = await runInProcess([...ORDERS_ARGS, '--format', 'json']);
    expect(mapped.stderr).toBe('');
    expect(mapped.code).toBe(expected.code);
    const summary = (text: string) => JSON.parse(text).summary;
    expect(summary(mapped.stdout)).toEqual(summary(expected.stdout));
  });

  it('--catalog-map names catalog fields', async () => {
    const run = await runInProcess([...ORDERS_ARGS, '--catalog-map', 'paidAt=x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^channel-audit: --catalog-map paidAt=x: expected FIELD=HEADER with FIELD one of productId, sku,/,
    );
  });

  it('shares the catalog audit’s limits and --print-config', async () => {
    const limits = await runInProcess([...ORDERS_ARGS, '--max-cell-mb', '0']);
    expect(limits.stderr.trim()).toBe('channel-audit: --max-cell-mb 0: give a number above 0');
    const config = await runInProcess([...ORDERS_ARGS, '--print-config']);
    expect(config.code).toBe(0);
    expect(JSON.parse(config.stdout).policy).toBe('aliexpress-2024-09');
  });
});

describe('a workbook of several sheets read by default', () => {
  const book = join('test', 'layouts', 'seller-portal.xlsx');

  it('says which other visible sheets have a header and were not read', async () => {
    const run = await runInProcess([book, '--format', 'json', '--as-of', '2026-11-23']);
    const json = JSON.parse(run.stdout);
    expect(json.input.sheet).toBe('手机配件 > 数据线');
    expect(json.input.otherSheets).toHaveLength(7);
    expect(run.stderr).toMatch(
      /^channel-audit: warning: only sheet "手机配件 > 数据线" was read; 7 other visible sheets have a header row too \("手机配件 > 移动电源", .*\): read every visible sheet with --sheet all, or one with --sheet NAME\n$/,
    );
    const mapping = await runInProcess([book, '--print-mapping']);
    expect(mapping.stdout).toMatch(/other sheets with a header, not read: "手机配件 > 移动电源", /);
  });

  it('says nothing when the sheet is named', async () => {
    const run = await runInProcess([
      book,
      '--format',
      'json',
      '--as-of',
      '2026-11-23',
      '--sheet',
      '玩具 > 拼图',
    ]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).input.otherSheets).toBeUndefined();
  });
});
