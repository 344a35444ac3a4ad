import { SEGMENTS, TRACKS } from '../core/types.js';
import { formatMessage } from './describe.js';
import type { OutputFormat, ReportEnd } from './reporter.js';

/**
 * Text from the catalog in a Markdown table cell, shown as written: pipes and line breaks would end the
 * cell, and Markdown or HTML in a SKU or a title (`<img onerror=…>`, `[x](javascript:…)`, `**`) would be
 * rendered in a pull-request comment or a wiki. The characters that make links, emphasis and code are
 * escaped (`[`, `]`, `*`, `_`, `` ` ``, `~`, `\`), `<`, `>` and `&` written as entities.
 */
const cell = (text: string) =>
  text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/\r?\n|\r/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** The audit as Markdown: for pull-request comments and the GitHub job summary. */
export function markdownSummary({ meta, summary, highlights }: ReportEnd): string {
  const out: string[] = [];
  const { error, warning, info } = summary.findings;
  out.push(`## channel-audit: ${code(meta.input.path)}`, '');
  out.push(
    `${summary.rows} SKUs audited as of ${meta.asOf} (policy ${code(meta.policy)}, channel-audit ${meta.version}): ` +
      `**${error} errors**, **${warning} warnings**, ${info} info.`,
  );
  if (summary.baseline) {
    const b = summary.baseline;
    out.push(
      '',
      `Against the baseline ${code(b.path)}: **${b.new} new**, ${b.unchanged} unchanged, ${b.fixed} fixed.`,
    );
  }
  out.push('', '### SKUs by segment and recommended track', '');
  out.push(`| segment | ${TRACKS.join(' | ')} | total |`, `|---|${TRACKS.map(() => '--:').join('|')}|--:|`);
  for (const segment of SEGMENTS) {
    const row = highlights.segmentTracks[segment];
    out.push(`| ${segment} | ${TRACKS.map((t) => row[t]).join(' | ')} | ${summary.segments[segment]} |`);
  }
  out.push(
    `| **total** | ${TRACKS.map((t) => `**${summary.tracks[t]}**`).join(' | ')} | **${summary.rows}** |`,
  );

  const rules = Object.entries(summary.rules);
  if (rules.length > 0) {
    out.push(
      '',
      '### Findings by rule',
      '',
      '| rule | severity | count | first lines | first finding |',
      '|---|---|--:|---|---|',
    );
    for (const [rule, count] of rules) {
      const lines = highlights.ruleLines[rule] ?? [];
      const first = highlights.firstFindings[rule];
      out.push(
        `| ${code(rule)} | ${highlights.ruleSeverities[rule] ?? ''} | ${count} | ${lines.join(', ')}${count > lines.length ? ', …' : ''} | ${first ? cell(formatMessage(first.finding)) : ''} |`,
      );
    }
  }
  if (highlights.worst.length > 0) {
    out.push(
      '',
      '### SKUs to fix first',
      '',
      '| line | SKU | segment | track | errors | warnings | rules |',
      '|--:|---|---|---|--:|--:|---|',
    );
    for (const sku of highlights.worst) {
      out.push(
        `| ${sku.line} | ${cell(sku.sku ?? sku.productId ?? '(none)')} | ${sku.segment} | ${sku.track} | ${sku.counts.error} | ${sku.counts.warning} | ${sku.rules.map(code).join(', ')} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export const markdownFormat: OutputFormat = {
  name: 'markdown',
  tail: (end) => markdownSummary(end),
};
