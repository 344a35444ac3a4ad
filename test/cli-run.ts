import { spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/channel-audit.js', import.meta.url));

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the built binary as a user would, without colour, from the repository root. */
export function runCli(
  args: string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The orders audit of the hand-worked fixtures (`test/orders-fixtures/`), as a user would type it. */
export const ORDERS_ARGS = [
  'orders',
  'test/orders-fixtures/orders.csv',
  '--catalog',
  'test/orders-fixtures/catalog.csv',
  '--as-of',
  '2026-11-23T12:00',
];

/** Every output format with the name of its committed expected file, for the golden tests. */
export const GOLDEN_FORMATS = [
  ['json', 'expected.json'],
  ['ndjson', 'expected.ndjson'],
  ['csv', 'expected.csv'],
  ['table', 'expected.table.txt'],
  ['markdown', 'expected.md'],
  ['github', 'expected.github.txt'],
  ['sarif', 'expected.sarif'],
] as const;

/** SARIF links each rule to its page in the installed package: the same file, wherever the checkout is. */
export const portable = (text: string) => text.replaceAll(pathToFileURL(ROOT).href, 'file:///channel-audit/');

/**
 * Runs the command in this process, as the binary does (`bin/channel-audit.js`), without spawning one:
 * the same `{ stdout, stderr, code }` as `runCli`, in milliseconds instead of a Node start, and counted
 * by the coverage. Standard input is a stream that is not a terminal (empty unless `input`); standard
 * output and error are not terminals; `NO_COLOR` is set. `env` is the command's environment (not this
 * process's); a `TMPDIR` in it is also set in `process.env` for the run, since the temporary files go
 * where `os.tmpdir()` says. What only a real process shows (signals, a closed pipe, the exit code
 * reaching the shell, the bin's own lines) is `runCli`'s.
 */
export async function runInProcess(
  args: string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  const tmp = options.env?.TMPDIR;
  if (tmp === undefined) return runInProcessWith(args, options);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    return await runInProcessWith(args, options);
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

async function runInProcessWith(
  args: string[],
  options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<CliRun> {
  const { run } = await import('../src/cli/cli.js');
  const collect = () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const [stdout, stderr] = [collect(), collect()];
  const code = await run({
    argv: args,
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? ROOT,
  });
  return { stdout: stdout.text(), stderr: stderr.text(), code };
}
