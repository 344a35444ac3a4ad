#!/usr/bin/env node
// The fuzz run: damaged workbooks and CSVs (test/fuzz/generate.mjs) through the built binary, one process
// each, checking that every run ends as a user can rely on:
//   - an exit code of 0, 1 or 2 (no signal, no other code), within the timeout (else a hang);
//   - no stack trace, "internal error", TypeError/RangeError/ReferenceError or "Cannot read properties" on
//     stderr;
//   - nothing left in its private TMPDIR, no .tmp file beside an --out target;
//   - the input file unchanged.
//
//   npm run build && node test/fuzz/run.mjs --count 2000 --seed 1 [--jobs 2] [--keep DIR]
//       [--start N] [--timeout SECONDS] [--failures DIR] [--quiet]
//
// Failing cases are written, grouped by cause, to the failures folder (default /tmp/fuzz-failures/<group>/
// case-N/: the input, command.sh, stderr.txt, and the --debug stack); the run then exits 1.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, generateCase, makeRandom, mutationKinds } from './generate.mjs';

export const BIN = join(ROOT, 'bin', 'channel-audit.js');
const FORMATS = ['json', 'ndjson', 'csv', 'table', 'markdown', 'github', 'sarif', 'html'];
const OUT_NAMES = [
  'report.json',
  'report.ndjson',
  'annotated.csv',
  'report.md',
  'audit.sarif',
  'report.html',
  'report.txt',
];

/** What stderr must never show. */
export const FORBIDDEN = [
  ['stack trace', /^\s+at .+:\d+:\d+\)?$/m],
  ['internal error', /internal error/i],
  ['TypeError', /TypeError/],
  ['RangeError', /RangeError/],
  ['ReferenceError', /ReferenceError/],
  ['Cannot read properties', /Cannot read properties/],
];

/** The options a case is run with, from its own random source: a format, sometimes --out and others. */
export function caseArgs(testCase) {
  const r = makeRandom((testCase.seed * 1_000_003 + testCase.index * 7919 + 17) >>> 0);
  const args = ['--format', r.pick(FORMATS), '--as-of', r.pick(['2026-11-23', '2025-01-01', '2030-06-30'])];
  const out = [];
  if (r.chance(0.35)) {
    const name = r.pick(OUT_NAMES);
    out.push(r.chance(0.15) ? { prefix: `${r.pick(FORMATS)}:`, name } : { prefix: '', name });
    if (r.chance(0.2)) out.push({ prefix: '', name: r.pick(OUT_NAMES.filter((n) => n !== name)) });
  }
  if (testCase.kind !== 'csv' && r.chance(0.15)) args.push('--sheet', 'all');
  if (r.chance(0.1)) args.push('--fail-on', r.pick(['warning', 'info', 'none']));
  return { args, out };
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function listRecursive(dir) {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

/** Runs a node process with a timeout; keeps stderr (up to 1 MB) and the size of stdout. */
function runProcess(args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    const stderr = [];
    let stderrBytes = 0;
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdoutBytes += chunk.length));
    child.stderr.on('data', (chunk) => {
      if (stderrBytes < 1_000_000) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        timedOut,
        stdoutBytes,
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: Date.now() - started,
      });
    });
  });
}

const shellQuote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/** The binary's arguments for a case whose input is at `input` and whose --out files go to `outDir`. */
export function commandArgs(testCase, input, outDir) {
  const { args, out } = caseArgs(testCase);
  return [input, ...args, ...out.flatMap(({ prefix, name }) => ['--out', `${prefix}${join(outDir, name)}`])];
}

/**
 * Runs one case in a fresh private folder under `workRoot` (input/, tmp/ as TMPDIR, out/) and checks it.
 * Returns { testCase, outcome: 'exit0'|'exit1'|'exit2'|'fail', problems: [..], code, signal, stderr, ms,
 * args, dir }. The folder is removed unless `keepFolder` (the caller then removes it).
 */
export async function runCase(
  testCase,
  { workRoot, bin = BIN, timeoutMs = 60_000, keepFolder = false, debug = false },
) {
  const dir = await mkdtemp(join(workRoot, `case-${testCase.index}-`));
  const inDir = join(dir, 'input');
  const tmp = join(dir, 'tmp');
  const outDir = join(dir, 'out');
  await Promise.all([mkdir(inDir), mkdir(tmp), mkdir(outDir)]);
  const input = join(inDir, testCase.name);
  await writeFile(input, testCase.bytes);
  const before = sha256(testCase.bytes);
  const args = commandArgs(testCase, input, outDir);
  if (debug) args.push('--debug');
  const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const run = await runProcess([bin, ...args], { cwd: dir, env, timeoutMs });

  const problems = [];
  if (run.timedOut) problems.push(`hang: no exit within ${timeoutMs / 1000} s`);
  else if (run.signal) problems.push(`killed by ${run.signal}`);
  else if (![0, 1, 2].includes(run.code)) problems.push(`exit code ${run.code}`);
  if (!debug) {
    for (const [what, pattern] of FORBIDDEN) if (pattern.test(run.stderr)) problems.push(`stderr: ${what}`);
  }
  const leftInTmp = await listRecursive(tmp);
  if (leftInTmp.length > 0) problems.push(`TMPDIR not empty: ${leftInTmp.slice(0, 5).join(', ')}`);
  const tmpBeside = (await listRecursive(outDir)).filter((name) => name.endsWith('.tmp'));
  if (tmpBeside.length > 0) problems.push(`.tmp beside --out: ${tmpBeside.slice(0, 5).join(', ')}`);
  const inputFolder = await listRecursive(inDir);
  if (inputFolder.length !== 1) problems.push(`input folder changed: ${inputFolder.slice(0, 5).join(', ')}`);
  const after = existsSync(input) ? sha256(await readFile(input)) : 'missing';
  if (after !== before) problems.push('input file changed');

  const outcome = problems.length > 0 ? 'fail' : `exit${run.code}`;
  if (!keepFolder) await rm(dir, { recursive: true, force: true });
  return { testCase, outcome, problems, args, dir, ...run };
}

// ---------------------------------------------------------------------------------------------------------
// Grouping failures by cause.

/** The first frame of a stack that is the project's own (dist/, bin/), else the first frame at all. */
function topFrame(stderr) {
  const frames = [...stderr.matchAll(/^\s+at (?:.*?\()?(.+?):(\d+):\d+\)?$/gm)].map((m) => ({
    file: m[1].replace(/^file:\/\//, ''),
    line: m[2],
  }));
  const own = frames.find((f) => /\/(dist|bin)\//.test(f.file) && !f.file.includes('node_modules'));
  const frame = own ?? frames[0];
  if (!frame) return undefined;
  const file = frame.file.replace(/^.*\/((?:dist|bin)\/)/, '$1').replace(/^.*node_modules\//, '');
  return `${file}:${frame.line}`;
}

/** The message that names the failure: the internal error's or the exception's first line. */
function causeMessage(stderr) {
  const line =
    stderr
      .split('\n')
      .find((l) => /internal error|Error:|Cannot read properties|is not a function|Maximum call/.test(l)) ??
    stderr.split('\n').find((l) => l.trim() !== '') ??
    '';
  return line
    .replace(/\(run with --debug for details\)/, '')
    .replace(/\/[^\s'"`:]+/g, 'PATH')
    .replace(/\d+/g, 'N')
    .trim()
    .slice(0, 160);
}

export function causeOf(result, debugStderr) {
  const first = result.problems[0] ?? '';
  if (first.startsWith('hang')) return { key: 'hang', message: first };
  if (first.startsWith('killed') || first.startsWith('exit code')) {
    const frame = topFrame(debugStderr ?? result.stderr);
    return {
      key: `${first}${frame ? ` @ ${frame}` : ''}`,
      message: `${first}: ${causeMessage(result.stderr)}`,
    };
  }
  if (!first.startsWith('stderr')) return { key: first.replace(/:.*$/, ''), message: first };
  const message = causeMessage(result.stderr);
  const frame = topFrame(result.stderr) ?? topFrame(debugStderr ?? '');
  return { key: `${message}${frame ? ` @ ${frame}` : ''}`, message };
}

const slug = (text) =>
  (text.match(/\(([^()]*(?:\([^()]*\))?[^()]*)\)/)?.[1] ?? text)
    .toLowerCase()
    .replace(/channel-audit:|internal error:/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70) || 'unknown';

// ---------------------------------------------------------------------------------------------------------
// The command.

function parseArgs(argv) {
  const args = {
    count: 2000,
    seed: 1,
    start: 0,
    jobs: 2,
    keep: undefined,
    timeout: 60,
    failures: '/tmp/fuzz-failures',
    quiet: false,
    snapshot: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quiet' || flag === '--no-snapshot') {
      if (flag === '--quiet') args.quiet = true;
      else args.snapshot = false;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--count') args.count = Number(value);
    else if (flag === '--seed') args.seed = Number(value);
    else if (flag === '--start') args.start = Number(value);
    else if (flag === '--jobs') args.jobs = Number(value);
    else if (flag === '--timeout') args.timeout = Number(value);
    else if (flag === '--keep') args.keep = value;
    else if (flag === '--failures') args.failures = value;
    else throw new Error(`unknown option ${flag}`);
  }
  for (const key of ['count', 'seed', 'start', 'jobs', 'timeout']) {
    if (!Number.isInteger(args[key]) || args[key] < 0) throw new Error(`--${key} must be a whole number`);
  }
  if (args.jobs < 1) args.jobs = 1;
  return args;
}

/**
 * A copy of the build (bin/, dist/, package.json, docs/; node_modules linked) in `dir`: the run keeps
 * using the same binary while dist/ is rebuilt beside it. Returns the copy's binary.
 */
export async function snapshotBuild(dir) {
  for (const part of ['bin', 'dist', 'docs', 'package.json'])
    await cp(join(ROOT, part), join(dir, part), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'bin', 'channel-audit.js');
}

async function prepareFailures(dir) {
  if (existsSync(dir)) {
    const entries = await readdir(dir);
    if (entries.length > 0 && !entries.includes('.fuzz-failures')) {
      throw new Error(
        `${dir} exists and is not a fuzz failures folder (no .fuzz-failures marker); choose another --failures`,
      );
    }
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, '.fuzz-failures'),
    'written by test/fuzz/run.mjs; removed at the start of each run\n',
  );
}

const pct = (n, total) => `${((100 * n) / Math.max(1, total)).toFixed(1)}%`;

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `run.mjs: ${error.message}\nusage: node test/fuzz/run.mjs [--count N] [--seed N] [--start N] [--jobs N] [--timeout S] [--keep DIR] [--failures DIR] [--quiet] [--no-snapshot]\n`,
    );
    process.exit(2);
  }
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    process.stderr.write('run.mjs: the binary is not built: run npm run build first\n');
    process.exit(2);
  }
  await prepareFailures(opts.failures);
  if (opts.keep) await mkdir(opts.keep, { recursive: true });
  const workRoot = await mkdtemp(join(tmpdir(), 'ca-fuzz-'));
  const bin = opts.snapshot ? await snapshotBuild(await mkdtemp(join(workRoot, 'build-'))) : BIN;
  const started = Date.now();
  const results = [];
  const groups = new Map();
  let next = opts.start;
  const end = opts.start + opts.count;
  let done = 0;

  const record = async (result) => {
    const { testCase } = result;
    const kinds = mutationKinds(testCase);
    results.push({
      index: testCase.index,
      kind: testCase.kind,
      kinds,
      outcome: result.outcome,
      ms: result.ms,
      bytes: testCase.bytes.length,
    });
    if (opts.keep) {
      await writeFile(join(opts.keep, testCase.name), testCase.bytes);
    }
    if (result.outcome === 'fail') {
      // The same case with --debug, for the stack that names the cause.
      const debugRun = await runCase(testCase, {
        workRoot,
        bin,
        timeoutMs: opts.timeout * 1000,
        debug: true,
      });
      const cause = causeOf(result, debugRun.stderr);
      const group = groups.get(cause.key) ?? { key: cause.key, message: cause.message, slug: '', cases: [] };
      if (!groups.has(cause.key)) {
        let name = slug(cause.key);
        while ([...groups.values()].some((g) => g.slug === name)) name += '-x';
        group.slug = name;
        groups.set(cause.key, group);
      }
      group.cases.push({ index: testCase.index, size: testCase.bytes.length });
      const caseDir = join(opts.failures, group.slug, `case-${testCase.index}`);
      await mkdir(join(caseDir, 'out'), { recursive: true });
      const input = join(caseDir, testCase.name);
      await writeFile(input, testCase.bytes);
      const command = [process.execPath, BIN, ...commandArgs(testCase, input, join(caseDir, 'out'))]
        .map(shellQuote)
        .join(' ');
      await writeFile(
        join(caseDir, 'command.sh'),
        `#!/bin/sh\n# seed ${testCase.seed}, case ${testCase.index}: ${testCase.kind} from ${testCase.base}, ${testCase.mutations.join(' + ')}\n${command}\n`,
      );
      await writeFile(join(caseDir, 'stderr.txt'), result.stderr);
      await writeFile(join(caseDir, 'debug-stderr.txt'), debugRun.stderr);
      await writeFile(
        join(caseDir, 'case.json'),
        `${JSON.stringify({ seed: testCase.seed, index: testCase.index, kind: testCase.kind, base: testCase.base, mutations: testCase.mutations, bytes: testCase.bytes.length, problems: result.problems, code: result.code, signal: result.signal, ms: result.ms, command }, null, 2)}\n`,
      );
      await rm(result.dir, { recursive: true, force: true });
      if (!opts.quiet)
        process.stderr.write(
          `FAIL case ${testCase.index} (${testCase.kind}, ${kinds.join('+')}): ${result.problems.join('; ')}\n`,
        );
    }
    done++;
    if (!opts.quiet && done % 100 === 0) {
      process.stderr.write(`… ${done}/${opts.count} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  };

  const worker = async () => {
    while (next < end) {
      const index = next++;
      const testCase = await generateCase(opts.seed, index);
      const result = await runCase(testCase, {
        workRoot,
        bin,
        timeoutMs: opts.timeout * 1000,
        keepFolder: true,
      });
      if (result.outcome !== 'fail') await rm(result.dir, { recursive: true, force: true });
      await record(result);
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, worker));
  await rm(workRoot, { recursive: true, force: true });
  const seconds = (Date.now() - started) / 1000;

  // The summary.
  const total = results.length;
  const byOutcome = {};
  for (const r of results) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  const table = (title, keyOf) => {
    const rows = new Map();
    for (const r of results) {
      for (const key of keyOf(r)) {
        const row = rows.get(key) ?? { cases: 0, exit0: 0, exit1: 0, exit2: 0, fail: 0 };
        row.cases++;
        row[r.outcome]++;
        rows.set(key, row);
      }
    }
    const lines = [`${title.padEnd(28)} cases  exit0  exit1  exit2   fail`];
    for (const [key, row] of [...rows].sort((a, b) => b[1].cases - a[1].cases)) {
      lines.push(
        `${key.padEnd(28)} ${String(row.cases).padStart(5)}  ${String(row.exit0).padStart(5)}  ${String(row.exit1).padStart(5)}  ${String(row.exit2).padStart(5)}  ${String(row.fail).padStart(5)}`,
      );
    }
    return lines.join('\n');
  };
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const groupList = [...groups.values()].sort((a, b) => b.cases.length - a.cases.length);
  const summary = [
    `fuzz: seed ${opts.seed}, cases ${opts.start}..${end - 1} (${total}), ${opts.jobs} job(s), ${seconds.toFixed(1)} s`,
    `outcomes: ${['exit0', 'exit1', 'exit2', 'fail'].map((k) => `${k} ${byOutcome[k] ?? 0} (${pct(byOutcome[k] ?? 0, total)})`).join(', ')}`,
    `run time per case: median ${times[Math.floor(total / 2)] ?? 0} ms, p99 ${times[Math.floor(total * 0.99)] ?? 0} ms, max ${times.at(-1) ?? 0} ms; slowest: ${slowest.map((r) => `#${r.index} ${r.ms} ms (${r.kind} ${r.kinds.join('+')}, ${r.bytes} B)`).join('; ')}`,
    '',
    table('by input kind', (r) => [r.kind]),
    '',
    table('by mutation', (r) => r.kinds),
    '',
    groupList.length === 0
      ? 'no failures'
      : `failure groups (${groupList.length}), in ${opts.failures}:\n${groupList
          .map((g) => {
            const smallest = [...g.cases].sort((a, b) => a.size - b.size)[0];
            return `  ${String(g.cases.length).padStart(5)}  ${g.slug}/  ${g.message}\n         key: ${g.key}\n         smallest: ${g.slug}/case-${smallest.index}/command.sh (${smallest.size} B)`;
          })
          .join('\n')}`,
  ].join('\n');
  process.stdout.write(`${summary}\n`);
  await writeFile(join(opts.failures, 'summary.txt'), `${summary}\n`);
  await writeFile(
    join(opts.failures, 'groups.json'),
    `${JSON.stringify(
      groupList.map((g) => ({ ...g, cases: g.cases.map((c) => c.index) })),
      null,
      2,
    )}\n`,
  );
  for (const g of groupList) {
    const smallest = [...g.cases].sort((a, b) => a.size - b.size)[0];
    await writeFile(
      join(opts.failures, g.slug, 'README.txt'),
      `${g.cases.length} failing case(s): ${g.message}\nkey: ${g.key}\nsmallest: case-${smallest.index}/command.sh (${smallest.size} bytes)\ncases: ${g.cases.map((c) => c.index).join(' ')}\n`,
    );
  }
  process.exitCode = groupList.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
