import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOf, formatMinutes, parseTimestamp } from '../src/values/timestamps.js';
import { GOLDEN_FORMATS, ORDERS_ARGS, portable, ROOT, runInProcess } from './cli-run.js';
import { validateSarif } from './sarif-schema.js';

const DIR = join(ROOT, 'test', 'orders-fixtures');

/** The per-order table of expected-by-hand.md: worked out by hand from the policy, not by the tool. */
function handTable() {
  const md = readFileSync(join(DIR, 'expected-by-hand.md'), 'utf8');
  return md
    .split('\n')
    .filter((line) => /^\| \d+ \| \d+ \| A\d+/.test(line))
    .map((line) => {
      const [record, lineNo, orderId, , paidAt, onlineAt, window, elapsed, status, rules] = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      return {
        record: Number(record),
        line: Number(lineNo),
        orderId,
        paidAt: paidAt === 'null' ? null : paidAt,
        onlineAt: onlineAt?.startsWith('null') ? null : onlineAt,
        windowHours: Number(window),
        elapsedHours: elapsed === 'null' || status === 'invalid' ? null : Number(elapsed),
        status,
        rules:
          rules === '—'
            ? []
            : (rules ?? '')
                .split(',')
                .map((r) => r.trim())
                .sort(),
      };
    });
}

describe('channel-audit orders', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed report, examined by path
  let json: any;
  beforeAll(async () => {
    json = JSON.parse((await runInProcess([...ORDERS_ARGS, '--format', 'json'])).stdout);
  });

  it('agrees, order by order, with the audit worked out by hand', () => {
    const hand = handTable();
    expect(hand).toHaveLength(28);
    const got = json.orders.map((o: Record<string, unknown> & { findings: { rule: string }[] }) => ({
      record: o.record,
      line: o.line,
      orderId: o.orderId,
      paidAt: o.paidAt,
      onlineAt: o.onlineAt,
      windowHours: o.windowHours,
      elapsedHours: o.elapsedHours,
      status: o.status,
      rules: o.findings.map((f) => f.rule).sort(),
    }));
    expect(got).toEqual(hand);
  });

  it('sums up as worked out by hand', async () => {
    expect(json.summary).toMatchObject({
      orders: 28,
      statuses: { 'on-time': 12, late: 7, open: 4, 'open-overdue': 2, invalid: 3 },
      findings: { error: 12, warning: 1, info: 5 },
      scanned: 19,
      within48h: 0.2105,
      within72h: 0.3684,
      within7d: 0.9474,
      withinWindow: 0.6316,
      savedByExtension: 5,
    });
    expect(json.summary.worst.skus.slice(0, 2)).toEqual([
      { key: 'CB-HDMI', orders: 1, late: 1, lateRate: 1 },
      { key: 'DR-OLD', orders: 3, late: 2, lateRate: 0.6667 },
    ]);
    expect(json.summary.worst.countries[0]).toEqual({ key: 'US', orders: 7, late: 4, lateRate: 0.5714 });
    expect((await runInProcess(ORDERS_ARGS)).code).toBe(1);
  });

  // The exit code of each format is recorded beside the outputs, in expected.exit-codes.json.
  const codesPath = join(DIR, 'expected.exit-codes.json');
  const codes: Record<string, number | null> = existsSync(codesPath)
    ? JSON.parse(readFileSync(codesPath, 'utf8'))
    : {};
  for (const [format, file] of GOLDEN_FORMATS) {
    it(`--format ${format} matches ${file}, with the exit code in expected.exit-codes.json`, async () => {
      const run = await runInProcess([...ORDERS_ARGS, '--format', format], {
        env: { GITHUB_STEP_SUMMARY: '' },
      });
      expect(run.stderr).toBe('');
      const output = portable(run.stdout);
      if (process.env.UPDATE_GOLDEN) {
        writeFileSync(join(DIR, file), output);
        codes[format] = run.code;
        writeFileSync(codesPath, `${JSON.stringify(codes, null, 2)}\n`);
      }
      expect(output).toBe(readFileSync(join(DIR, file), 'utf8'));
      expect(run.code, `expected.exit-codes.json: ${format}`).toBe(codes[format]);
    });
  }

  it('reads the Chinese back-office headers of an orders export', async () => {
    const dir = join(ROOT, 'test', 'orders-fixtures');
    const text =
      '订单号,商品编码,付款时间,上网时间,收货国家\nC1,CB-USBC,2026-11-18 09:15,2026-11-21 09:16,US\n';
    const file = join(tmpdir(), 'orders-zh.csv');
    writeFileSync(file, text);
    const run = JSON.parse(
      (
        await runInProcess([
          'orders',
          file,
          '--catalog',
          join(dir, 'catalog.csv'),
          '--as-of',
          '2026-11-23T12:00',
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(run.input.columns).toEqual({
      orderId: '订单号',
      sku: '商品编码',
      paidAt: '付款时间',
      onlineAt: '上网时间',
      country: '收货国家',
    });
    expect(run.orders[0]).toMatchObject({
      orderId: 'C1',
      windowHours: 72,
      elapsedHours: 72.02,
      status: 'late',
    });
  });

  it('writes an HTML report that holds the audit: every order, the summary, on-time orders per window', async () => {
    // What the page shows of them is tested in a browser (test/report/html.test.ts, when Chromium is there).
    const file = join(mkdtempSync(join(tmpdir(), 'ca-orders-')), 'orders.html');
    expect((await runInProcess([...ORDERS_ARGS, '--out', file])).code).toBe(1);
    const html = readFileSync(file, 'utf8');
    const between = (start: string, end: string) =>
      html.slice(html.indexOf(start) + start.length, html.indexOf(end));
    const context = JSON.parse(between('const CONTEXT = ', ';\nconst ROWS = ['));
    const rows = JSON.parse(`[${between('const ROWS = [', '\n];\n</script>')}]`);
    expect(context.summary).toEqual(json.summary);
    expect(rows.map((row: unknown[]) => [row[0], row[1], row[6]])).toEqual(
      json.orders.map((o: { line: number; orderId: string; elapsedHours: number | null }) => [
        o.line,
        o.orderId,
        o.elapsedHours,
      ]),
    );
    expect(context.windows).toEqual([
      { hours: 72, scanned: expect.any(Number), onTime: expect.any(Number) },
      { hours: 96, scanned: expect.any(Number), onTime: expect.any(Number) },
    ]);
    const total = (key: 'scanned' | 'onTime') =>
      context.windows.reduce((sum: number, w: Record<string, number>) => sum + (w[key] ?? 0), 0);
    expect([total('scanned'), total('onTime')]).toEqual([19, 12]);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']?https?:/);
  });

  it('writes SARIF that validates against the 2.1.0 schema', async () => {
    const sarif = JSON.parse((await runInProcess([...ORDERS_ARGS, '--format', 'sarif'])).stdout);
    expect(validateSarif(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(18);
  });

  it('warns about eligible SKUs without a listing date, takes the product from the catalog, counts what the extension saved whatever the rules', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ca-orders-'));
    const catalog = join(tmp, 'catalog.csv');
    writeFileSync(
      catalog,
      'product_id,sku,category,listed_at\nP1,D1,Women > Dresses,2026-11-01\nP2,D2,Women > Dresses,\n',
    );
    const orders = join(tmp, 'orders.csv');
    writeFileSync(
      orders,
      'order_id,sku,paid_at,online_at\nO1,D1,2026-11-10 00:00,2026-11-13 02:00\nO2,D2,2026-11-10 00:00,2026-11-13 02:00\n',
    );
    const config = join(tmp, 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'order-saved-by-extension': 'off' } }));
    const out = JSON.parse(
      (
        await runInProcess([
          'orders',
          orders,
          '--catalog',
          catalog,
          '--as-of',
          '2026-11-23T12:00',
          '--format',
          'json',
          '--config',
          config,
        ])
      ).stdout,
    );
    expect(
      out.orders.map((o: { productId: string; windowHours: number; status: string }) => [
        o.productId,
        o.windowHours,
        o.status,
      ]),
    ).toEqual([
      ['P1', 96, 'on-time'],
      ['P2', 72, 'late'],
    ]);
    expect(out.orders[1].findings.map((f: { rule: string }) => f.rule)).toEqual([
      'order-listing-date-unknown',
      'order-late',
    ]);
    expect(out.summary.savedByExtension).toBe(1);
  });

  it('gives no share when no order was scanned, and refuses a catalog without listing dates', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ca-orders-'));
    const orders = join(tmp, 'open.csv');
    writeFileSync(orders, 'order_id,sku,paid_at,online_at\nO1,CB-USBC,2026-11-23 10:00,\n');
    const out = JSON.parse(
      (
        await runInProcess([
          'orders',
          orders,
          '--catalog',
          'test/orders-fixtures/catalog.csv',
          '--as-of',
          '2026-11-23T12:00',
          '--format',
          'json',
        ])
      ).stdout,
    );
    expect(out.summary).toMatchObject({ scanned: 0, within48h: null, withinWindow: null });
    const noDates = join(tmp, 'catalog.csv');
    writeFileSync(noDates, 'sku,category\nCB-USBC,Cables\n');
    const run = await runInProcess(['orders', orders, '--catalog', noDates]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the catalog .*catalog\.csv has no listing-date column/);
  });

  it('reports errors only with --quiet, while the hidden warnings still count for --max-warnings', async () => {
    const quiet = JSON.parse((await runInProcess([...ORDERS_ARGS, '--format', 'json', '--quiet'])).stdout);
    expect(quiet.summary.findings).toEqual({ error: 12, warning: 0, info: 0 });
    const run = await runInProcess([...ORDERS_ARGS, '--quiet', '--fail-on', 'none', '--max-warnings', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('channel-audit: 1 warnings, more than --max-warnings 0\n');
  });

  it('needs a catalog, and names a missing column', async () => {
    expect((await runInProcess(['orders', 'test/orders-fixtures/orders.csv'])).code).toBe(2);
    const run = await runInProcess([
      'orders',
      'fixtures/sample-catalog.csv',
      '--catalog',
      'test/orders-fixtures/catalog.csv',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /no column of the orders file maps to paid_at \(headers seen: .*\); name one with --map paidAt=HEADER/,
    );
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-20 10:15', '2026-11-20T10:15'],
    ['2026/11/20 10:15:30', '2026-11-20T10:15'],
    ['2026-11-20T10:15:00Z', '2026-11-20T10:15'],
    ['2026-11-20T07:30+08:00', '2026-11-19T23:30'],
    ['2026-11-20', '2026-11-20T00:00'],
  ])('reads %s in the shared zone', (text, iso) => {
    expect(new Date((parseTimestamp(text) as number) * 60_000).toISOString().slice(0, 16)).toBe(iso);
  });

  it('is exact to the minute and rejects days that do not exist', () => {
    const paid = parseTimestamp('2026-11-18 09:15') as number;
    expect((parseTimestamp('2026-11-21 09:16') as number) - paid).toBe(72 * 60 + 1);
    expect(parseTimestamp('2026-11-31 10:00')).toBeNaN();
    expect(parseTimestamp('2026-11-20T10:00+99:99')).toBeNaN();
    expect(parseTimestamp('')).toBeNull();
    expect(parseTimestamp('2024-02-29 10:00')).not.toBeNaN();
    expect(parseTimestamp('2025-02-29 10:00')).toBeNaN();
    expect(parseTimestamp('2100-02-29 10:00')).toBeNaN();
    expect(parseTimestamp('2000-02-29 10:00')).not.toBeNaN();
    expect(parseTimestamp('0099-01-01 10:00')).toBeNaN();
    // A time past the year 9999 (an offset on 9999-12-31) keeps its whole day.
    expect(formatMinutes(parseTimestamp('9999-12-31T23:00-05:00') as number)).toBe('+010000-01-01T04:00');
  });

  it('agrees with the Date of JavaScript on every calendar day and time, back and forth', () => {
    const stamp = fc.record({
      time: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(2200, 0, 1) }),
      zone: fc.constantFrom('', 'Z', '+08:00', '-0530'),
    });
    fc.assert(
      fc.property(stamp, ({ time, zone }) => {
        const iso = new Date(time).toISOString();
        const minutes = parseTimestamp(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${zone}`) as number;
        const offset = zone === '+08:00' ? 480 : zone === '-0530' ? -330 : 0;
        // In whole seconds: minutes with seconds are fractions, and two ways of computing one may differ in
        // the last bit (1970-07-01 20:22:35 -0530 once did).
        expect(Math.round(minutes * 60)).toBe(Math.floor(time / 1000) - offset * 60);
        const whole = Math.floor(time / 60_000);
        expect(formatMinutes(whole + 0.5)).toBe(new Date(whole * 60_000).toISOString().slice(0, 16));
        expect(dayOf(whole)).toBe(iso.slice(0, 10));
      }),
      { numRuns: 3000 },
    );
  });
});
