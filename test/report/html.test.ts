/// <reference lib="dom" />
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDERS_ARGS, ROOT, runCli, runInProcess } from '../cli-run.js';

// The report is tested in a real browser: Debian's Chromium driven by playwright-core (no browser
// download). CI installs Chromium and requires these tests (CHANNEL_AUDIT_BROWSER_TESTS=required);
// elsewhere they run when Chromium is there.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.CHANNEL_AUDIT_BROWSER_TESTS === 'required';
const available = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), 'ca-html-'));

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe.skipIf(!available && !required)('the HTML report, in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`request to ${request.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as unknown as { CHARTS?: unknown[] }).CHARTS !== undefined);
    return { page, problems };
  }

  /** Every chart drew something: its canvas is not blank, and its datasets hold data. */
  async function chartsDrawn(page: Page): Promise<{ count: number; drawn: number }> {
    return page.evaluate(() => {
      const charts = (
        window as unknown as {
          CHARTS: { canvas: HTMLCanvasElement; data: { datasets: { data: unknown[] }[] } }[];
        }
      ).CHARTS;
      const blank = (canvas: HTMLCanvasElement) => {
        const empty = document.createElement('canvas');
        empty.width = canvas.width;
        empty.height = canvas.height;
        return canvas.toDataURL() === empty.toDataURL();
      };
      const drawn = charts.filter(
        (c) => !blank(c.canvas) && c.data.datasets.some((d) => d.data.length > 0),
      ).length;
      return { count: charts.length, drawn };
    });
  }

  it('shows the sample catalog: figures, five charts, a table that search, filters and sorting change', async () => {
    const file = join(dir, 'report.html');
    const run = await runInProcess(['fixtures/sample-catalog.csv', '--as-of', '2026-11-23', '--out', file]);
    expect(run.stderr).toBe('');
    const { page, problems } = await open(file);
    expect(await page.textContent('h1')).toContain('fixtures/sample-catalog.csv');
    expect(await page.textContent('#figures')).toContain('63SKUs');
    expect(await chartsDrawn(page)).toEqual({ count: 5, drawn: 5 });
    const visible = () => page.locator('#skus tbody tr.sku').count();
    expect(await page.textContent('#count')).toBe('63 of 63 SKUs');
    expect(await visible()).toBe(50);
    await page.fill('#search', 'cable');
    expect(await page.textContent('#count')).toBe('8 of 63 SKUs');
    await page.fill('#search', '');
    await page.selectOption('#filter-track', { label: 'warehouse' });
    expect(await page.textContent('#count')).toBe('24 of 63 SKUs');
    await page.selectOption('#filter-track', { label: 'all tracks' });
    await page.selectOption('#filter-rule', { label: 'duplicate-sku' });
    expect(await page.textContent('#count')).toBe('1 of 63 SKUs');
    await page.locator('#skus tbody tr.sku').first().click();
    expect(await page.textContent('#skus tr.details')).toMatch(
      /^Line 4 · .*duplicate-sku: SKU "CB-C2C-1M-BK" repeats the one on line 2/,
    );
    await page.selectOption('#filter-rule', { label: 'all rules' });
    const firstSku = () => page.locator('#skus tbody tr.sku td:nth-child(2)').first().textContent();
    await page.click('#skus th:nth-child(2)');
    expect(await firstSku()).toBe('');
    await page.click('#skus th:nth-child(2)');
    expect(await firstSku()).toBe('WA-ABS-3P');
    // Printed, the table holds every row of the view, and the charts are redrawn for the page.
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelectorAll('#skus tbody tr.sku').length === 63);
    expect(await page.textContent('#page')).toBe('all 63 SKUs printed');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => document.querySelectorAll('#skus tbody tr.sku').length === 50);
    if (process.env.UPDATE_SCREENSHOT) {
      await page.click('#skus th:nth-child(1)');
      await page.screenshot({ path: join(ROOT, 'docs', 'report.png'), fullPage: true });
    }
    expect(problems).toEqual([]);
  });

  it('shows an orders audit: figures, four charts, the worst lists, orders filtered by status', async () => {
    const file = join(dir, 'orders.html');
    await runInProcess([...ORDERS_ARGS, '--out', file]);
    const { page, problems } = await open(file);
    expect(await chartsDrawn(page)).toEqual({ count: 4, drawn: 4 });
    expect(await page.textContent('#worst')).toContain('CB-HDMI');
    expect(await page.textContent('#count')).toBe('28 of 28 orders');
    await page.selectOption('#filter-status', { label: 'late' });
    expect(await page.textContent('#count')).toBe('7 of 28 orders');
    // Sorting by elapsed time, longest first (a second click reverses the order).
    const elapsed = () => page.locator('#orders tbody tr td:nth-child(7)').allTextContents();
    await page.click('#orders thead th:nth-child(7)');
    await page.click('#orders thead th:nth-child(7)');
    const hours = (await elapsed()).map((t) => Number.parseFloat(t));
    expect(hours).toHaveLength(7);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(hours[0]).toBeGreaterThan(hours[6] ?? Number.POSITIVE_INFINITY);
    expect(problems).toEqual([]);
  });

  it('stays usable for 200,000 SKUs: compact data, paginated table, counts without a call per row', async () => {
    const { generateCatalog } = await import('../../bench/generate.js');
    const csv = join(dir, 'big.csv');
    await generateCatalog(csv, 200_000);
    const file = join(dir, 'big.html');
    // The binary: over 16 MB, two worker threads audit the file (built scripts, which the sources lack).
    runCli([csv, '--as-of', '2026-11-23', '--out', file]);
    // At most 250 bytes a SKU, reasons and messages included.
    expect(statSync(file).size).toBeLessThan(250 * 200_000);
    // (A page that spread its rows into one call — Math.min(...rows) — threw past about 150,000.)
    const { page, problems } = await open(file);
    expect(await page.textContent('#count')).toBe('200,000 of 200,000 SKUs');
    expect(await page.locator('#skus tbody tr.sku').count()).toBe(50);
    expect((await chartsDrawn(page)).drawn).toBe(5);
    await page.fill('#search', 'sk1005006000093-0');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === '1 of 200,000 SKUs');
    expect(problems).toEqual([]);
  }, 120_000);
});
