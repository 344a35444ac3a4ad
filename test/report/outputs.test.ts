import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS } from '../../src/report/annotated-csv.js';
import { ROOT, runInProcess } from '../cli-run.js';

const SAMPLE = 'fixtures/sample-catalog.csv';
const AS_OF = ['--as-of', '2026-11-23'];

describe('annotated CSV', () => {
  it('reads back through an independent CSV parser: the input cells unchanged, then the audit columns', async () => {
    const input = parse(readFileSync(join(ROOT, SAMPLE)), { relax_column_count: true }) as string[][];
    const output = parse(
      (await runInProcess([SAMPLE, ...AS_OF, '--format', 'csv', '--no-escape-formulas'])).stdout,
    ) as string[][];
    const [header, ...rows] = input;
    expect(output[0]).toEqual([...(header ?? []), ...AUDIT_COLUMNS]);
    expect(output).toHaveLength(input.length);
    rows.forEach((row, i) => {
      const width = header?.length ?? 0;
      const padded = [...row, ...Array(Math.max(0, width - row.length)).fill('')].slice(0, width);
      expect(output[i + 1]?.slice(0, width), `record ${i + 1}`).toEqual(padded);
    });
  });

  it('writes one status per SKU that matches its findings', async () => {
    const output = parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'csv'])).stdout, {
      columns: true,
    }) as Record<string, string>[];
    const json = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json'])).stdout);
    output.forEach((row, i) => {
      const severities = json.skus[i].findings.map((f: { severity: string }) => f.severity);
      const status = ['error', 'warning', 'info'].find((s) => severities.includes(s)) ?? 'ok';
      expect(row.audit_status).toBe(status);
      expect(row.audit_segment).toBe(json.skus[i].segment);
    });
  });
});

describe('JSON contract (docs/contract.md#json)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed report, examined by path
  let json: any;
  beforeAll(async () => {
    json = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json'])).stdout);
  });

  it('has exactly the documented keys, in order', () => {
    expect(Object.keys(json)).toEqual([
      'tool',
      'version',
      'schemaVersion',
      'asOf',
      'policy',
      'input',
      'summary',
      'skus',
    ]);
    expect(Object.keys(json.input)).toEqual([
      'path',
      'encoding',
      'encodingConfidence',
      'delimiter',
      'rows',
      'headerRow',
      'columns',
      'unread',
      'warnings',
    ]);
    expect(Object.keys(json.summary)).toEqual(['rows', 'segments', 'tracks', 'findings', 'rules']);
    for (const sku of json.skus) {
      expect(Object.keys(sku)).toEqual([
        'line',
        'record',
        'productId',
        'sku',
        'segment',
        'sizeClass',
        'varietyClass',
        'track',
        'fulfilment',
        'currentChannel',
        'window',
        'reasons',
        'findings',
      ]);
      expect(Object.keys(sku.window)).toEqual(['hours', 'newUntil', 'handlingHours']);
      for (const finding of sku.findings)
        expect(Object.keys(finding)).toEqual(['rule', 'severity', 'message', 'field']);
    }
  });

  it('adds up: every SKU once, counts that match the SKUs', () => {
    expect(json.skus.map((s: { record: number }) => s.record)).toEqual(
      Array.from({ length: 63 }, (_, i) => i + 1),
    );
    expect(json.input.rows).toBe(63);
    const count = (key: string) =>
      json.skus.reduce(
        (acc: Record<string, number>, s: Record<string, string>) => ({
          ...acc,
          [s[key] as string]: (acc[s[key] as string] ?? 0) + 1,
        }),
        {},
      );
    expect(count('track')).toEqual(
      Object.fromEntries(Object.entries(json.summary.tracks).filter(([, n]) => n !== 0)),
    );
    const findings = json.skus.flatMap((s: { findings: { severity: string }[] }) => s.findings);
    for (const severity of ['error', 'warning', 'info']) {
      expect(findings.filter((f: { severity: string }) => f.severity === severity)).toHaveLength(
        json.summary.findings[severity],
      );
    }
  });

  it('ndjson is the same SKUs, one per line', async () => {
    const lines = (await runInProcess([SAMPLE, ...AS_OF, '--format', 'ndjson'])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(json.skus);
  });
});

describe('the library', () => {
  it('is importable by package name and runs the same audit', async () => {
    const { audit, RULE_IDS } = await import('channel-audit');
    const skus: unknown[] = [];
    const result = await audit(join(ROOT, SAMPLE), { asOf: '2026-11-23', onSku: (s) => skus.push(s) });
    expect(result.summary.findings).toEqual({ error: 13, warning: 17, info: 20 });
    expect(skus).toHaveLength(63);
    expect(RULE_IDS).toContain('handling-exceeds-window');
  });
});
