import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { type Config, loadConfig } from '../config/load-config.js';
import { UsageError } from '../core/errors.js';
import { sweepOnce } from '../core/temp-files.js';
import type { SeverityCounts } from '../core/types.js';
import { getExitCode } from '../audit/exit-code.js';
import type { OutputFormat, Reporter } from '../report/reporter.js';
import type { CliIo } from './io.js';
import type { CommonFlags } from './options.js';
import { openOutputs, terminalProgress } from './outputs.js';

/** What a run of a command is given: its config, its input, how to name it, its reporters, its progress. */
interface CommandRun<Item, Start, End> {
  config: Config;
  /** The input: a path, or standard input. */
  input: string | Readable;
  /** The input's name in reports. */
  name: string;
  reporters: Reporter<Item, Start, End>[];
  progress: Awaited<ReturnType<typeof terminalProgress>>;
}

/**
 * A command declared as data: what it reads and says when no input is given, its formats, what its
 * progress counts, and its audit. Everything else — the config, `--print-config`, standard input, the
 * outputs (`--format`, `--out`), the progress bar, the exit code and `--max-warnings`, cleaning up the
 * outputs of a failed run — is `runCommand`'s, the same for every command.
 */
export interface AuditCommand<Flags extends CommonFlags, Item, Start, End> {
  /** The one-line error when no input is given. */
  usage: string;
  formats: Record<string, OutputFormat<Item, Start, End>>;
  /** What the progress bar counts; the file's size is its total for `rows`. */
  progress: 'rows' | 'bytes';
  /** Runs before any output is opened; a number ends the command with that code (`--print-mapping`). */
  before?(
    flags: Flags,
    run: Omit<CommandRun<Item, Start, End>, 'reporters' | 'progress'>,
    io: CliIo,
  ): Promise<number | undefined>;
  /** The audit; its gate is what the exit code is computed from. */
  audit(
    flags: Flags,
    run: CommandRun<Item, Start, End>,
    io: CliIo,
  ): Promise<{ gate: SeverityCounts; baselined?: boolean }>;
}

export async function runCommand<Flags extends CommonFlags, Item, Start, End>(
  command: AuditCommand<Flags, Item, Start, End>,
  file: string | undefined,
  flags: Flags,
  io: CliIo,
): Promise<number> {
  const { config } = await loadConfig({ ...(flags.config ? { path: flags.config } : {}), cwd: io.cwd });
  // What runs killed outright (kill -9) left in the temp folder goes first.
  await sweepOnce();
  if (flags.printConfig) {
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  const readsStdin = file === '-' || (file === undefined && io.stdin.isTTY !== true);
  if (file === undefined && !readsStdin) throw new UsageError(command.usage);
  const input = readsStdin ? (io.stdin as Readable) : resolve(io.cwd, file as string);
  const name = readsStdin ? (flags.stdinFilename ?? '<stdin>') : (file as string);
  const before = await command.before?.(flags, { config, input, name }, io);
  if (before !== undefined) return before;
  const { reporters, sinks } = openOutputs(command.formats, flags, io, readsStdin ? null : file);
  const progress = await terminalProgress(flags, io, readsStdin ? null : (input as string), command.progress);
  try {
    const result = await command.audit(flags, { config, input, name, reporters, progress }, io);
    progress?.stop();
    const { gate } = result;
    if (flags.maxWarnings !== undefined && gate.warning > flags.maxWarnings) {
      io.stderr.write(
        `channel-audit: ${gate.warning} ${result.baselined ? 'new ' : ''}warnings, more than --max-warnings ${flags.maxWarnings}\n`,
      );
    }
    return getExitCode(gate, {
      failOn: flags.failOn,
      ...(flags.maxWarnings !== undefined ? { maxWarnings: flags.maxWarnings } : {}),
    });
  } catch (error) {
    progress?.stop();
    await Promise.all(sinks.map((sink) => sink.abort().catch(() => {})));
    throw error;
  }
}
