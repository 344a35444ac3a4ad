// The library: the same pipeline as the command line, on a file or a stream.
export { type AuditOptions, type AuditResult, audit } from './run/audit.js';
export { auditOrders, type OrdersOptions, type OrdersResult } from './run/audit-orders.js';
export type { AuditedOrder, OrderStatus } from './core/order-types.js';
export type { LateRate, OrdersSummary } from './orders/orders-summary.js';
export { type Config, type ConfigInput, loadConfig, parseConfig } from './config/load-config.js';
export { SIZE_PRESETS, type SizeEnvelope } from './config/presets.js';
export { ConfigSchema } from './config/schema.js';
export { ConfigError, InputError, UsageError } from './core/errors.js';
export { type FailOn, getExitCode } from './audit/exit-code.js';
export { defineRule, type Rule, type RuleContext, type RuleHit } from './policy/define-rule.js';
export { RULE_IDS, RULES, type RuleId } from './policy/rules/index.js';
export { describeReason, formatMessage, skuToJson } from './report/describe.js';
export { FORMATS, type Format, OUTPUT_FORMATS, reporterFor } from './report/index.js';
export { fileSink, type OutputSink, streamSink } from './report/sink.js';
export type { Highlights, SkuExample } from './audit/summarize.js';
export * from './core/types.js';
