import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from './cli-run.js';

// fixtures/sample-catalog.expected.md is the sample catalog audited by hand from the behaviour contract
// (docs/contract.md), not by the tool. This test reads its tables and compares them with the tool's JSON,
// record by record and in total: a disagreement means the contract, the hand-worked file or the tool is
// wrong, and must be settled on purpose, never by regenerating the file from the tool's output.

const HAND = readFileSync(join(ROOT, 'fixtures', 'sample-catalog.expected.md'), 'utf8');
const CATALOG = 'fixtures/sample-catalog.csv';

const SIZE: Record<string, string> = { LS: 'light-small', regular: 'regular', unknown: 'unknown' };
const SEGMENT: Record<string, string> = {
  SLS: 'standard-light-small',
  SR: 'standard-regular',
  NSHV: 'non-standard-high-variety',
  unclassified: 'unclassified',
};
const FULFILMENT: Record<string, string[]> = {
  'full-managed': ['full-managed'],
  jit: ['jit'],
  'semi, jit': ['semi-managed', 'jit'],
  '[]': [],
};
/**
 * The variety rules of docs/contract.md#variety-class, by the words their reasons start with. The JSON gives
 * reasons as words only; if their wording changes, the deciding rule goes missing and this test says so.
 */
const VARIETY_REASONS: [string, number][] = [
  ['made to order:', 1],
  ['non-standard category:', 2],
  ['standard category:', 3],
  ['high variety:', 4],
  ['identified product:', 5],
  ['no standard identity:', 6],
];

interface Expected {
  record: number;
  line: number;
  sku: string | null;
  /** Given by the hand table only for a row without a SKU. */
  productId?: string | null;
  currentChannel: string;
  sizeClass: string;
  varietyClass: string;
  /** The variety rule that decides (1-6), and the other rules 1-5 that match, in ascending order. */
  decidingRule: number;
  alsoRules: number[];
  segment: string;
  track: string;
  fulfilment: string[];
  windowHours: number;
  newUntil: string | null;
  handlingHours: number;
  findings: string[];
}

function fail(record: string, column: string, cell: string): never {
  throw new Error(`sample-catalog.expected.md, record ${record}: cannot read the ${column} cell "${cell}"`);
}

function pick<T>(map: Record<string, T>, key: string, record: string, column: string, cell: string): T {
  const value = map[key];
  return value === undefined ? fail(record, column, cell) : value;
}

function integer(text: string, record: string, column: string): number {
  const match = /^(\d+)/.exec(text);
  return match?.[1] === undefined ? fail(record, column, text) : Number(match[1]);
}

/** `rule (severity)` pairs, sorted; the notes after a `;` or outside the brackets are words for people. */
function findingsOf(cell: string): string[] {
  if (cell.startsWith('—')) return [];
  return [...cell.matchAll(/([a-z]+(?:-[a-z]+)+) \((error|warning|info)[;)]/g)]
    .map((m) => `${m[1]} (${m[2]})`)
    .sort();
}

/** Rule numbers 1-6 standing alone (`also 5 GTIN-8` is rule 5, not 8). */
function ruleNumbers(text: string): number[] {
  return [...text.matchAll(/(?<![\w-])([1-6])(?![\w-])/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** The per-record table of the hand-worked file. */
function handRecords(): Expected[] {
  return HAND.split('\n')
    .filter((line) => /^\| \d+ \| \d+/.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      if (cells.length !== 13)
        throw new Error(`sample-catalog.expected.md: ${cells.length} cells in "${line}"`);
      const [
        rec,
        lineNo,
        sku,
        channel,
        size,
        variety,
        segment,
        track,
        fulfilment,
        window,
        until,
        handling,
        found,
      ] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const v = /^(standard|non-standard) \((.*)\)$/.exec(variety) ?? fail(rec, 'variety', variety);
      const inner = v[2] ?? '';
      const also = inner.includes('; also ') ? inner.slice(inner.indexOf('; also ') + '; also '.length) : '';
      const empty = /^\*\(empty; (?:product (\d+)|no product id)\)\*$/.exec(sku);
      return {
        record: integer(rec, rec, 'rec'),
        line: integer(lineNo, rec, 'line'),
        sku: empty === null ? sku : null,
        ...(empty === null ? {} : { productId: empty[1] ?? null }),
        currentChannel: channel.split(' ')[0] ?? fail(rec, 'channel', channel),
        sizeClass: pick(SIZE, size.split(' ')[0] ?? '', rec, 'size', size),
        varietyClass: v[1] ?? fail(rec, 'variety', variety),
        decidingRule: integer(inner, rec, 'variety'),
        alsoRules: ruleNumbers(also),
        segment: pick(SEGMENT, segment, rec, 'segment', segment),
        track: track.split(' ')[0] ?? fail(rec, 'track', track),
        fulfilment: pick(FULFILMENT, fulfilment, rec, 'fulfilment', fulfilment),
        windowHours: integer(window, rec, 'window h'),
        newUntil:
          until === 'null' ? null : (/^\d{4}-\d{2}-\d{2}$/.exec(until)?.[0] ?? fail(rec, 'newUntil', until)),
        handlingHours: integer(handling, rec, 'handling h'),
        findings: findingsOf(found),
      };
    });
}

/** The "Expected totals" section: `- name count (records …)` items under bold labels, and two sentences. */
function handTotals() {
  const section = HAND.slice(HAND.indexOf('## Expected totals'));
  const groups: Record<string, Record<string, { count: number; records?: number[] }>> = {};
  let label = '';
  for (const line of section.split('\n')) {
    const heading = /^- \*\*(.+?):\*\*/.exec(line);
    if (heading?.[1] !== undefined) label = heading[1];
    const item = /^\s+- ([a-z-]+) (\d+)(?: \((?:records )?([\d, ]+)\))?/.exec(line);
    if (item?.[1] !== undefined && label !== '') {
      (groups[label] ??= {})[item[1]] = {
        count: Number(item[2]),
        ...(item[3] !== undefined ? { records: item[3].split(',').map(Number) } : {}),
      };
    }
  }
  const records = /\*\*Records:\*\* (\d+)\. The last record starts on line (\d+)\./.exec(section);
  const extended = /\*\*96 h window:\*\* records ([\d, ]+) \(/.exec(section);
  const severity = /\*\*By severity:\*\* error (\d+), warning (\d+), info (\d+)\. .* is (\d)\./.exec(section);
  if (records === null || extended?.[1] === undefined || severity === null) {
    throw new Error(
      'sample-catalog.expected.md: the "Expected totals" section no longer reads as this test expects',
    );
  }
  return {
    records: Number(records[1]),
    lastLine: Number(records[2]),
    extended: extended[1].split(',').map(Number),
    findings: { error: Number(severity[1]), warning: Number(severity[2]), info: Number(severity[3]) },
    exitCode: Number(severity[4]),
    groups,
  };
}

interface JsonSku {
  line: number;
  record: number;
  productId: string | null;
  sku: string | null;
  segment: string;
  sizeClass: string;
  varietyClass: string;
  track: string;
  fulfilment: string[];
  currentChannel: string | null;
  window: { hours: number; newUntil: string | null; handlingHours: number | null };
  reasons: string[];
  findings: { rule: string; severity: string }[];
}

/** The tool's verdict on a record, in the hand table's terms. */
function asHandWouldWrite(sku: JsonSku, withProductId: boolean): Expected {
  const variety = sku.reasons.flatMap((reason) => {
    const found = VARIETY_REASONS.find(([prefix]) => reason.startsWith(prefix));
    return found === undefined ? [] : [found[1]];
  });
  return {
    record: sku.record,
    line: sku.line,
    sku: sku.sku,
    ...(withProductId ? { productId: sku.productId } : {}),
    currentChannel: String(sku.currentChannel),
    sizeClass: sku.sizeClass,
    varietyClass: sku.varietyClass,
    decidingRule: variety[0] ?? 0,
    alsoRules: [...new Set(variety.slice(1))].sort((a, b) => a - b),
    segment: sku.segment,
    track: sku.track,
    fulfilment: sku.fulfilment,
    windowHours: sku.window.hours,
    newUntil: sku.window.newUntil,
    handlingHours: sku.window.handlingHours ?? Number.NaN,
    findings: sku.findings.map((f) => `${f.rule} (${f.severity})`).sort(),
  };
}

describe('the hand-worked sample (fixtures/sample-catalog.expected.md) against the tool', () => {
  const hand = handRecords();
  const asOf = /`--as-of (\d{4}-\d{2}-\d{2})`/.exec(HAND)?.[1];
  let run: { stdout: string; stderr: string; code: number | null };
  let skus: JsonSku[];
  let report: { asOf: string; summary: Record<string, Record<string, number>> };

  beforeAll(async () => {
    if (asOf === undefined) throw new Error('sample-catalog.expected.md names no --as-of date');
    run = await runInProcess([CATALOG, '--format', 'json', '--as-of', asOf]);
    report = JSON.parse(run.stdout);
    skus = (report as unknown as { skus: JsonSku[] }).skus;
  });

  it('reads a whole table from the hand-worked file', () => {
    expect(asOf).toBe('2026-11-23');
    expect(hand.map((r) => r.record)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
    expect(report.asOf).toBe(asOf);
  });

  it('agrees with it record by record', () => {
    expect(skus).toHaveLength(hand.length);
    const disagreements: string[] = [];
    for (const expected of hand) {
      const sku = skus.find((s) => s.record === expected.record);
      if (sku === undefined) {
        disagreements.push(`record ${expected.record}: not in the tool's skus[]`);
        continue;
      }
      const got = asHandWouldWrite(sku, 'productId' in expected);
      for (const key of Object.keys(expected) as (keyof Expected)[]) {
        if (JSON.stringify(got[key]) !== JSON.stringify(expected[key])) {
          disagreements.push(
            `record ${expected.record} (line ${expected.line}, ${expected.sku ?? 'no SKU'}) ${key}: ` +
              `by hand ${JSON.stringify(expected[key])}, tool ${JSON.stringify(got[key])}`,
          );
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with its totals, the records of each rule and the exit code', () => {
    const totals = handTotals();
    expect(skus).toHaveLength(totals.records);
    expect(skus.at(-1)?.line).toBe(totals.lastLine);
    expect(report.summary.segments).toEqual(
      Object.fromEntries(Object.entries(totals.groups.Segments ?? {}).map(([k, v]) => [k, v.count])),
    );
    expect(report.summary.tracks).toEqual(
      Object.fromEntries(Object.entries(totals.groups.Tracks ?? {}).map(([k, v]) => [k, v.count])),
    );
    expect(report.summary.findings).toEqual(totals.findings);
    expect(run.code).toBe(totals.exitCode);
    expect(skus.filter((s) => s.window.hours === 96).map((s) => s.record)).toEqual(totals.extended);

    const byRule = totals.groups['Findings by rule'] ?? {};
    expect(Object.keys(byRule)).toHaveLength(18);
    expect(report.summary.rules).toEqual(
      Object.fromEntries(Object.entries(byRule).map(([k, v]) => [k, v.count])),
    );
    for (const [rule, { records }] of Object.entries(byRule)) {
      const got = skus.filter((s) => s.findings.some((f) => f.rule === rule)).map((s) => s.record);
      expect({ rule, records: got }).toEqual({ rule, records: [...(records ?? [])].sort((a, b) => a - b) });
    }
  });
});
