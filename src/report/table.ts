import { terminalText } from './color.js';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { SEGMENTS, type Severity, TRACKS } from '../core/types.js';
import type { OutputFormat, ReportEnd, ReporterOptions } from './reporter.js';

/** No rule between body rows: long tables stay readable. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The terminal summary: segments by track, findings by rule, the worst SKUs with their lines. */
export const tableFormat: OutputFormat = {
  name: 'table',
  tail(end, options) {
    return tableText(end, options);
  },
};

function tableText({ meta, summary, highlights }: ReportEnd, options: ReporterOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const style = options.color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
  const table = (head: string[], colAligns?: ('left' | 'right')[]) =>
    new Table({ head, style, chars: COMPACT, ...(colAligns ? { colAligns } : {}) });
  const paint: Record<Severity, (text: string) => string> = {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.blue,
  };

  const out: string[] = [];
  out.push(
    chalk.bold(`channel-audit ${meta.version}`) +
      ` · ${meta.input.path} · as of ${meta.asOf} · policy ${meta.policy}`,
  );
  const columns = Object.entries(meta.input.columns)
    .map(([field, header]) => (field === header ? field : `${field} ← ${terminalText(header)}`))
    .join(', ');
  const { input } = meta;
  const where = [
    plural(summary.rows, 'SKU'),
    input.encoding,
    ...(input.delimiter === '' ? [] : [`delimiter "${input.delimiter === '\t' ? '\\t' : input.delimiter}"`]),
    ...(input.sheets !== undefined
      ? [`${plural(input.sheets.length, 'sheet')}`]
      : input.sheet !== undefined
        ? [`sheet "${terminalText(input.sheet)}"`]
        : []),
    ...(input.headerRow !== 1 && input.sheets === undefined
      ? [`header on ${input.delimiter === '' ? 'row' : 'line'} ${input.headerRow}`]
      : []),
  ];
  out.push(chalk.dim(`${where.join(' · ')} · columns: ${columns}`));
  out.push('');

  out.push(chalk.bold('SKUs by segment and recommended track'));
  const segments = table(['segment', ...TRACKS, 'total'], ['left', 'right', 'right', 'right', 'right']);
  for (const segment of SEGMENTS) {
    const row = highlights.segmentTracks[segment];
    segments.push([segment, ...TRACKS.map((t) => String(row[t])), String(summary.segments[segment])]);
  }
  segments.push(['total', ...TRACKS.map((t) => String(summary.tracks[t])), String(summary.rows)]);
  out.push(segments.toString(), '');

  const ruleIds = Object.keys(summary.rules);
  if (ruleIds.length > 0) {
    out.push(chalk.bold('Findings by rule'));
    const rules = table(['rule', 'severity', 'count', 'first lines'], ['left', 'left', 'right', 'left']);
    for (const id of ruleIds) {
      const severity = highlights.ruleSeverities[id] ?? 'info';
      const lines = highlights.ruleLines[id] ?? [];
      const count = summary.rules[id] ?? 0;
      rules.push([
        id,
        paint[severity](severity),
        String(count),
        lines.join(', ') + (count > lines.length ? ', …' : ''),
      ]);
    }
    out.push(rules.toString(), '');
  }

  if (highlights.worst.length > 0) {
    out.push(chalk.bold('SKUs to fix first'));
    const worst = table(['line', 'sku', 'segment', 'track', 'errors', 'warnings', 'rules']);
    for (const sku of highlights.worst) {
      worst.push([
        String(sku.line),
        terminalText(sku.sku ?? sku.productId ?? '(none)'),
        sku.segment,
        sku.track,
        String(sku.counts.error),
        String(sku.counts.warning),
        sku.rules.join(', '),
      ]);
    }
    out.push(worst.toString(), '');
  }

  const { error, warning, info } = summary.findings;
  const total = error + warning + info;
  const symbol = error > 0 ? chalk.red('✖') : warning > 0 ? chalk.yellow('⚠') : chalk.green('✔');
  out.push(
    `${symbol} ${plural(total, 'finding')}: ${paint.error(plural(error, 'error'))}, ${paint.warning(plural(warning, 'warning'))}, ${paint.info(`${info} info`)}` +
      ` · warehouse ${summary.tracks.warehouse}, pop ${summary.tracks.pop}, review ${summary.tracks.review}`,
  );
  if (summary.baseline) {
    const b = summary.baseline;
    out.push(
      `against ${b.path}: ${chalk.bold(`${b.new} new`)}, ${b.unchanged} unchanged, ${b.fixed} fixed — only new findings count for the exit code`,
    );
  }
  return `${out.join('\n')}\n`;
}
