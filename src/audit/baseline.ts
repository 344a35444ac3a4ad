import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ConfigError } from '../core/errors.js';
import type { Finding, NormalizedSku } from '../core/types.js';

/** The SKU a finding is about, across exports: its SKU code, else its product id, else its line. */
export function skuKeyOf(sku: Pick<NormalizedSku, 'sku' | 'productId' | 'line'>): string {
  return sku.sku ?? sku.productId ?? `line ${sku.line}`;
}

/**
 * The findings of an earlier report, as a multiset of (rule, SKU) pairs. Each finding of this run takes
 * one matching pair: unchanged if there was one left, new otherwise; pairs left over at the end are fixed.
 */
export class Baseline {
  private readonly remaining = new Map<string, number>();
  private total = 0;

  constructor(readonly path: string) {}

  add(rule: string, skuKey: string): void {
    const key = `${rule}\u0000${skuKey}`;
    this.remaining.set(key, (this.remaining.get(key) ?? 0) + 1);
    this.total++;
  }

  /** Marks the finding unchanged (and uses up its match) or new. */
  take(finding: Finding, skuKey: string): 'new' | 'unchanged' {
    const key = `${finding.rule}\u0000${skuKey}`;
    const left = this.remaining.get(key) ?? 0;
    if (left === 0) return 'new';
    this.remaining.set(key, left - 1);
    return 'unchanged';
  }

  /** Findings of the baseline that this run no longer has. */
  fixed(): number {
    let count = 0;
    for (const left of this.remaining.values()) count += left;
    return count;
  }

  get size(): number {
    return this.total;
  }
}

interface ReportedSku {
  line?: number;
  sku?: string | null;
  productId?: string | null;
  findings?: { rule?: string }[];
}

/** Reads an earlier `--format json` report, or an NDJSON one (read line by line, for big catalogs). */
export async function loadBaseline(path: string): Promise<Baseline> {
  const baseline = new Baseline(path);
  const add = (sku: ReportedSku) => {
    for (const finding of sku.findings ?? []) {
      if (typeof finding.rule === 'string') {
        baseline.add(
          finding.rule,
          skuKeyOf({ sku: sku.sku ?? null, productId: sku.productId ?? null, line: sku.line ?? 0 }),
        );
      }
    }
  };
  let head: string;
  try {
    head = (await readFile(path, { encoding: 'utf8', flag: 'r' })).slice(0, 64).trimStart();
  } catch (error) {
    throw new ConfigError(
      `--baseline ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  try {
    if (head.startsWith('{"line"')) {
      const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) if (line.trim() !== '') add(JSON.parse(line) as ReportedSku);
    } else {
      const report = JSON.parse(await readFile(path, 'utf8')) as { tool?: string; skus?: ReportedSku[] };
      if (report.tool !== 'channel-audit' || !Array.isArray(report.skus))
        throw new Error('not a channel-audit report');
      for (const sku of report.skus) add(sku);
    }
  } catch (error) {
    throw new ConfigError(
      `--baseline ${path}: not a channel-audit JSON or NDJSON report (${(error as Error).message}); write one with --format json`,
    );
  }
  return baseline;
}
