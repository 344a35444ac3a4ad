import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/report/progress.js';
import { runCli } from '../cli-run.js';

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

  it('is never written when standard error is not a terminal (tests run the binary with pipes)', () => {
    const run = runCli(['fixtures/sample-catalog.csv', '--as-of', '2026-11-23']);
    expect(run.stderr).toBe('');
    const orders = runCli([
      'orders',
      'test/orders-fixtures/orders.csv',
      '--catalog',
      'test/orders-fixtures/catalog.csv',
      '--as-of',
      '2026-11-23T12:00',
      '--no-progress',
    ]);
    expect(orders.stderr).toBe('');
    expect(orders.stdout).toMatch(/orders/);
  });
});
