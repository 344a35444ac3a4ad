import type { Config } from '../config/schema.js';
import type { ClassifiedSku, Finding, Severity } from '../core/types.js';
import type { Rule, RuleContext, RuleHit } from './define-rule.js';
import { RULES } from './rules/index.js';

export interface ActiveRule {
  rule: Rule<string, never>;
  severity: Severity;
}

/** The rules that run, each with its severity: the one place where the config's severities apply. */
export function activeRules(config: Config): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of RULES) {
    const severity = config.rules[rule.id] ?? rule.severity;
    if (severity !== 'off') active.push({ rule: rule as unknown as Rule<string, never>, severity });
  }
  return active;
}

export function evaluate(sku: ClassifiedSku, rules: readonly ActiveRule[], context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    const result = rule.check(sku, context);
    if (result === undefined) continue;
    for (const hit of isHitList(result) ? result : [result]) {
      findings.push({ rule: rule.id, severity, field: hit.field, args: hit.args as Record<string, unknown> });
    }
  }
  return findings;
}

function isHitList<A>(result: RuleHit<A> | readonly RuleHit<A>[]): result is readonly RuleHit<A>[] {
  return Array.isArray(result);
}
