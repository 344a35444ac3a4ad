import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadBaseline } from '../audit/baseline.js';
import type { Config } from '../config/schema.js';
import { type AuditedSku, FIELDS } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { OUTPUT_FORMATS } from '../report/index.js';
import { inputNotes, mappingText } from '../report/mapping.js';
import type { ReportEnd, ReportStart } from '../report/reporter.js';
import { audit, inspectMapping } from '../run/audit.js';
import type { CliIo } from './io.js';
import { type CommonFlags, collect, parseMaps, positiveInteger, readOptionsOf } from './options.js';
import type { AuditCommand } from './run-command.js';

interface CatalogFlags extends CommonFlags {
  baseline?: string;
  headerRow?: number;
  printMapping?: boolean;
  workers?: number;
}

/** The catalog audit's own options, on the program itself (`channel-audit FILE`). */
export function declareCatalog(program: Command): Command {
  return program
    .description(
      "Audit a marketplace catalog export against AliExpress's dual-track policy: classify every SKU, recommend its track (warehouse or POP), check its 72 h / 96 h shipping window.",
    )
    .argument(
      '[file]',
      'catalog file (CSV, TSV, .xlsx or .xls); "-" or none with piped input reads standard input',
    )
    .option('--as-of <date>', 'audit date, YYYY-MM-DD (default: today, UTC)')
    .option('--baseline <report>', 'an earlier JSON or NDJSON report: only findings new since it count')
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
    .option(
      '--print-mapping',
      'print the header row, which column feeds each field, the columns left unread and any doubtful mapping, then exit',
    )
    .option(
      '--workers <n>',
      'worker threads auditing parts of the file at once (default: 2 from 16 MB)',
      (value: string) => positiveInteger(value),
    )
    .version(VERSION, '-V, --version')
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
    );
}

function readOf(flags: CatalogFlags, config: Config, name: string) {
  return {
    config,
    name,
    ...readOptionsOf(flags),
    ...(flags.headerRow !== undefined ? { headerRow: flags.headerRow } : {}),
    columns: parseMaps(flags.map, FIELDS),
  };
}

export const catalogCommand: AuditCommand<CatalogFlags, AuditedSku, ReportStart, ReportEnd> = {
  usage: 'no catalog given: channel-audit catalog.csv (or pipe one in); see --help',
  formats: OUTPUT_FORMATS,
  progress: 'rows',
  async before(flags, { config, input, name }, io: CliIo) {
    if (!flags.printMapping) return undefined;
    io.stdout.write(mappingText(await inspectMapping(input, readOf(flags, config, name))));
    return 0;
  },
  async audit(flags, { config, input, name, reporters, progress }, io) {
    const baseline =
      flags.baseline !== undefined ? await loadBaseline(resolve(io.cwd, flags.baseline)) : undefined;
    const result = await audit(input, {
      ...readOf(flags, config, name),
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
    return { gate: result.gate, baselined: Boolean(result.summary.baseline) };
  },
};
