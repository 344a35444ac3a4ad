import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Every temporary file and folder of a run — a workbook's spill, standard input's copy, the spools, the
 * parts of a two-thread audit, an `--out` file being written — is registered here while it exists, so
 * that it is removed whatever ends the run: success, an error, Ctrl-C or SIGTERM (`removeAllTempSync`,
 * called by the binary), or, for a run killed outright, the next run (`sweepLeftovers`). Their names say
 * whose they are: `channel-audit-<what>-<pid>-<random>` in the temp folder, `.<name>.<pid>-<random>.tmp`
 * beside an `--out` target.
 */
const live = new Set<string>();

const TEMP_PREFIX = 'channel-audit-';

/** A leftover is removed once its process is gone and it is this old (a run that just started may be slow). */
const LEFTOVER_AGE_MS = 5 * 60 * 1000;

/** A new folder in the temp folder, registered; `removeTemp` removes it. */
export async function makeTempDir(what: string): Promise<string> {
  await sweepOnce();
  const dir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${what}-${process.pid}-`));
  live.add(dir);
  return dir;
}

/** The name of the temporary file an output is written under, beside it; registered. */
export function tempNameBeside(target: string, random: string): string {
  const path = join(dirname(target), `.${basename(target)}.${process.pid}-${random}.tmp`);
  live.add(path);
  return path;
}

/** Removes a registered file or folder. */
export async function removeTemp(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  live.delete(path);
}

/** The file was renamed into place: it is no longer temporary. */
export function forgetTemp(path: string): void {
  live.delete(path);
}

/** Removes everything still registered, at once: for the end of the process, signals included. @public */
export function removeAllTempSync(): void {
  for (const path of live) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
  }
  live.clear();
}

let swept: Promise<unknown> | undefined;
/** Sweeps the temp folder of what killed runs left, once per process. */
export function sweepOnce(): Promise<unknown> {
  swept ??= sweepLeftovers(tmpdir()).catch(() => []);
  return swept;
}

/**
 * Removes what killed runs left in `dir`: temporary folders of channel-audit (or, with `target`, the
 * temporary files beside that output) whose process is gone and that are older than five minutes.
 */
async function sweepLeftovers(dir: string, target?: string, now = Date.now()): Promise<string[]> {
  const pattern =
    target === undefined
      ? new RegExp(`^${TEMP_PREFIX}[a-z]+-(\\d+)-`)
      : new RegExp(`^\\.${escape(basename(target))}\\.(\\d+)-[0-9a-f]+\\.tmp$`);
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!(pid > 0) || pid === process.pid || isAlive(pid)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info === null || now - info.mtimeMs < LEFTOVER_AGE_MS) continue;
    await rm(path, { recursive: true, force: true }).catch(() => {});
    removed.push(path);
  }
  return removed;
}

/** Sweeps what killed runs left beside an output (only `.name.pid-random.tmp` files). */
export function sweepBeside(target: string): Promise<unknown> {
  return sweepLeftovers(dirname(target), target).catch(() => []);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
