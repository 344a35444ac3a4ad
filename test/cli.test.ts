import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, portable, ROOT, runCli, runInProcess } from './cli-run.js';

const SAMPLE = 'fixtures/sample-catalog.csv';
const AS_OF = ['--as-of', '2026-11-23'];
const tmp = () => mkdtempSync(join(tmpdir(), 'ca-cli-'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('channel-audit, run in this process', () => {
  it('exits by --fail-on on a catalog with only info findings', async () => {
    const dir = tmp();
    const file = join(dir, 'ok.csv');
    writeFileSync(
      file,
      'product_id,sku,category,gtin,weight_kg,length_cm,width_cm,height_cm,handling_days,listed_at,channel\nP,S,Cables,4006381333931,0.1,10,5,2,2,2025-01-01,pop\n',
    );
    expect((await runInProcess([file, ...AS_OF])).code).toBe(0);
    expect((await runInProcess([file, ...AS_OF, '--fail-on', 'warning'])).code).toBe(0);
    expect((await runInProcess([file, ...AS_OF, '--fail-on', 'info'])).code).toBe(1);
  });

  it('writes several outputs in one run: stdout plus --out files, by extension or FORMAT:FILE', async () => {
    const dir = tmp();
    const run = await runInProcess([
      SAMPLE,
      ...AS_OF,
      '--format',
      'ndjson',
      '--out',
      join(dir, 'a.csv'),
      '--out',
      `json:${join(dir, 'report.txt')}`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(63);
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(csv.startsWith('\ufeffproduct_id,sku,')).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'report.txt'), 'utf8'));
    expect(json.summary.rows).toBe(63);
    expect(json.skus).toHaveLength(63);
  });

  it('reads standard input with - or when piped with no file', async () => {
    const input = readFileSync(join(ROOT, SAMPLE));
    const viaDash = await runInProcess(['-', ...AS_OF, '--format', 'json'], { input });
    const piped = await runInProcess([...AS_OF, '--format', 'json'], { input });
    expect(JSON.parse(viaDash.stdout).input.path).toBe('<stdin>');
    expect(piped.stdout).toBe(viaDash.stdout);
    const fromFile = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json'])).stdout);
    expect(JSON.parse(piped.stdout).skus).toEqual(fromFile.skus);
  });

  it('never writes over the input, and never changes it', async () => {
    const dir = tmp();
    const file = join(dir, 'catalog.csv');
    copyFileSync(join(ROOT, SAMPLE), file);
    const before = readFileSync(file);
    const run = await runInProcess([file, ...AS_OF, '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^channel-audit: --out .* is the input file/);
    expect(readFileSync(file)).toEqual(before);
  });

  it('escapes formula-like cells in the annotated CSV unless --no-escape-formulas', async () => {
    const escaped = (await runInProcess([SAMPLE, ...AS_OF, '--format', 'csv'])).stdout;
    const raw = (await runInProcess([SAMPLE, ...AS_OF, '--format', 'csv', '--no-escape-formulas'])).stdout;
    expect(escaped).toMatch(/,"'=HYPERLINK/);
    expect(escaped).toMatch(/,'@Home Bamboo/);
    expect(raw).toMatch(/,"?=HYPERLINK/);
    expect(raw).not.toMatch(/'=HYPERLINK/);
  });

  it('escapes the same cells in the orders CSV as in the catalog CSV (a formula, -Infinity; not a decimal comma)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'catalog.csv'), 'sku,category,listed_at\nS1,Dresses,2026-11-01\n');
    writeFileSync(
      join(dir, 'orders.csv'),
      'order_id,sku,paid_at,online_at,country,carrier\n=1+1,S1,2026-11-20 10:00,,US,-Infinity\nA2,S1,2026-11-20 10:00,,US,"-1,5"\n',
    );
    const run = await runInProcess(
      ['orders', 'orders.csv', '--catalog', 'catalog.csv', '--as-of', '2026-11-23T12:00', '--format', 'csv'],
      {
        cwd: dir,
      },
    );
    const [, first, second] = run.stdout.split('\r\n');
    expect(first).toMatch(/^'=1\+1,S1,.*,'-Infinity,/);
    expect(second).toMatch(/,"-1,5",/);
  });

  it('reads a column under another name with --map', async () => {
    const dir = tmp();
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'Item Code,Weight\nA,1.5\n');
    const run = await runInProcess([
      file,
      ...AS_OF,
      '--format',
      'json',
      '--map',
      'sku=Item Code',
      '--map',
      'weight=Weight',
    ]);
    expect(JSON.parse(run.stdout).input.columns).toEqual({ sku: 'Item Code', weight: 'Weight' });
  });

  it('names standard input with --stdin-filename', async () => {
    const input = readFileSync(join(ROOT, SAMPLE));
    const run = await runInProcess(
      ['-', ...AS_OF, '--format', 'json', '--stdin-filename', 'export-2026-11.csv'],
      {
        input,
      },
    );
    expect(JSON.parse(run.stdout).input.path).toBe('export-2026-11.csv');
  });

  it('treats header names as data: __proto__ and constructor are ordinary pass-through columns', async () => {
    const dir = tmp();
    const file = join(dir, 'proto.csv');
    writeFileSync(file, 'sku,__proto__,constructor,toString\nA,1,2,3\n');
    const run = await runInProcess([file, ...AS_OF, '--format', 'csv']);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\r\n')[1]).toMatch(/^A,1,2,3,/);
    const json = JSON.parse((await runInProcess([file, ...AS_OF, '--format', 'json'])).stdout);
    expect(json.input.columns).toEqual({ sku: 'sku' });
    expect(Object.getPrototypeOf(json.input.columns)).toBe(Object.prototype);
  });

  it('reads the first sheet of a workbook, or the one --sheet names', async () => {
    const book = 'test/dialects/catalog.xlsx';
    const first = JSON.parse((await runInProcess([book, ...AS_OF, '--format', 'json'])).stdout);
    expect(first.input).toMatchObject({ encoding: 'xlsx', rows: 15 });
    const named = JSON.parse(
      (await runInProcess([book, ...AS_OF, '--format', 'json', '--sheet', 'Catalog'])).stdout,
    );
    expect(named.input.sheet).toBe('Catalog');
    expect(named.skus).toEqual(first.skus);
    const notes = await runInProcess([book, '--sheet', 'Notes']);
    expect(notes.code).toBe(2);
    expect(notes.stderr).toMatch(/no column maps to sku or product_id \(headers seen: "note"\)/);
    const missing = await runInProcess([book, '--sheet', 'Prices']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      'channel-audit: test/dialects/catalog.xlsx has no sheet "Prices" (sheets: "Catalog", "Notes"); name one with --sheet, or read every visible one with --sheet all',
    );
  });

  describe('bad input: one line on stderr, exit 2, no stack trace', () => {
    const dir = tmp();
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    it.each([
      [
        'a missing file',
        ['no-such-file.csv'],
        /^channel-audit: cannot read no-such-file\.csv: no such file$/,
      ],
      ['a directory', ['fixtures'], /it is a directory/],
      ['an empty file', [write('empty.csv', '')], /is empty: expected a header row/],
      [
        'no sku or product id column',
        [write('nosku.csv', 'name,price\nx,1\n')],
        /: no column maps to sku or product_id \(headers seen: "name", "price"\); the first 30 non-empty rows were looked at; name a column with --map sku=HEADER, or the header's line with --header-row N/,
      ],
      [
        'a quote that never closes',
        [write('quote.csv', 'sku,title\nA,"open\nB,x\n')],
        /quote\.csv: a quoted cell opened on line 2 never closes \(line 2, byte 10\); close the quote or re-export the file$/,
      ],
      [
        'bytes that are not text',
        // Mostly binary (one odd byte in a cell is a control-character finding instead).
        [write('bin.csv', Buffer.from([0x73, 0x6b, 0x75, 0x0a, 0x01, 0x02, 0x03, 0x00, 0x04, 0x05]))],
        /bin\.csv is not text: line 2, byte 4 is 0x01, and so are many others; export it as CSV \(UTF-8\) or \.xlsx$/,
      ],
      [
        'bytes that are not UTF-8 when UTF-8 is named',
        [
          write(
            'latin.csv',
            Buffer.concat([Buffer.from('sku,title\nA,ok\nB,caf'), Buffer.from([0xe9, 0x0a])]),
          ),
          '--encoding',
          'utf-8',
        ],
        /latin\.csv is not valid utf-8 text at line 3, byte 21; name its encoding with --encoding/,
      ],
      ['an unknown encoding', [SAMPLE, '--encoding', 'klingon'], /--encoding klingon: unknown encoding/],
      [
        '--sheet on a CSV file',
        [SAMPLE, '--sheet', 'Catalog'],
        /--sheet Catalog: fixtures\/sample-catalog\.csv is not a workbook \(\.xlsx, \.xls\)/,
      ],
      [
        'a workbook that is not one',
        [write('fake.xlsx', 'sku\nA\n')],
        /fake\.xlsx is not a readable \.xlsx workbook/,
      ],
      [
        // 600 bytes of a sheet's compressed data garbled: exceljs then waits for data that never comes.
        'a damaged workbook',
        ['test/bad-input/damaged.xlsx'],
        /damaged\.xlsx is not a readable \.xlsx workbook \(xl\/worksheets\/sheet1\.xml is damaged\); re-save it from Excel, or export it as CSV$/,
      ],
      ['a bad --as-of', [SAMPLE, '--as-of', '23/11/2026'], /--as-of "23\/11\/2026" is not a date/],
      [
        'a bad config',
        [SAMPLE, '--config', write('bad.json', '{"size":{"maxWeight":2}}')],
        /unknown key "size\.maxWeight"/,
      ],
      [
        'an unknown --map field',
        [SAMPLE, '--map', 'colour=Color'],
        /--map colour=Color: expected FIELD=HEADER/,
      ],
      [
        'an --out without a known extension',
        [SAMPLE, '--out', join(dir, 'x.pdf')],
        /--out .*x\.pdf: cannot tell the format/,
      ],
      ['an unknown format', [SAMPLE, '--format', 'xml'], /argument 'xml' is invalid/],
      [
        'a delimiter of two characters',
        [SAMPLE, '--delimiter', ';;'],
        /--delimiter ";;": give one character/,
      ],
      [
        'a quote as the delimiter',
        [SAMPLE, '--delimiter', '"'],
        /--delimiter "\\"": a quote or a line break cannot separate cells/,
      ],
    ])('%s', async (_what, args, message) => {
      const run = await runInProcess(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim()).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('does not leave a half-written --out file behind', async () => {
      const out = join(dir, 'never.csv');
      await runInProcess([write('q2.csv', 'sku\n"A\n'), '--out', out]);
      expect(existsSync(out)).toBe(false);
    });

    it('leaves no temporary file behind when a workbook is damaged', async () => {
      const temp = mkdtempSync(join(tmpdir(), 'ca-damaged-'));
      const run = await runInProcess(['test/bad-input/damaged.xlsx'], { env: { TMPDIR: temp } });
      expect(run.code).toBe(2);
      expect(readdirSync(temp)).toEqual([]);
    });

    it('prints the stack with --debug', async () => {
      const run = await runInProcess(['no-such-file.csv', '--debug']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/\n\s+at /);
    });
  });

  it('takes channel-audit.config.json from the working directory', async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, SAMPLE), join(dir, 'c.csv'));
    writeFileSync(
      join(dir, 'channel-audit.config.json'),
      JSON.stringify({ rules: { 'handling-exceeds-window': 'off' } }),
    );
    const json = JSON.parse(
      (await runInProcess(['c.csv', ...AS_OF, '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(json.summary.rules['handling-exceeds-window']).toBeUndefined();
    expect(statSync(join(dir, 'c.csv')).size).toBeGreaterThan(0);
  });
});

// What only a real process shows: the bin starts, the exit code reaches the shell, a signal stops it, a
// closed pipe does not crash it, and worker threads run the built worker scripts (the sources have none:
// src/scale/audit-parts.ts starts ./audit-worker.js beside itself). Everything else runs in this process.
describe('channel-audit, the built binary', () => {
  it('prints its version and help, exit 0', () => {
    expect(runCli(['--version'])).toMatchObject({ stdout: `${pkg.version}\n`, code: 0 });
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const option of [
      '--format',
      '--out',
      '--as-of',
      '--fail-on',
      '--config',
      '--map',
      '--no-escape-formulas',
    ]) {
      expect(help.stdout).toContain(option);
    }
  });

  it('exits 1 on the sample (it has errors), 0 with --fail-on none', () => {
    expect(runCli([SAMPLE, ...AS_OF]).code).toBe(1);
    expect(runCli([SAMPLE, ...AS_OF, '--fail-on', 'none']).code).toBe(0);
  });

  it('writes what the run in this process writes (every format, the same bytes)', async () => {
    const dir = tmp();
    const outs = (prefix: string) =>
      ['csv', 'json', 'ndjson', 'sarif', 'md', 'html', 'txt'].flatMap((ext) => ['--out', `${prefix}.${ext}`]);
    const spawned = runCli([SAMPLE, ...AS_OF, '--format', 'github', ...outs(join(dir, 'bin'))]);
    const here = await runInProcess([SAMPLE, ...AS_OF, '--format', 'github', ...outs(join(dir, 'here'))]);
    expect(here).toEqual(spawned);
    for (const ext of ['csv', 'json', 'ndjson', 'sarif', 'md', 'html', 'txt'])
      expect(readFileSync(join(dir, `here.${ext}`), 'utf8'), ext).toBe(
        readFileSync(join(dir, `bin.${ext}`), 'utf8'),
      );
  });

  it('leaves no temporary file behind when a workbook is damaged (its thread, exceljs, stop half-way)', () => {
    // The binary reads a workbook in a thread of its own (the built spill-worker.js); from the sources
    // it is read in this thread, as the in-process test above does.
    const temp = mkdtempSync(join(tmpdir(), 'ca-damaged-'));
    const run = runCli(['test/bad-input/damaged.xlsx'], { env: { TMPDIR: temp } });
    expect(run.code).toBe(2);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; node ${JSON.stringify(BIN)} ${SAMPLE} --as-of 2026-11-23 --format sarif | head -c 100 > /dev/null`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1); // the sample's errors; no crash on the closed pipe
  });

  it('stops on Ctrl-C as the signal would, writing nothing when standard error is not a terminal', async () => {
    // Standard input held open and empty: the run waits for it until interrupted.
    const child = spawn(process.execPath, [BIN, '-'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.once('exit', (c, s) => resolve([c, s])),
    );
    expect([code, signal]).toEqual([null, 'SIGINT']);
    expect(stderr).toBe('');
  });
});

describe('worker threads', () => {
  it("keep a U+FEFF that starts a record (only the file's first bytes are a byte-order mark)", () => {
    const dir = tmp();
    const rows = Array.from({ length: 400 }, (_, i) => `${i % 100 === 0 ? '\ufeff' : ''}P${i},S${i},0.5`);
    writeFileSync(join(dir, 'c.csv'), `\ufeffproduct_id,sku,weight_kg\n${rows.join('\n')}\n`);
    const outputs = [1, 2].map((w) => {
      runCli(['c.csv', ...AS_OF, '--workers', String(w), '--out', `w${w}.csv`], { cwd: dir });
      return readFileSync(join(dir, `w${w}.csv`), 'utf8');
    });
    expect(outputs[1]).toBe(outputs[0]);
    // The file's own mark is written once, first; the four records keep theirs.
    expect(outputs[0]?.split('\ufeff')).toHaveLength(6);
  });

  it('write the same outputs, byte for byte, as one thread (--workers 2 against --workers 1)', async () => {
    const { generateCatalog } = await import('../bench/generate.js');
    const dir = tmp();
    const file = join(dir, 'generated.csv');
    await generateCatalog(file, 20_000, 7);
    const outputs = (w: number) => ['csv', 'json', 'ndjson', 'sarif'].map((ext) => join(dir, `w${w}.${ext}`));
    for (const w of [1, 2]) {
      // Run where the file is, so that the reports name it the same on every machine.
      const run = runCli(
        [
          'generated.csv',
          ...AS_OF,
          '--workers',
          String(w),
          '--format',
          'markdown',
          ...outputs(w).flatMap((o) => ['--out', o]),
        ],
        { cwd: dir },
      );
      expect(run.stderr).toBe('');
      writeFileSync(join(dir, `w${w}.md`), run.stdout);
    }
    for (const [one, two] of [
      ...outputs(1).map((o, i) => [o, outputs(2)[i] ?? '']),
      [join(dir, 'w1.md'), join(dir, 'w2.md')],
    ]) {
      expect(readFileSync(two ?? '', 'utf8'), two).toBe(readFileSync(one ?? '', 'utf8'));
    }
    expect(JSON.parse(readFileSync(join(dir, 'w2.json'), 'utf8')).summary.rows).toBe(20_000);

    // The same outputs as before the optimisations: their digests were recorded from the code before
    // them (and checked equal to the first working version's on this file). A change of results on
    // purpose: regenerate with UPDATE_GOLDEN=1 and say why in the commit.
    const digests = Object.fromEntries(
      [...outputs(1), join(dir, 'w1.md')].map((path) => [
        path.slice(path.lastIndexOf('.') + 1),
        createHash('sha256')
          .update(portable(readFileSync(path, 'utf8')))
          .digest('hex'),
      ]),
    );
    const recorded = join(ROOT, 'test', 'generated-20k.sha256.json');
    if (process.env.UPDATE_GOLDEN) writeFileSync(recorded, `${JSON.stringify(digests, null, 2)}\n`);
    expect(digests).toEqual(JSON.parse(readFileSync(recorded, 'utf8')));
  });
});
