import { fileURLToPath } from 'node:url';
import { ORDER_RULES } from '../policy/order-rules/index.js';
import { RULES } from '../policy/rules/index.js';
import { ruleDocUrl } from './sarif.js';

/** `channel-audit rules`: every rule with its id, default severity, what it checks, why, and its page. */
export function rulesList(format: 'text' | 'json' | 'markdown'): string {
  const all = [
    ...RULES.map((rule) => ({ rule, audit: 'catalog' })),
    ...ORDER_RULES.map((rule) => ({ rule, audit: 'orders' })),
  ];
  const rules = all.map(({ rule, audit }) => ({
    id: rule.id,
    audit,
    severity: rule.severity,
    kind: rule.kind,
    summary: rule.summary,
    why: rule.why,
    doc: fileURLToPath(ruleDocUrl(rule.id)),
  }));
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  if (format === 'markdown') {
    const rows = rules.map(
      (r) =>
        `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.kind} | ${r.audit} | ${r.summary} |`,
    );
    return `| rule | severity | kind | audit | what it checks |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
  }
  return `${rules
    .map(
      (r) =>
        `${r.id}  (${r.severity}, ${r.kind}, ${r.audit} audit)\n  ${r.summary}.\n  Why: ${r.why}\n  Doc: ${r.doc}\n`,
    )
    .join('\n')}`;
}
