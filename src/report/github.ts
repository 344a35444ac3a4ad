import { appendFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { Severity } from '../core/types.js';
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
    // Against a baseline, only new findings are annotated: they are what fails the step.
    const counts = summary.baseline ? highlights.newByRule : summary.rules;
    const firsts = summary.baseline ? highlights.firstNewFindings : highlights.firstFindings;
    for (const [rule, count] of Object.entries(counts)) {
      const first = firsts[rule];
      const severity = highlights.ruleSeverities[rule];
      if (first === undefined || severity === undefined) continue;
      const lines = summary.baseline ? [] : (highlights.ruleLines[rule] ?? []);
      const where =
        lines.length === 0
          ? ''
          : ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${count > lines.length ? ', …' : ''})`;
      const what = summary.baseline ? 'new findings' : 'findings';
      const message =
        count === 1
          ? `${first.sku ?? '(no SKU)'}: ${formatMessage(first.finding)}`
          : `${count} ${what}${where}. First, ${first.sku ?? '(no SKU)'}: ${formatMessage(first.finding)}`;
      const title = `${rule} (${count}${summary.baseline ? ' new' : ''})`;
      out.push(annotation(severity, meta.input.path, first.line, title, message));
    }
    const { error, warning, info } = summary.findings;
    out.push(`channel-audit: ${summary.rows} SKUs, ${error} errors, ${warning} warnings, ${info} info\n`);
    if (summary.baseline) {
      const b = summary.baseline;
      out.push(
        `channel-audit: against ${b.path}: ${b.new} new, ${b.unchanged} unchanged, ${b.fixed} fixed\n`,
      );
    }
    return out.join('');
  },
  after: (end, options) => appendJobSummary(options.stepSummaryPath, markdownSummary(end)),
};

/** One workflow-command annotation, escaped, on a line of its own. */
export function annotation(severity: Severity, path: string, line: number, title: string, message: string) {
  const properties = `file=${escapeProperty(path)},line=${line},title=${escapeProperty(title)}`;
  return `::${COMMAND[severity]} ${properties}::${escapeData(message)}\n`;
}

/** Appends a report's Markdown to GitHub's job summary, when GITHUB_STEP_SUMMARY names a file. */
export async function appendJobSummary(path: string | undefined, markdown: string): Promise<void> {
  if (!path) return;
  try {
    await appendFile(path, markdown);
  } catch (error) {
    throw new UsageError(
      `cannot append the job summary to GITHUB_STEP_SUMMARY (${path}): ${(error as NodeJS.ErrnoException).code ?? error}; unset it to skip the summary`,
    );
  }
}
