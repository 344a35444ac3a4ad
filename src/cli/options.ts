import { Command, Option } from 'commander';
import { CONFIG_FILE_NAME } from '../config/load-config.js';
import { UsageError } from '../core/errors.js';
import type { FailOn } from '../audit/exit-code.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../read/limits.js';
import type { ReadOptions } from '../read/read-catalog.js';
import { isUsableDelimiter } from '../read/tokenize-csv.js';
import { FORMATS, type Format } from '../report/index.js';

/** What every audit command's flags hold: outputs, exit code, config, how the input is read. */
export interface CommonFlags {
  format: Format;
  out: string[];
  asOf?: string;
  failOn: FailOn;
  maxWarnings?: number;
  quiet?: boolean;
  printConfig?: boolean;
  config?: string;
  map: string[];
  delimiter?: string;
  encoding?: string;
  sheet?: string;
  stdinFilename?: string;
  progress: boolean;
  escapeFormulas: boolean;
  color?: boolean;
  debug?: boolean;
  maxCellMb?: number;
  maxUnzippedMb?: number;
  maxZipRatio?: number;
}

export const collect = (value: string, previous: string[]) => [...previous, value];

export function positiveInteger(value: string, option = '--workers'): number {
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
function readLimitFlags(flags: CommonFlags): Partial<ReadLimits> {
  const mb = 2 ** 20;
  return {
    ...(flags.maxCellMb !== undefined ? { cellChars: Math.round(flags.maxCellMb * mb) } : {}),
    ...(flags.maxUnzippedMb !== undefined ? { unzippedBytes: Math.round(flags.maxUnzippedMb * mb) } : {}),
    ...(flags.maxZipRatio !== undefined ? { zipRatio: flags.maxZipRatio } : {}),
  };
}

/**
 * The options every audit command shares, declared once: outputs, exit code, config, how the input is
 * read, its limits, quiet, progress, debug. Each command adds its own (its input's fields for --map…).
 */
export function withAuditOptions(command: Command): Command {
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
    .option('--no-color', 'no colour in terminal output (also: NO_COLOR=1)')
    .option('--quiet', 'report errors only (warnings still count for --max-warnings)')
    .option('--print-config', 'print the resolved configuration and exit')
    .option('--no-progress', 'no progress bar (it shows only on a terminal, for runs over a second)')
    .option('--debug', 'print stack traces of failures');
}

/** How the input is read, from the flags every command shares. */
export function readOptionsOf(flags: CommonFlags): ReadOptions {
  return {
    ...(flags.delimiter !== undefined ? { delimiter: unescapeDelimiter(flags.delimiter) } : {}),
    ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    readLimits: readLimitFlags(flags),
  };
}

/** `--map FIELD=HEADER` (or another option of that shape), FIELD one of `fields`. */
export function parseMaps<F extends string>(
  maps: readonly string[],
  fields: readonly F[],
  option = '--map',
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const map of maps) {
    const eq = map.indexOf('=');
    const field = map.slice(0, Math.max(eq, 0)) as F;
    if (eq <= 0 || !fields.includes(field)) {
      throw new UsageError(`${option} ${map}: expected FIELD=HEADER with FIELD one of ${fields.join(', ')}`);
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
