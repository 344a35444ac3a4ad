import type { Config } from '../config/schema.js';
import type { Finding, Severity, SeverityCounts, SeverityOrOff } from '../core/types.js';
import type { Rule, RuleHit } from './define-rule.js';

/**
 * The one evaluator, for SKUs and orders alike: the config's severities (and `off`) are applied here and
 * nowhere else, and `--quiet` keeps the errors here.
 */
export interface ActiveRule<Subject, Context> {
  rule: Rule<string, never, Subject, Context>;
  severity: Severity;
}

interface AnyRule {
  id: string;
  severity: Severity;
}

const configured = (config: Config, rule: AnyRule): SeverityOrOff =>
  (config.rules as Partial<Record<string, SeverityOrOff>>)[rule.id] ?? rule.severity;

/** Each rule's severity, as configured (`off` included): what reports list. */
export function severityTable(rules: readonly AnyRule[], config: Config): Record<string, SeverityOrOff> {
  return Object.fromEntries(rules.map((rule) => [rule.id, configured(config, rule)]));
}

/** The rules that run, each with its severity. */
export function activeRules<Subject, Context>(
  rules: readonly AnyRule[],
  config: Config,
): ActiveRule<Subject, Context>[] {
  const active: ActiveRule<Subject, Context>[] = [];
  for (const rule of rules) {
    const severity = configured(config, rule);
    if (severity !== 'off') active.push({ rule: rule as Rule<string, never, Subject, Context>, severity });
  }
  return active;
}

export function evaluate<Subject, Context>(
  subject: Subject,
  rules: readonly ActiveRule<Subject, Context>[],
  context: Context,
): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    const result = rule.check(subject, context);
    if (result === undefined) continue;
    for (const hit of isHitList(result) ? result : [result]) {
      findings.push({ rule: rule.id, severity, field: hit.field, args: hit.args as Record<string, unknown> });
    }
  }
  return findings;
}

/**
 * `--quiet`: the errors only, for the outputs. What it hides still counts for `--max-warnings` and
 * `--fail-on` (`hidden`), but for a finding a baseline already had.
 */
export function keepErrors(findings: Finding[], hidden: SeverityCounts): Finding[] {
  for (const f of findings) if (f.severity !== 'error' && f.baseline !== 'unchanged') hidden[f.severity]++;
  return findings.filter((f) => f.severity === 'error');
}

function isHitList<A>(result: RuleHit<A> | readonly RuleHit<A>[]): result is readonly RuleHit<A>[] {
  return Array.isArray(result);
}
