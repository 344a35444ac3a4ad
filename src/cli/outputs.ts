import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../core/errors.js';
import { shouldUseColor } from '../report/color.js';
import { FORMATS, parseOutTarget, reporterFor } from '../report/index.js';
import { progressBar } from '../report/progress.js';
import type { OutputFormat, Reporter } from '../report/reporter.js';
import { fileSink, type OutputSink, streamSink } from '../report/sink.js';
import type { CliIo } from './io.js';

/**
 * The reporters of a run: `--format` on standard output, and one per `--out` file (written under a
 * temporary name, never over the input).
 */
export function openOutputs<Item, Start, End>(
  formats: Record<string, OutputFormat<Item, Start, End>>,
  flags: { format: string; out: string[]; escapeFormulas: boolean; color?: boolean },
  io: CliIo,
  input: string | null | undefined,
): { reporters: Reporter<Item, Start, End>[]; sinks: OutputSink[] } {
  // Standard input's file descriptor, when it is the process's own: a file redirected in is an input too.
  const stdinFd = input === null && (io.stdin as { fd?: unknown }).fd === 0 ? 0 : null;
  const options = {
    escapeFormulas: flags.escapeFormulas,
    ...(io.env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: io.env.GITHUB_STEP_SUMMARY } : {}),
  };
  const color = shouldUseColor(flags.color, io.env, io.stdout.isTTY === true);
  const stdoutFormat = formats[flags.format];
  if (stdoutFormat === undefined)
    throw new UsageError(`--format ${flags.format}: not a format of this command`);
  const reporters = [
    reporterFor(stdoutFormat, streamSink(io.stdout as NodeJS.WritableStream as Writable), {
      ...options,
      color,
      destination: 'stdout',
    }),
  ];
  const sinks: OutputSink[] = [];
  try {
    // Two outputs to one file would race for it: the last renamed would win, in silence.
    const written = new Map<string, string>();
    for (const target of flags.out) {
      const out = parseOutTarget(target);
      const format = out === undefined ? undefined : formats[out.format];
      if (out === undefined && isDirectory(resolve(io.cwd, target)))
        throw new UsageError(
          `--out ${target}: it is a folder; name a file in it (report.json, audit.sarif…)`,
        );
      if (out === undefined || format === undefined) {
        throw new UsageError(
          `--out ${target}: cannot tell the format; use a .json, .ndjson, .csv, .md, .sarif, .html or .txt name, or FORMAT:FILE (${FORMATS.join(', ')})`,
        );
      }
      if (isDirectory(resolve(io.cwd, out.path)))
        throw new UsageError(`--out ${target}: ${out.path} is a folder; name a file in it`);
      const earlier = written.get(resolve(io.cwd, out.path));
      if (earlier !== undefined)
        throw new UsageError(
          `--out ${target}: ${out.path} is already written by --out ${earlier}; name each file once`,
        );
      written.set(resolve(io.cwd, out.path), target);
      const sink = fileSink(resolve(io.cwd, out.path), input ? resolve(io.cwd, input) : stdinFd);
      sinks.push(sink);
      reporters.push(reporterFor(format, sink, { ...options, color: false, destination: 'file' }));
    }
  } catch (error) {
    for (const sink of sinks) void sink.abort().catch(() => {});
    throw error;
  }
  return { reporters, sinks };
}

/**
 * A progress bar on standard error when it is a terminal, unless --no-progress or the input is piped (a
 * path: a file, whose size is the total of a bar counting rows).
 */
export function terminalProgress(
  flags: { progress: boolean },
  io: CliIo,
  input: string | null,
  unit: 'rows' | 'bytes',
) {
  if (!flags.progress || (io.stderr as { isTTY?: boolean }).isTTY !== true || input === null)
    return undefined;
  const total = unit === 'rows' ? sizeOf(input) : 0;
  return progressBar(io.stderr as NodeJS.WritableStream as Writable, total, undefined, unit);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
