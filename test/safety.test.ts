import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runInProcess } from './cli-run.js';

// The rough edges a new user (and an attacker) ran into: each one line, the right exit code, no stack
// trace, and never the input overwritten. The command runs in this process (`runInProcess`), but for
// what only a real process shows: its standard input a file, an unbuilt checkout, a pipe closed early.

const work = mkdtempSync(join(tmpdir(), 'ca-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SAMPLE = join('fixtures', 'sample-catalog.csv');

describe('the input is never overwritten', () => {
  it('not through standard input redirected from the --out target', () => {
    const catalog = join(work, 'catalog.csv');
    copyFileSync(join(ROOT, SAMPLE), catalog);
    const before = readFileSync(catalog);
    const fd = openSync(catalog, 'r');
    const run = spawnSync(process.execPath, [BIN, '-', '--out', catalog], {
      stdio: [fd, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `channel-audit: --out ${catalog} is the input file (standard input reads it); the input is never overwritten: choose another name`,
    );
    expect(readFileSync(catalog)).toEqual(before);
  });
});

describe('one line, exit 2', () => {
  it.each([
    [
      'a letter as delimiter',
      ['--delimiter', 'x'],
      /--delimiter "x": a letter, digit or space cannot separate cells/,
    ],
    ['a folder as --out', ['--out', 'docs'], /--out docs: it is a folder; name a file in it/],
    [
      'one file named by two --out',
      ['--out', 'x.json', '--out', 'json:./x.json'],
      /--out json:\.\/x\.json: \.\/x\.json is already written by --out x\.json; name each file once/,
    ],
    [
      'a folder as --out FORMAT:',
      ['--out', 'csv:docs'],
      /--out csv:docs: docs is a folder; name a file in it/,
    ],
  ])('%s', async (_, args, message) => {
    const run = await runInProcess([SAMPLE, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('init refuses to overwrite a config, with exit 2', async () => {
    const dir = mkdtempSync(join(work, 'init-'));
    expect((await runInProcess(['init'], { cwd: dir })).code).toBe(0);
    const again = await runInProcess(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use init --force/);
  });

  it('a checkout that was never built says to run npm install', () => {
    const dir = mkdtempSync(join(work, 'checkout-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'channel-audit.js'));
    const run = spawnSync(process.execPath, [join(dir, 'bin', 'channel-audit.js'), SAMPLE], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'channel-audit: this checkout is not built yet: run npm install (or npm run build)\n',
    );
  });

  it('help piped into a reader that stops early ends quietly', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -1`], {
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('Usage: channel-audit [options] [command] [file]\n');
    expect(run.stderr).toBe('');
  });
});

describe('duplicate headers', () => {
  const text =
    'sku,weight_kg,title,weight_kg,length_cm,width_cm,height_cm\nA-1,,Cable,0.08,15,10,2\nA-2,,Cable,0.09,15,10,2\n';

  it('are a duplicate-header finding naming the columns, on the first row', async () => {
    const run = await runInProcess(['-', '--format', 'ndjson', '--as-of', '2026-11-23'], { input: text });
    const [first, second] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.findings[0]).toEqual({
      rule: 'duplicate-header',
      severity: 'warning',
      message:
        'the header "weight_kg" names columns 2, 4; the first is read (name another with --map FIELD="weight_kg#2")',
      field: 'weight',
    });
    expect(second.findings.map((f: { rule: string }) => f.rule)).not.toContain('duplicate-header');
    expect(first.sizeClass).toBe('unknown');
  });

  it('--map FIELD=HEADER#2 reads the second', async () => {
    const run = await runInProcess(
      ['-', '--format', 'ndjson', '--as-of', '2026-11-23', '--map', 'weight=weight_kg#2'],
      { input: text },
    );
    const first = JSON.parse(run.stdout.split('\n')[0] ?? '');
    expect(first.sizeClass).toBe('light-small');
  });
});

describe('Markdown reports', () => {
  it('write catalog text as text: no link, image, HTML or emphasis from a SKU or a title', async () => {
    const sku = '<img src=x onerror=alert(1)>[x](javascript:alert(1))**b**';
    const input = `sku,weight_kg,title\n"${sku}",abc,"[click](javascript:alert(1)) <script>x</script>"\n`;
    const run = await runInProcess(['-', '--format', 'markdown', '--as-of', '2026-11-23'], { input });
    expect(run.stdout).not.toMatch(/<img|[^\\]\]\(javascript|[^\\]\*\*b/);
    expect(run.stdout).toContain(
      '&lt;img src=x onerror=alert(1)&gt;\\[x\\](javascript:alert(1))\\*\\*b\\*\\*',
    );
  });
});

describe('the terminal table', () => {
  it('cuts catalog text to 60 characters and shows control characters as �', async () => {
    // A 20,000-character SKU took the table library seconds (40,000: 70 s; it measures widths in time
    // that grows with the square of the length); an ESC would start a terminal escape sequence.
    const long = 'S'.repeat(20_000);
    const csv = `sku,title,weight_kg,handling_days\n${long},Lamp,0.1,9\nA\x1b[31mB,Mug,0.2,9\n`;
    const run = await runInProcess(['-', '--as-of', '2026-11-23'], { input: csv });
    expect(run.stdout).toContain(`${'S'.repeat(59)}…`);
    expect(run.stdout).not.toContain('S'.repeat(61));
    expect(run.stdout).toContain('A\ufffd[31mB');
    expect(run.stdout).not.toContain('\x1b');
  });
});
