import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/report/progress.js';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORDERS_ARGS, ROOT, runInProcess } from '../cli-run.js';

function terminal() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as Writable & {
    isTTY: boolean;
    columns: number;
    cursorTo: () => boolean;
    clearLine: () => boolean;
    moveCursor: () => boolean;
  };
  Object.assign(stream, {
    isTTY: true,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, text: () => text };
}

describe('progress bar', () => {
  it('stays silent for a run under a second, then shows rows, bytes, rate and ETA', async () => {
    let clock = 0;
    const { stream, text } = terminal();
    const progress = await progressBar(stream, 144_000_000, () => clock);
    progress.update(1000, 1_000_000);
    expect(text()).toBe('');
    clock = 1500;
    progress.update(100_000, 1_000_000);
    // The first frame already has the bytes; the rate comes with the next.
    expect(text()).toMatch(/ 10% · 100,000\/1,000,000 rows · 14 MB\/144 MB · … rows\/s/);
    clock = 2500;
    progress.update(300_000, 1_000_000);
    progress.stop();
    expect(text()).toMatch(/auditing .* 30% · 300,000\/1,000,000 rows · 43 MB\/144 MB · 200,000 rows\/s/);
  });

  it('counts bytes for the orders audit, which reads the catalog and then the orders without an index', async () => {
    let clock = 0;
    const { stream, text } = terminal();
    const progress = await progressBar(stream, 0, () => clock, 'bytes');
    clock = 1200;
    progress.update(50_000_000, 235_000_000);
    expect(text()).toMatch(/ 21% · 50 MB\/235 MB · … MB\/s/);
    clock = 3200;
    progress.update(150_000_000, 235_000_000);
    progress.stop();
    expect(text()).toMatch(/ 63% · 150 MB\/235 MB · 50\.0 MB\/s/);
  });

  it('counts the rows of a workbook while their total is unknown, then gives way to the bar', async () => {
    let clock = 0;
    const counted = terminal();
    const progress = await progressBar(counted.stream, 0, () => clock);
    progress.counting(4096);
    expect(counted.text()).toBe('');
    clock = 1100;
    progress.counting(40_960);
    expect(counted.text()).toMatch(/reading the workbook · 40,960 rows · … rows\/s/);
    clock = 3100;
    progress.counting(90_960);
    progress.stop();
    expect(counted.text()).toMatch(/reading the workbook · 90,960 rows · 25,000 rows\/s/);

    // Read again from the start (after running out of memory): the rate starts again too.
    const again = terminal();
    const retried = await progressBar(again.stream, 0, () => clock);
    clock = 4200;
    retried.counting(60_000);
    clock = 5200;
    retried.counting(4096);
    clock = 6200;
    retried.counting(14_096);
    retried.stop();
    expect(again.text()).toMatch(/reading the workbook · 14,096 rows · 10,000 rows\/s/);

    const then = terminal();
    const next = await progressBar(then.stream, 0, () => clock);
    clock = 7500;
    next.counting(50_000);
    next.update(10_000, 100_000);
    next.stop();
    expect(then.text()).toMatch(
      /reading the workbook · 50,000 rows[\s\S]*auditing .* 10% · 10,000\/100,000 rows/,
    );
  });

  it('is fed by both audits: rows of the catalog (in one thread or two), bytes of catalog then orders', async () => {
    // The built library: worker threads run the compiled worker script.
    const { audit } = await import('../../dist/run/audit.js');
    const { auditOrders } = await import('../../src/run/audit-orders.js');
    const { generateCatalog } = await import('../../bench/generate.js');
    const dir = mkdtempSync(join(tmpdir(), 'ca-progress-'));
    const catalog = join(dir, 'catalog.csv');
    await generateCatalog(catalog, 20_000, 3);
    const rising = (calls: [number, number][], last: number) => {
      expect(calls.length).toBeGreaterThan(1);
      for (let i = 1; i < calls.length; i++)
        expect(calls[i]?.[0]).toBeGreaterThanOrEqual(calls[i - 1]?.[0] ?? 0);
      expect(calls.at(-1)).toEqual([last, last]);
    };
    for (const workers of [1, 2]) {
      const calls: [number, number][] = [];
      await audit(catalog, {
        asOf: '2026-11-23',
        workers,
        onProgress: (done, total) => calls.push([done, total]),
      });
      rising(calls, 20_000);
    }
    const calls: [number, number][] = [];
    const orders = join(ROOT, 'test/orders-fixtures/orders.csv');
    const catalogFile = join(ROOT, 'test/orders-fixtures/catalog.csv');
    await auditOrders(orders, {
      catalog: catalogFile,
      asOf: '2026-11-23T12:00',
      onProgress: (done, total) => calls.push([done, total]),
    });
    rising(calls, statSync(orders).size + statSync(catalogFile).size);
  });

  it('is never written when standard error is not a terminal (a pipe, a file)', async () => {
    const run = await runInProcess(['fixtures/sample-catalog.csv', '--as-of', '2026-11-23']);
    expect(run.stderr).toBe('');
    const orders = await runInProcess([...ORDERS_ARGS, '--no-progress']);
    expect(orders.stderr).toBe('');
    expect(orders.stdout).toMatch(/orders/);
  });
});
