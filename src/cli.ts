import type { Writable } from 'node:stream';
import { Command, CommanderError, Option } from 'commander';
import { audit } from './audit.js';
import { loadConfig } from './config/load-config.js';
import { isExpectedError, UsageError } from './errors.js';
import { EXIT_USAGE, type FailOn, getExitCode } from './exit-code.js';
import { FORMATS, type Format, isFormat, parseOutTarget, REPORTERS } from './report/index.js';
import type { Reporter } from './report/reporter.js';
import { fileSink, type OutputSink, streamSink } from './report/sink.js';
import { FIELDS, type Field } from './types.js';
import { VERSION } from './version.js';

interface CliOptions {
  format?: string;
  out: string[];
  asOf?: string;
  failOn: FailOn;
  config?: string;
  map: string[];
  delimiter?: string;
  encoding?: string;
  sheet?: string;
  stdinFilename?: string;
  escapeFormulas: boolean;
  color?: boolean;
  debug?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function program(): Command {
  return new Command('channel-audit')
    .description(
      "Audit a marketplace catalog export against AliExpress's dual-track policy: classify every SKU, recommend its track (warehouse or POP), check its 72 h / 96 h shipping window.",
    )
    .argument('[file]', 'catalog file (CSV, TSV or .xlsx); "-" or none with piped input reads standard input')
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
    .option('--as-of <date>', 'audit date, YYYY-MM-DD (default: today, UTC)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'info', 'none'])
        .default('error'),
    )
    .option('-c, --config <file>', 'config file (default: ./channel-audit.config.json if present)')
    .option(
      '--map <field=header>',
      `read FIELD from the column HEADER (repeatable); fields: ${FIELDS.join(', ')}`,
      collect,
      [],
    )
    .option('--delimiter <char>', 'cell delimiter: , ; tab | (default: detected)')
    .option(
      '--encoding <name>',
      'text encoding: utf-8, utf-16le, gb18030, shift_jis, windows-1252… (default: detected)',
    )
    .option('--sheet <name>', 'worksheet of an .xlsx workbook (default: the first)')
    .option('--stdin-filename <name>', 'the name reports give standard input (default: <stdin>)')
    .option('--no-escape-formulas', "do not prefix formula-like cells with ' in the annotated CSV")
    .option('--color', 'force colour in terminal output')
    .option('--no-color', 'no colour in terminal output')
    .option('--debug', 'print stack traces of failures')
    .version(VERSION, '-V, --version')
    .addHelpText(
      'after',
      `
Exit codes: 0 no finding at or above --fail-on · 1 findings at or above it · 2 usage error, unreadable file, bad config.

Examples:
  channel-audit catalog.csv
  channel-audit catalog.csv --format json > audit.json
  channel-audit catalog.csv --out annotated.csv --fail-on warning
  cat catalog.csv | channel-audit --format ndjson | jq 'select(.track == "warehouse")'`,
    );
}

export interface CliIo {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Parses the command line, runs the audit, writes the outputs; returns the exit code. */
export async function run(io: CliIo): Promise<number> {
  const command = program()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  let debug = io.argv.includes('--debug');
  const sinks: OutputSink[] = [];
  try {
    command.parse(io.argv, { from: 'user' });
    const options = command.opts<CliOptions>();
    debug = options.debug === true;
    const file = command.args[0];
    const { config } = await loadConfig({ ...(options.config ? { path: options.config } : {}), cwd: io.cwd });
    const readsStdin = file === '-' || (file === undefined && io.stdin.isTTY !== true);
    if (file === undefined && !readsStdin) {
      throw new UsageError('no catalog given: channel-audit catalog.csv (or pipe one in); see --help');
    }
    const color = options.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR);
    const reporters = [
      makeReporter(
        options.format as Format,
        streamSink(io.stdout as NodeJS.WritableStream as Writable),
        'stdout',
        options,
        color,
      ),
    ];
    for (const target of options.out) {
      const out = parseOutTarget(target);
      if (out === undefined) {
        throw new UsageError(
          `--out ${target}: cannot tell the format; use a .json, .ndjson, .csv or .txt name, or FORMAT:FILE (${FORMATS.join(', ')})`,
        );
      }
      const sink = fileSink(out.path, readsStdin ? null : (file ?? null));
      sinks.push(sink);
      reporters.push(makeReporter(out.format, sink, 'file', options, false));
    }
    const result = await audit(readsStdin ? (io.stdin as NodeJS.ReadableStream as never) : (file as string), {
      config,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(options.delimiter !== undefined ? { delimiter: unescapeDelimiter(options.delimiter) } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.stdinFilename !== undefined ? { name: options.stdinFilename } : {}),
      columns: parseMaps(options.map),
      reporters,
    });
    return getExitCode(result.summary.findings, options.failOn);
  } catch (error) {
    await Promise.all(sinks.map((sink) => sink.abort().catch(() => {})));
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT_USAGE;
    }
    if (isExpectedError(error)) {
      io.stderr.write(`channel-audit: ${error.message}\n`);
    } else {
      io.stderr.write(
        `channel-audit: internal error: ${(error as Error)?.message ?? error}${debug ? '' : ' (run with --debug for details)'}\n`,
      );
    }
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

function makeReporter(
  format: Format,
  sink: OutputSink,
  destination: 'stdout' | 'file',
  options: CliOptions,
  color: boolean,
): Reporter {
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}"; one of ${FORMATS.join(', ')}`);
  return REPORTERS[format](sink, { color, escapeFormulas: options.escapeFormulas, destination });
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
  return delimiter;
}
