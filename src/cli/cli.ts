import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { audit, inspectMapping } from '../run/audit.js';
import { inputNotes, mappingText } from '../report/mapping.js';
import { auditOrders, type OrdersEnd, type OrdersStart, ordersExitCode } from '../run/audit-orders.js';
import type { AuditedOrder } from '../core/order-types.js';
import { ORDER_FORMATS } from '../report/orders-formats.js';
import type { OutputFormat } from '../report/reporter.js';
import { loadBaseline } from '../audit/baseline.js';
import { configJsonSchema } from '../config/json-schema.js';
import { type Config, CONFIG_FILE_NAME, loadConfig } from '../config/load-config.js';
import { starterConfig } from './starter-config.js';
import { isExpectedError, UsageError } from '../core/errors.js';
import { EXIT_USAGE, type FailOn, getExitCode } from '../audit/exit-code.js';
import { shouldUseColor } from '../report/color.js';
import { FORMATS, type Format, OUTPUT_FORMATS, parseOutTarget, reporterFor } from '../report/index.js';
import type { Reporter, ReportEnd, ReportStart } from '../report/reporter.js';
import { isUsableDelimiter } from '../read/tokenize-csv.js';
import { progressBar } from '../report/progress.js';
import { rulesList } from '../report/rules-list.js';
import { fileSink, type OutputSink, streamSink } from '../report/sink.js';
import { type AuditedSku, FIELDS, type Field } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../read/limits.js';
import { sweepOnce } from '../core/temp-files.js';

interface AuditFlags {
  format: Format;
  out: string[];
  asOf?: string;
  failOn: FailOn;
  maxWarnings?: number;
  baseline?: string;
  quiet?: boolean;
  printConfig?: boolean;
  config?: string;
  map: string[];
  delimiter?: string;
  encoding?: string;
  sheet?: string;
  headerRow?: number;
  printMapping?: boolean;
  stdinFilename?: string;
  workers?: number;
  progress: boolean;
  escapeFormulas: boolean;
  color?: boolean;
  debug?: boolean;
  maxCellMb?: number;
  maxUnzippedMb?: number;
  maxZipRatio?: number;
}

export interface CliIo {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveInteger(value: string, option = '--workers'): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${option} ${value}: give a whole number, 1 or more`);
  return n;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--max-warnings ${value}: give a whole number, 0 or more`);
  return n;
}

function positiveNumber(option: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} ${value}: give a number above 0`);
    return n;
  };
}

/** The limits an input may reach (`read/limits.ts`), as raised on the command line. */
function readLimitFlags(flags: AuditFlags): Partial<ReadLimits> {
  const mb = 2 ** 20;
  return {
    ...(flags.maxCellMb !== undefined ? { cellChars: Math.round(flags.maxCellMb * mb) } : {}),
    ...(flags.maxUnzippedMb !== undefined ? { unzippedBytes: Math.round(flags.maxUnzippedMb * mb) } : {}),
    ...(flags.maxZipRatio !== undefined ? { zipRatio: flags.maxZipRatio } : {}),
  };
}

/** The options the catalog and the orders audits share: outputs, exit code, config, input format. */
function withOutputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', 'format written to standard output')
        .choices(FORMATS)
        .default('table'),
    )
    .option(
      '-o, --out <file>',
      'also write a report file; format from the extension or FORMAT:FILE (repeatable)',
      collect,
      [],
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'info', 'none'])
        .default('error'),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', nonNegativeInteger)
    .option('-c, --config <file>', `config file (default: ./${CONFIG_FILE_NAME} if present)`)
    .option('--delimiter <char>', 'cell delimiter: , ; tab | (default: detected)')
    .option(
      '--encoding <name>',
      'text encoding: utf-8, utf-16le, gb18030 (gbk), big5, shift_jis, euc-kr, windows-1250 to 1253, iso-8859-2/5/7/15… (default: detected)',
    )
    .option('--stdin-filename <name>', 'the name reports give standard input (default: <stdin>)')
    .option(
      '--max-cell-mb <n>',
      `refuse a cell longer than N MB (default: ${DEFAULT_LIMITS.cellChars / 2 ** 20})`,
      positiveNumber('--max-cell-mb'),
    )
    .option(
      '--max-unzipped-mb <n>',
      `refuse a workbook that unzips to more than N MB (default: ${DEFAULT_LIMITS.unzippedBytes / 2 ** 20})`,
      positiveNumber('--max-unzipped-mb'),
    )
    .option(
      '--max-zip-ratio <n>',
      `refuse a workbook part that unzips to more than N times its zipped size (default: ${DEFAULT_LIMITS.zipRatio})`,
      positiveNumber('--max-zip-ratio'),
    )
    .option('--no-escape-formulas', "do not prefix formula-like cells with ' in the annotated CSV")
    .option('--color', 'force colour in terminal output')
    .option('--no-color', 'no colour in terminal output (also: NO_COLOR=1)');
}

/** Parses the command line, runs the command, writes the outputs; returns the exit code. */
export async function run(io: CliIo): Promise<number> {
  let code = 0;
  let debug = io.argv.includes('--debug');
  const program = withOutputOptions(new Command('channel-audit'))
    .description(
      "Audit a marketplace catalog export against AliExpress's dual-track policy: classify every SKU, recommend its track (warehouse or POP), check its 72 h / 96 h shipping window.",
    )
    .argument('[file]', 'catalog file (CSV, TSV or .xlsx); "-" or none with piped input reads standard input')
    .option('--as-of <date>', 'audit date, YYYY-MM-DD (default: today, UTC)')
    .option('--baseline <report>', 'an earlier JSON or NDJSON report: only findings new since it count')
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--print-config', 'print the resolved configuration and exit')
    .option(
      '--map <field=header>',
      `read FIELD from the column HEADER (repeatable); fields: ${FIELDS.join(', ')}`,
      collect,
      [],
    )
    .option(
      '--sheet <name>',
      'worksheet of a workbook (.xlsx, .xls), or "all" for every visible sheet (default: the first visible)',
    )
    .option(
      '--header-row <n>',
      "line (a workbook's row number) of the header (default: the first of the first 30 non-empty rows that maps a SKU or product id)",
      (value: string) => positiveInteger(value, '--header-row'),
    )
    .option('--print-mapping', 'print which column feeds each field, and the columns left unread, then exit')
    .option(
      '--workers <n>',
      'worker threads auditing parts of the file at once (default: 2 from 16 MB)',
      (value: string) => positiveInteger(value),
    )
    .option('--no-progress', 'no progress bar (it shows only on a terminal, for runs over a second)')
    .option('--debug', 'print stack traces of failures')
    .version(VERSION, '-V, --version')
    // `rules --format json` is the subcommand's --format, not the audit's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      `
Exit codes: 0 no finding at or above --fail-on · 1 findings at or above it (or more than --max-warnings
warnings) · 2 usage error, unreadable file, bad config.

Examples:
  channel-audit catalog.csv
  channel-audit catalog.csv --format json > audit.json
  channel-audit catalog.csv --out annotated.csv --out audit.sarif --fail-on warning
  channel-audit catalog.csv --baseline last-week.json --format github
  cat catalog.csv | channel-audit --format ndjson | jq 'select(.track == "warehouse")'`,
    )
    .action(async (file: string | undefined, flags: AuditFlags) => {
      debug = flags.debug === true;
      code = await auditCommand(file, flags, io);
    });

  withOutputOptions(program.command('orders'))
    .description(
      'audit orders: hours from payment to the first carrier scan against the 72 h / 96 h window of the payment day',
    )
    .argument('[file]', 'orders file (CSV, TSV or .xlsx); "-" or none with piped input reads standard input')
    .requiredOption('--catalog <file>', 'the catalog export: listing dates and categories of the SKUs')
    .option(
      '--as-of <time>',
      'audit time for open orders, YYYY-MM-DD or YYYY-MM-DDTHH:mm (default: now, UTC)',
    )
    .option('--map <field=header>', 'read an order field from the column HEADER (repeatable)', collect, [])
    .option('--sheet <name>', 'worksheet of an .xlsx orders workbook (default: the first)')
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--no-progress', 'no progress bar (it shows only on a terminal, for runs over a second)')
    .option('--print-config', 'print the resolved configuration and exit')
    .option('--debug', 'print stack traces of failures')
    .action(async (file: string | undefined, flags: OrdersFlags) => {
      debug = flags.debug === true;
      code = await ordersCommand(file, flags, io);
    });

  program
    .command('rules')
    .description('list every rule: id, default severity, what it checks and why, and its doc page')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .action((flags: { format: 'text' | 'json' | 'markdown' }) => {
      io.stdout.write(rulesList(flags.format));
    });
  program
    .command('init')
    .description(`write ./${CONFIG_FILE_NAME} with every default spelled out`)
    .option('--force', 'overwrite an existing file')
    .action(async (flags: { force?: boolean }) => {
      const path = resolve(io.cwd, CONFIG_FILE_NAME);
      try {
        await writeFile(path, `${JSON.stringify(starterConfig(), null, 2)}\n`, {
          flag: flags.force ? 'w' : 'wx',
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new UsageError(`${CONFIG_FILE_NAME} already exists; use init --force to overwrite it`);
        }
        throw error;
      }
      io.stderr.write(`wrote ${CONFIG_FILE_NAME}\n`);
    });
  program
    .command('schema')
    .description("print the config file's JSON Schema")
    .action(() => {
      io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT_USAGE;
    }
    if (isExpectedError(error)) {
      io.stderr.write(`channel-audit: ${error.message}\n`);
    } else {
      const message = (error as Error)?.message ?? String(error);
      io.stderr.write(
        `channel-audit: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`,
      );
    }
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

/**
 * What both commands do first: the config (printed and done with --print-config), and whether the input
 * is standard input.
 */
async function prepare(
  file: string | undefined,
  flags: { config?: string; printConfig?: boolean },
  io: CliIo,
  usage: string,
): Promise<{ config: Config; readsStdin: boolean } | null> {
  const { config } = await loadConfig({ ...(flags.config ? { path: flags.config } : {}), cwd: io.cwd });
  // What runs killed outright (kill -9) left in the temp folder goes first.
  await sweepOnce();
  if (flags.printConfig) {
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return null;
  }
  const readsStdin = file === '-' || (file === undefined && io.stdin.isTTY !== true);
  if (file === undefined && !readsStdin) throw new UsageError(usage);
  return { config, readsStdin };
}

async function auditCommand(file: string | undefined, flags: AuditFlags, io: CliIo): Promise<number> {
  const prepared = await prepare(
    file,
    flags,
    io,
    'no catalog given: channel-audit catalog.csv (or pipe one in); see --help',
  );
  if (prepared === null) return 0;
  const { config, readsStdin } = prepared;
  const input = readsStdin ? (io.stdin as never) : resolve(io.cwd, file as string);
  const name = readsStdin ? (flags.stdinFilename ?? '<stdin>') : (file as string);
  const read = {
    config,
    name,
    ...(flags.delimiter !== undefined ? { delimiter: unescapeDelimiter(flags.delimiter) } : {}),
    ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    ...(flags.headerRow !== undefined ? { headerRow: flags.headerRow } : {}),
    readLimits: readLimitFlags(flags),
    columns: parseMaps(flags.map),
  };
  if (flags.printMapping) {
    io.stdout.write(mappingText(await inspectMapping(input, read)));
    return 0;
  }
  const baseline =
    flags.baseline !== undefined ? await loadBaseline(resolve(io.cwd, flags.baseline)) : undefined;
  const { reporters, sinks } = openOutputs<AuditedSku, ReportStart, ReportEnd>(
    OUTPUT_FORMATS,
    flags,
    io,
    readsStdin ? null : file,
  );
  const progress = await terminalProgress(
    flags,
    io,
    readsStdin,
    readsStdin ? 0 : sizeOf(resolve(io.cwd, file as string)),
    'rows',
  );
  try {
    const result = await audit(input, {
      ...read,
      onInput: (info) => {
        for (const line of inputNotes(info)) io.stderr.write(`channel-audit: ${line}\n`);
      },
      ...(progress
        ? {
            onProgress: (rows: number, total: number) => progress.update(rows, total),
            onWorkbookRows: (rows: number) => progress.counting(rows),
          }
        : {}),
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      ...(baseline !== undefined ? { baseline } : {}),
      ...(flags.quiet ? { quiet: true } : {}),
      ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
      reporters,
    });
    progress?.stop();
    const code = getExitCode(result.gate, {
      failOn: flags.failOn,
      ...(flags.maxWarnings !== undefined ? { maxWarnings: flags.maxWarnings } : {}),
    });
    if (flags.maxWarnings !== undefined && result.gate.warning > flags.maxWarnings) {
      io.stderr.write(
        `channel-audit: ${result.gate.warning} ${result.summary.baseline ? 'new ' : ''}warnings, more than --max-warnings ${flags.maxWarnings}\n`,
      );
    }
    return code;
  } catch (error) {
    progress?.stop();
    await Promise.all(sinks.map((sink) => sink.abort().catch(() => {})));
    throw error;
  }
}

/** A progress bar on standard error when it is a terminal, unless --no-progress or the input is piped. */
function terminalProgress(
  flags: { progress: boolean },
  io: CliIo,
  readsStdin: boolean,
  totalBytes: number,
  unit: 'rows' | 'bytes',
) {
  if (!flags.progress || (io.stderr as { isTTY?: boolean }).isTTY !== true || readsStdin) return undefined;
  return progressBar(io.stderr as NodeJS.WritableStream as Writable, totalBytes, undefined, unit);
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

interface OrdersFlags {
  progress: boolean;
  catalog: string;
  sheet?: string;
  quiet?: boolean;
  printConfig?: boolean;
  debug?: boolean;
  format: Format;
  out: string[];
  asOf?: string;
  failOn: FailOn;
  maxWarnings?: number;
  config?: string;
  map: string[];
  delimiter?: string;
  encoding?: string;
  stdinFilename?: string;
  escapeFormulas: boolean;
  color?: boolean;
}

async function ordersCommand(file: string | undefined, flags: OrdersFlags, io: CliIo): Promise<number> {
  const prepared = await prepare(
    file,
    flags,
    io,
    'no orders file given: channel-audit orders orders.csv --catalog catalog.csv; see --help',
  );
  if (prepared === null) return 0;
  const { config, readsStdin } = prepared;
  const { reporters, sinks } = openOutputs<AuditedOrder, OrdersStart, OrdersEnd>(
    ORDER_FORMATS,
    flags,
    io,
    readsStdin ? null : file,
  );
  const progress = await terminalProgress(flags, io, readsStdin, 0, 'bytes');
  try {
    const result = await auditOrders(readsStdin ? (io.stdin as never) : resolve(io.cwd, file as string), {
      ...(progress ? { onProgress: (bytes: number, total: number) => progress.update(bytes, total) } : {}),
      config,
      catalog: resolve(io.cwd, flags.catalog),
      catalogName: flags.catalog,
      name: readsStdin ? (flags.stdinFilename ?? '<stdin>') : (file as string),
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      ...(flags.delimiter !== undefined ? { delimiter: unescapeDelimiter(flags.delimiter) } : {}),
      ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
      readLimits: readLimitFlags(flags),
      ...(flags.quiet ? { quiet: true } : {}),
      columns: Object.fromEntries(
        flags.map.map((m) => [m.slice(0, m.indexOf('=')), m.slice(m.indexOf('=') + 1)]),
      ),
      reporters,
    });
    progress?.stop();
    if (flags.maxWarnings !== undefined && result.gate.warning > flags.maxWarnings) {
      io.stderr.write(
        `channel-audit: ${result.gate.warning} warnings, more than --max-warnings ${flags.maxWarnings}\n`,
      );
    }
    return ordersExitCode(result.gate, flags.failOn, flags.maxWarnings);
  } catch (error) {
    progress?.stop();
    await Promise.all(sinks.map((sink) => sink.abort().catch(() => {})));
    throw error;
  }
}

/**
 * The reporters of a run: `--format` on standard output, and one per `--out` file (written under a
 * temporary name, never over the input).
 */
function openOutputs<Item, Start, End>(
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

function parseMaps(maps: string[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const map of maps) {
    const eq = map.indexOf('=');
    const field = map.slice(0, eq) as Field;
    if (eq <= 0 || !FIELDS.includes(field)) {
      throw new UsageError(`--map ${map}: expected FIELD=HEADER with FIELD one of ${FIELDS.join(', ')}`);
    }
    out[field] = map.slice(eq + 1);
  }
  return out;
}

function unescapeDelimiter(value: string): string {
  const named = new Map([
    ['\\t', '\t'],
    ['tab', '\t'],
    ['comma', ','],
    ['semicolon', ';'],
    ['pipe', '|'],
  ]);
  const delimiter = named.get(value) ?? value;
  if (delimiter.length !== 1) throw new UsageError(`--delimiter "${value}": give one character, or tab`);
  if (!isUsableDelimiter(delimiter))
    throw new UsageError(
      `--delimiter ${JSON.stringify(value)}: a quote or a line break cannot separate cells`,
    );
  // A letter, a digit or a space is part of the text of cells: such a delimiter is a typing mistake.
  if (/[\p{L}\p{N} ]/u.test(delimiter))
    throw new UsageError(
      `--delimiter ${JSON.stringify(value)}: a letter, digit or space cannot separate cells; use , ; tab or |`,
    );
  return delimiter;
}
