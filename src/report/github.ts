import { appendFile } from 'node:fs/promises';
import type { Severity } from '../types.js';
import { formatMessage } from './describe.js';
import { markdownSummary } from './markdown.js';
import type { OutputFormat } from './reporter.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping: data loses %, CR and LF; properties also , and :. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations. GitHub shows at most 10 errors and 10 warnings per step, so there is one
 * annotation per rule, at its first line, with the count and the first lines; and, when
 * GITHUB_STEP_SUMMARY names a file, the Markdown summary is appended to it.
 */
export const githubFormat: OutputFormat = {
  name: 'github',
  tail(end) {
    const { meta, summary, highlights } = end;
    const out: string[] = [];
    for (const [rule, count] of Object.entries(summary.rules)) {
      const first = highlights.firstFindings[rule];
      const severity = highlights.ruleSeverities[rule];
      if (first === undefined || severity === undefined) continue;
      const lines = highlights.ruleLines[rule] ?? [];
      const where = `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${count > lines.length ? ', …' : ''}`;
      const message =
        count === 1
          ? `${first.sku ?? '(no SKU)'}: ${formatMessage(first.finding)}`
          : `${count} findings (${where}). First, ${first.sku ?? '(no SKU)'}: ${formatMessage(first.finding)}`;
      const properties = `file=${escapeProperty(meta.input.path)},line=${first.line},title=${escapeProperty(`${rule} (${count})`)}`;
      out.push(`::${COMMAND[severity]} ${properties}::${escapeData(message)}\n`);
    }
    const { error, warning, info } = summary.findings;
    out.push(`channel-audit: ${summary.rows} SKUs, ${error} errors, ${warning} warnings, ${info} info\n`);
    return out.join('');
  },
  async after(end, options) {
    if (options.stepSummaryPath) await appendFile(options.stepSummaryPath, markdownSummary(end));
  },
};
