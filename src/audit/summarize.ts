import type { Baseline } from './baseline.js';
import { RULE_IDS } from '../policy/rules/index.js';
import {
  type AuditedSku,
  type AuditSummary,
  type Finding,
  SEGMENTS,
  type Segment,
  type Severity,
  TRACKS,
  type Track,
} from '../core/types.js';

/** A SKU worth showing in a summary: where it is, and how bad. */
export interface SkuExample {
  line: number;
  sku: string | null;
  productId: string | null;
  segment: Segment;
  track: Track;
  counts: Record<Severity, number>;
  rules: string[];
}

/** What the table, Markdown and GitHub summaries show beyond the JSON summary; bounded in size. */
export interface Highlights {
  /** SKUs per segment and recommended track. */
  segmentTracks: Record<Segment, Record<Track, number>>;
  /** The first lines each rule fired on (up to `examplesPerRule`). */
  ruleLines: Record<string, number[]>;
  /** The severity each rule that fired ran at (after the config). */
  ruleSeverities: Record<string, Severity>;
  /** The SKUs with the most severe findings (up to `worst`), worst first. */
  worst: SkuExample[];
  /** The first finding of each rule, with its SKU and line: enough to say what the rule found. */
  firstFindings: Record<string, { line: number; sku: string | null; finding: Finding }>;
  /** With a baseline: new findings per rule, and the first new one of each. */
  newByRule: Record<string, number>;
  firstNewFindings: Record<string, { line: number; sku: string | null; finding: Finding }>;
}

export interface SummaryLimits {
  examplesPerRule: number;
  worst: number;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const rank = (c: Record<Severity, number>) => [c.error, c.warning, c.info] as const;

function worse(a: SkuExample, b: SkuExample): boolean {
  const [ra, rb] = [rank(a.counts), rank(b.counts)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) > (rb[i] ?? 0);
  return false;
}

/** Counts as SKUs go by; keeps only counts and a bounded number of examples, whatever the file's size. */
export class SummaryCollector {
  readonly summary: AuditSummary = {
    rows: 0,
    segments: zeros(SEGMENTS),
    tracks: zeros(TRACKS),
    findings: { error: 0, warning: 0, info: 0 },
    rules: {},
  };
  highlights: Highlights = {
    segmentTracks: Object.fromEntries(SEGMENTS.map((s) => [s, zeros(TRACKS)])) as Highlights['segmentTracks'],
    ruleLines: {},
    ruleSeverities: {},
    worst: [],
    firstFindings: {},
    newByRule: {},
    firstNewFindings: {},
  };
  private readonly ruleCounts = new Map<string, number>();
  private readonly baselineCounts = { new: 0, unchanged: 0, newFindings: { error: 0, warning: 0, info: 0 } };

  constructor(private readonly limits: SummaryLimits) {}

  add(sku: AuditedSku): void {
    const { summary, highlights } = this;
    summary.rows++;
    summary.segments[sku.segment]++;
    summary.tracks[sku.track]++;
    highlights.segmentTracks[sku.segment][sku.track]++;
    if (sku.findings.length === 0) return;
    const counts = { error: 0, warning: 0, info: 0 };
    const rules: string[] = [];
    for (const finding of sku.findings) {
      counts[finding.severity]++;
      summary.findings[finding.severity]++;
      if (finding.baseline === 'new') {
        this.baselineCounts.new++;
        this.baselineCounts.newFindings[finding.severity]++;
        highlights.newByRule[finding.rule] = (highlights.newByRule[finding.rule] ?? 0) + 1;
        highlights.firstNewFindings[finding.rule] ??= {
          line: sku.line,
          sku: sku.sku ?? sku.productId,
          finding,
        };
      } else if (finding.baseline === 'unchanged') {
        this.baselineCounts.unchanged++;
      }
      const seen = this.ruleCounts.get(finding.rule) ?? 0;
      this.ruleCounts.set(finding.rule, seen + 1);
      if (!rules.includes(finding.rule)) {
        rules.push(finding.rule);
        highlights.ruleSeverities[finding.rule] = finding.severity;
        highlights.firstFindings[finding.rule] ??= { line: sku.line, sku: sku.sku ?? sku.productId, finding };
        const lines = highlights.ruleLines[finding.rule] ?? [];
        highlights.ruleLines[finding.rule] = lines;
        if (lines.length < this.limits.examplesPerRule) lines.push(sku.line);
      }
    }
    if (counts.error + counts.warning === 0) return;
    const example: SkuExample = {
      line: sku.line,
      sku: sku.sku,
      productId: sku.productId,
      segment: sku.segment,
      track: sku.track,
      counts,
      rules,
    };
    const worst = highlights.worst;
    if (worst.length < this.limits.worst || worse(example, worst[worst.length - 1] as SkuExample)) {
      let i = worst.length;
      while (i > 0 && worse(example, worst[i - 1] as SkuExample)) i--;
      worst.splice(i, 0, example);
      if (worst.length > this.limits.worst) worst.pop();
    }
  }

  /**
   * Adds what another collector counted over a later part of the file (parts are merged in file order,
   * so the first lines and first findings stay the first).
   */
  merge(part: { summary: AuditSummary; highlights: Highlights }): void {
    const { summary, highlights } = this;
    summary.rows += part.summary.rows;
    for (const s of SEGMENTS) {
      summary.segments[s] += part.summary.segments[s];
      for (const t of TRACKS) highlights.segmentTracks[s][t] += part.highlights.segmentTracks[s][t];
    }
    for (const t of TRACKS) summary.tracks[t] += part.summary.tracks[t];
    for (const severity of ['error', 'warning', 'info'] as const) {
      summary.findings[severity] += part.summary.findings[severity];
    }
    for (const [rule, count] of Object.entries(part.summary.rules)) {
      this.ruleCounts.set(rule, (this.ruleCounts.get(rule) ?? 0) + count);
    }
    for (const [rule, lines] of Object.entries(part.highlights.ruleLines)) {
      const mine = highlights.ruleLines[rule] ?? [];
      highlights.ruleLines[rule] = [...mine, ...lines].slice(0, this.limits.examplesPerRule);
    }
    for (const [rule, severity] of Object.entries(part.highlights.ruleSeverities)) {
      highlights.ruleSeverities[rule] ??= severity;
    }
    for (const [rule, first] of Object.entries(part.highlights.firstFindings)) {
      highlights.firstFindings[rule] ??= first;
    }
    for (const [rule, count] of Object.entries(part.highlights.newByRule)) {
      highlights.newByRule[rule] = (highlights.newByRule[rule] ?? 0) + count;
    }
    for (const [rule, first] of Object.entries(part.highlights.firstNewFindings)) {
      highlights.firstNewFindings[rule] ??= first;
    }
    const worst = [...highlights.worst, ...part.highlights.worst];
    // Stable: among equals, the earlier line (the earlier part) stays first.
    worst.sort((a, b) => (worse(a, b) ? -1 : worse(b, a) ? 1 : a.line - b.line));
    highlights.worst = worst.slice(0, this.limits.worst);
  }

  /** The summary, with per-rule counts in the rules' own order. */
  finish(baseline?: Baseline): { summary: AuditSummary; highlights: Highlights } {
    for (const id of RULE_IDS) {
      const count = this.ruleCounts.get(id);
      if (count !== undefined) this.summary.rules[id] = count;
    }
    if (baseline !== undefined) {
      const { new: added, unchanged, newFindings } = this.baselineCounts;
      this.summary.baseline = {
        path: baseline.path,
        new: added,
        unchanged,
        fixed: baseline.fixed(),
        newFindings,
      };
    }
    return { summary: this.summary, highlights: this.highlights };
  }
}
