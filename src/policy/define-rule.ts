import type { Settings } from '../config/settings.js';
import type { ColumnMap } from '../read/map-columns.js';
import type { AuditedOrder } from '../core/order-types.js';
import type { ClassifiedSku, Field, Severity } from '../core/types.js';

/** What a rule may look at besides the SKU. */
export interface RuleContext {
  settings: Settings;
  columns: ColumnMap;
}

/** A rule's verdict: where, and the facts its message needs. */
export interface RuleHit<Args> {
  /** Canonical field, or the header of a pass-through column; null for the whole row. */
  field: Field | string | null;
  args: Args;
}

export interface Rule<
  Id extends string = string,
  Args = Record<string, unknown>,
  Subject = ClassifiedSku,
  Context = RuleContext,
> {
  id: Id;
  /** Default severity; the config may change it, and only `evaluate` applies that. */
  severity: Severity;
  /** `data`: the export's data is wrong or missing; `policy`: what the dual-track policy says of the SKU. */
  kind: 'data' | 'policy';
  /** One line: what it checks. */
  summary: string;
  /** Why it matters, from the policy. */
  why: string;
  check(subject: Subject, context: Context): RuleHit<Args> | readonly RuleHit<Args>[] | undefined;
  message(args: Args): string;
}

/** One rule, one file: the check returns data, and `message` gets exactly the args that `check` returned. */
export function defineRule<const Id extends string, Args>(rule: Rule<Id, Args>): Rule<Id, Args> {
  return rule;
}

/** The same, for a rule about one order of an orders audit: it looks at the order alone. */
export function defineOrderRule<const Id extends string, Args>(
  rule: Rule<Id, Args, AuditedOrder, undefined>,
): Rule<Id, Args, AuditedOrder, undefined> {
  return rule;
}
