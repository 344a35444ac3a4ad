import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { skuKeyOf } from '../audit/baseline.js';
import { RULES } from '../policy/rules/index.js';
import type { Severity, SeverityOrOff } from '../core/types.js';
import { formatMessage } from './describe.js';
import type { OutputFormat } from './reporter.js';

export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** The rule's page, shipped in the package: `docs/rules/<id>.md`. */
export function ruleDocUrl(id: string): URL {
  return new URL(`../../docs/rules/${id}.md`, import.meta.url);
}

function ruleDoc(id: string): string | undefined {
  const path = fileURLToPath(ruleDocUrl(id));
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Stable across exports: the rule, the SKU and the field, never the line (rows move between exports). */
export function fingerprint(rule: string, skuKey: string, field: string | null): string {
  return createHash('sha256')
    .update(`${rule}\u0000${skuKey}\u0000${field ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/** `tool.driver.rules`: each rule with its descriptions, its page (inline and linked), its level. */
export function driverRules(
  rules: readonly { id: string; severity: Severity; kind: string; summary: string; why: string }[],
  severities: Record<string, SeverityOrOff>,
  docsUrl: string | undefined,
  audit: 'catalog' | 'orders' = 'catalog',
) {
  return rules.map((rule) => {
    const severity = severities[rule.id] ?? rule.severity;
    const doc = ruleDoc(rule.id);
    return {
      id: rule.id,
      shortDescription: { text: rule.summary },
      fullDescription: { text: rule.why },
      helpUri: docsUrl ? `${docsUrl.replace(/\/$/, '')}/${rule.id}.md` : ruleDocUrl(rule.id).href,
      help: { text: `${rule.summary}. ${rule.why}`, ...(doc ? { markdown: doc } : {}) },
      defaultConfiguration: severity === 'off' ? { enabled: false } : { level: LEVEL[severity] },
      properties: { tags: [audit, rule.kind] },
    };
  });
}

/** The SARIF document up to its empty results array; the results are written into it. */
export function sarifHead(
  meta: {
    tool: string;
    version: string;
    asOf: string;
    policy: string;
    input: { path: string; encoding: string };
  },
  rules: unknown[],
): string {
  const head = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: meta.tool, version: meta.version, semanticVersion: meta.version, rules } },
        invocations: [{ executionSuccessful: true, properties: { asOf: meta.asOf, policy: meta.policy } }],
        artifacts: [{ location: { uri: artifactUri(meta.input.path) }, encoding: meta.input.encoding }],
        results: [],
      },
    ],
  };
  const text = JSON.stringify(head, null, 2);
  return `${text.slice(0, text.lastIndexOf('"results": []'))}"results": [`;
}

export const SARIF_TAIL = (count: number) => `${count === 0 ? '' : '\n      '}]\n    }\n  ]\n}\n`;

const ruleIndex = new Map<string, number>(RULES.map((rule, i) => [rule.id, i]));

/**
 * SARIF 2.1.0, for code scanning: every rule with its doc, one result per finding at the file and line
 * of its SKU, with a fingerprint from rule and SKU so that a finding is followed across exports.
 */
export const sarifFormat: OutputFormat = {
  name: 'sarif',
  head: ({ meta, severities, docsUrl }) => sarifHead(meta, driverRules(RULES, severities, docsUrl)),
  items(sku, _options, { meta }) {
    if (sku.findings.length === 0) return undefined;
    const uri = artifactUri(meta.input.path);
    return sku.findings.map((finding) => {
      const result = {
        ruleId: finding.rule,
        ruleIndex: ruleIndex.get(finding.rule) ?? -1,
        level: LEVEL[finding.severity],
        message: { text: formatMessage(finding) },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri, index: 0 }, region: { startLine: sku.line } },
            ...(sku.sku !== null ? { logicalLocations: [{ name: sku.sku, kind: 'object' }] } : {}),
          },
        ],
        partialFingerprints: { 'channelAudit/v1': fingerprint(finding.rule, skuKeyOf(sku), finding.field) },
        ...(finding.baseline !== undefined ? { baselineState: finding.baseline } : {}),
        properties: {
          sku: sku.sku,
          productId: sku.productId,
          field: finding.field,
          record: sku.record,
          ...(sku.sheet !== null ? { sheet: sku.sheet } : {}),
        },
      };
      return `\n        ${JSON.stringify(result)}`;
    });
  },
  separator: ',',
  tail: (_end, _options, count) => SARIF_TAIL(count),
};

export function artifactUri(path: string): string {
  return path.replace(/\\/g, '/');
}
