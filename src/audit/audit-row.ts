import type { Baseline } from './baseline.js';
import { skuKeyOf } from './baseline.js';
import { classifySku } from '../classify/classify-sku.js';
import type { Config } from '../config/schema.js';
import { resolveSettings, type Settings } from '../config/settings.js';
import { ContinuationRows } from '../normalize/continuation.js';
import { rowNormalizer } from '../normalize/normalize-row.js';
import type { RuleContext } from '../policy/define-rule.js';
import { type ActiveRule, activeRules, evaluate, keepErrors } from '../policy/evaluate.js';
import { RULES } from '../policy/rules/index.js';
import type { ProductIndex } from './product-index.js';
import type { ColumnMap } from '../read/map-columns.js';
import type {
  AuditedSku,
  CatalogRecord,
  ClassifiedSku,
  IsoDate,
  NormalizedSku,
  SeverityCounts,
} from '../core/types.js';

type RecordFacts = Pick<ProductIndex, 'productSkus' | 'duplicateOf'>;

export interface RowAuditorInit {
  config: Config;
  asOf: IsoDate;
  columns: ColumnMap;
  decimalComma: boolean;
  /** From the index pass: each record's product size and the line its SKU code first appears on. */
  index: RecordFacts;
  baseline?: Baseline | undefined;
  quiet?: boolean | undefined;
}

/**
 * One row through the pipeline: normalize → classify → evaluate. The same code audits the rows of the
 * whole file in order, or of one part of it in a worker thread.
 */
export class RowAuditor {
  /** Findings below error that --quiet kept out of the outputs, for --max-warnings. */
  readonly hidden: SeverityCounts = { error: 0, warning: 0, info: 0 };
  private readonly settings: Settings;
  private readonly rules: ActiveRule<ClassifiedSku, RuleContext>[];
  private readonly context: RuleContext;
  private readonly normalize: (record: CatalogRecord) => NormalizedSku;
  private readonly continuation: ContinuationRows;

  constructor(private readonly init: RowAuditorInit) {
    this.settings = resolveSettings(init.config, init.asOf);
    this.rules = activeRules(RULES, init.config);
    this.context = { settings: this.settings, columns: init.columns };
    this.normalize = rowNormalizer(init.columns, { decimalComma: init.decimalComma });
    this.continuation = new ContinuationRows(init.columns.continuationRows, init.columns.parentRows);
  }

  audit(record: CatalogRecord): AuditedSku {
    const { index, baseline, quiet } = this.init;
    const sku = this.continuation.apply(this.normalize(record));
    const at = record.record - 1;
    // The facts are the index pass's, by record number: both passes must see the same records.
    if (at >= index.productSkus.length) throw recordsDiffer(index.productSkus.length, record.record);
    const productSkus = index.productSkus[at] ?? 0;
    const duplicateOf = index.duplicateOf[at] ?? 0;
    const classified = classifySku(
      sku,
      // A record without a product key is a product of one.
      {
        productSkus: productSkus === 0 ? 1 : productSkus,
        duplicateOfLine: duplicateOf === 0 ? null : duplicateOf,
      },
      this.settings,
    );
    let findings = evaluate(classified, this.rules, this.context);
    if (baseline !== undefined) {
      const skuKey = skuKeyOf(classified);
      for (const finding of findings) finding.baseline = baseline.take(finding, skuKey);
    }
    if (quiet) findings = keepErrors(findings, this.hidden);
    const audited = classified as AuditedSku;
    audited.findings = findings;
    return audited;
  }
}

/** The index pass and the audit saw different records: a bug in the tool, never to be reported as data. */
export function recordsDiffer(indexed: number, audited: number): Error {
  return new Error(
    `the index pass counted ${indexed} records and the audit ${audited}: please report this file to the tool's authors`,
  );
}
