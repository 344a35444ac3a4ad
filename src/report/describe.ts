import { ruleById } from '../policy/rules/index.js';
import type { AuditedSku, Finding, Reason } from '../core/types.js';

/** A finding in words, from its rule's message. */
export function formatMessage(finding: Finding): string {
  const rule = ruleById(finding.rule);
  return rule === undefined ? finding.rule : rule.message(finding.args as never);
}

const kg = (n: number) => `${n} kg`;

/** A classification reason in words. */
export function describeReason(reason: Reason): string {
  switch (reason.code) {
    case 'made-to-order-title':
      return `made to order: the title says "${reason.keyword}"`;
    case 'made-to-order-handling':
      return `made to order: ${round(reason.days)} days of handling (over ${reason.maxDays})`;
    case 'non-standard-category':
      return `non-standard category: "${reason.keyword}"`;
    case 'standard-category':
      return `standard category: "${reason.keyword}"`;
    case 'high-variety':
      return `high variety: ${reason.skus} SKUs in the product (${reason.min} or more)`;
    case 'valid-gtin':
      return 'identified product: valid GTIN';
    case 'brand-and-mpn':
      return 'identified product: brand and MPN';
    case 'no-identity':
      return 'no standard identity: no valid GTIN, no brand with MPN';
    case 'light-small':
      return `light-small: ${kg(reason.weightKg)}, longest side ${reason.longestCm} cm, sides sum ${reason.sumCm} cm`;
    case 'regular':
      return `not light-small (${reason.over.join(', ')}): ${kg(reason.weightKg)}, longest side ${reason.longestCm} cm, sides sum ${reason.sumCm} cm`;
    case 'size-unknown':
      return `size unknown: no usable ${reason.missing.join(', ')}`;
    case 'special-goods':
      return 'special goods: ships just in time, not from the warehouse';
    case 'window-extended':
      return `new product in an eligible category: 96 h window until ${reason.until}`;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** One SKU as the JSON contract (docs/contract.md#json) spells it; shared by json and ndjson. */
export function skuToJson(sku: AuditedSku) {
  const sheet = sku.sheet === null ? {} : { sheet: sku.sheet };
  return {
    line: sku.line,
    ...sheet,
    record: sku.record,
    productId: sku.productId,
    sku: sku.sku,
    segment: sku.segment,
    sizeClass: sku.sizeClass,
    varietyClass: sku.varietyClass,
    track: sku.track,
    fulfilment: sku.fulfilment,
    currentChannel: sku.channel,
    window: {
      hours: sku.window.hours,
      newUntil: sku.window.newUntil,
      handlingHours: sku.window.handlingHours,
    },
    reasons: sku.reasons.map(describeReason),
    findings: sku.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: formatMessage(finding),
      field: finding.field,
      ...sheet,
      ...(finding.baseline !== undefined ? { baseline: finding.baseline } : {}),
    })),
  };
}

/** The worst severity of a SKU's findings, or ok. */
export function statusOf(sku: { findings: readonly Finding[] }): 'ok' | 'info' | 'warning' | 'error' {
  let status: 'ok' | 'info' | 'warning' | 'error' = 'ok';
  for (const { severity } of sku.findings) {
    if (severity === 'error') return 'error';
    if (severity === 'warning') status = 'warning';
    else if (status === 'ok') status = 'info';
  }
  return status;
}
