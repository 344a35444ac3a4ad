import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog, generateWorkbook } from '../bench/generate.js';
import { BIN, ROOT } from './cli-run.js';

// Whatever ends a run — its end, an error, Ctrl-C, SIGTERM — it leaves nothing behind: not in the temp
// folder (spills, spools, parts), not beside its --out targets (files being written). A run killed
// outright (kill -9) cannot clean up: the next run removes what it left, once it is old enough.

let work: string;
let csv: string;
let book: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ca-cleanup-'));
  csv = join(work, 'catalog.csv');
  book = join(work, 'catalog.xlsx');
  // Over 16 MB, so that two threads audit it in parts (a folder of their own).
  await generateCatalog(csv, 130_000);
  const small = join(work, 'small.csv');
  await generateCatalog(small, 30_000);
  await generateWorkbook(book, small);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the binary with its own temp folder, sends `signal` after `ms`, and waits for it to stop. */
function interrupted(args: string[], signal: NodeJS.Signals, ms: number) {
  const temp = mkdtempSync(join(work, 'tmp-'));
  const out = mkdtempSync(join(work, 'out-'));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; temp: string[]; out: string[] }>(
    (resolve) => {
      const child = spawn(process.execPath, [BIN, ...args.map((a) => a.replace('OUT', out))], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const timer = setTimeout(() => child.kill(signal), ms);
      child.on('exit', (code, killed) => {
        clearTimeout(timer);
        resolve({ code, signal: killed, temp: readdirSync(temp), out: readdirSync(out) });
      });
    },
  );
}

describe('nothing left behind', () => {
  const outputs = ['--format', 'json', '--out', 'OUT/x.csv', '--out', 'OUT/x.html', '--out', 'OUT/x.json'];

  it.each([
    ['SIGINT', 300],
    ['SIGINT', 1200],
    ['SIGTERM', 700],
  ] as const)('a CSV audit in two threads stopped by %s after %i ms', async (signal, ms) => {
    const run = await interrupted([csv, ...outputs], signal, ms);
    expect(run.signal).toBe(signal);
    expect(run.temp).toEqual([]);
    expect(run.out).toEqual([]);
  });

  it.each([200, 900])('a workbook stopped by SIGINT after %i ms, while it is read or audited', async (ms) => {
    const run = await interrupted([book, ...outputs], 'SIGINT', ms);
    expect(run.signal).toBe('SIGINT');
    expect(run.temp).toEqual([]);
    expect(run.out).toEqual([]);
  });

  it('a run that ends, and one that fails half-way, leave nothing either', async () => {
    const done = await interrupted([csv, ...outputs], 'SIGINT', 60_000);
    expect(done.code).toBe(1);
    expect(done.temp).toEqual([]);
    expect(done.out.sort()).toEqual(['x.csv', 'x.html', 'x.json']);
    // A quote that never closes, far into the file: the audit stops with exit 2 after writing much.
    const broken = join(work, 'broken.csv');
    writeFileSync(broken, `sku,weight_kg\n${'A,1\n'.repeat(50_000)}"B,2\n`);
    const failed = await interrupted([broken, ...outputs], 'SIGINT', 60_000);
    expect(failed.code).toBe(2);
    expect(failed.temp).toEqual([]);
    expect(failed.out).toEqual([]);
    // Two whole runs of the 130,000-row catalog: 9 s on a quiet machine, more when the tests share it.
  }, 120_000);

  it('a later run removes what a killed run left, once its process is gone and it is old', async () => {
    const temp = mkdtempSync(join(work, 'tmp-'));
    const out = mkdtempSync(join(work, 'out-'));
    const old = Date.now() / 1000 - 3600;
    // A process id no process has (the kernel's maximum is far lower), and this test's own (alive).
    const dead = 4_000_000;
    const leftovers = [
      [join(temp, `channel-audit-input-${dead}-abc123`), true],
      [join(temp, `channel-audit-spool-${dead}-def456`), true],
      [join(temp, `channel-audit-spool-${process.pid}-alive1`), false],
      [join(temp, 'unrelated-folder'), false],
    ] as const;
    for (const [path] of leftovers) {
      mkdirSync(path);
      writeFileSync(join(path, 'items'), 'x');
      utimesSync(path, old, old);
    }
    const fresh = join(temp, `channel-audit-input-${dead}-new999`);
    mkdirSync(fresh);
    const besideOld = join(out, `.x.csv.${dead}-0a1b2c3d.tmp`);
    writeFileSync(besideOld, 'half');
    utimesSync(besideOld, old, old);
    await new Promise<void>((resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, join(ROOT, 'fixtures', 'sample-catalog.csv'), '--format', 'json', '--out', join(out, 'x.csv')],
        {
          env: { ...process.env, TMPDIR: temp },
          stdio: 'ignore',
        },
      );
      child.on('exit', () => resolve());
    });
    expect(readdirSync(temp).sort()).toEqual(
      [
        `channel-audit-spool-${process.pid}-alive1`,
        `channel-audit-input-${dead}-new999`,
        'unrelated-folder',
      ].sort(),
    );
    expect(readdirSync(out)).toEqual(['x.csv']);
  });
});

describe('the sweep of what killed runs left, in this process', () => {
  const dead = 4_000_000;
  /** Empty folders or files in a new folder, `minutes` old. */
  function leftovers(entries: [name: string, minutes: number, kind: 'dir' | 'file'][]) {
    const dir = mkdtempSync(join(work, 'sweep-'));
    for (const [name, minutes, kind] of entries) {
      if (kind === 'dir') mkdirSync(join(dir, name));
      else writeFileSync(join(dir, name), 'half');
      const time = (Date.now() - minutes * 60_000) / 1000;
      utimesSync(join(dir, name), time, time);
    }
    return dir;
  }

  it('beside an output: its own .tmp files whose process is gone, five minutes old or more', async () => {
    const { sweepBeside } = await import('../src/core/temp-files.js');
    const dir = leftovers([
      [`.x.csv.${dead}-0a1b2c3d.tmp`, 60, 'file'], // removed
      [`.x.csv.${dead}-0a1b2c3e.tmp`, 1, 'file'], // too young
      [`.x.csv.${process.pid}-0a1b2c3f.tmp`, 60, 'file'], // this process's
      [`.x.csv.${process.ppid}-0a1b2c40.tmp`, 60, 'file'], // a live process's
      [`.y.csv.${dead}-0a1b2c41.tmp`, 60, 'file'], // another output's
      [`.x.csv.${dead}-0a1b2c42.tmp.keep`, 60, 'file'], // not a temporary name
    ]);
    expect(await sweepBeside(join(dir, 'x.csv'))).toEqual([join(dir, `.x.csv.${dead}-0a1b2c3d.tmp`)]);
    expect(readdirSync(dir)).toHaveLength(5);
    expect(await sweepBeside(join(dir, 'no-such-folder', 'x.csv'))).toEqual([]);
  });

  it('in the temp folder: channel-audit folders whose process is gone, five minutes old or more', async () => {
    // Once per process, in os.tmpdir(): this file has not run the command in this process before.
    const { sweepOnce } = await import('../src/core/temp-files.js');
    const dir = leftovers([
      [`channel-audit-input-${dead}-abc123`, 60, 'dir'], // removed
      [`channel-audit-spool-${dead}-def456`, 1, 'dir'], // too young
      [`channel-audit-spool-${process.pid}-alive1`, 60, 'dir'], // this process's
      ['channel-audit-notes', 60, 'dir'], // not a run's
      ['unrelated-folder', 60, 'dir'],
    ]);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      await sweepOnce();
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(dir).sort()).toEqual(
      [
        `channel-audit-spool-${dead}-def456`,
        `channel-audit-spool-${process.pid}-alive1`,
        'channel-audit-notes',
        'unrelated-folder',
      ].sort(),
    );
  });
});
