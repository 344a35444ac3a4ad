import type { Settings } from '../config/settings.js';
import type { NormalizedSku, Reason, VarietyClass } from '../core/types.js';
import { categoryMatcher } from '../values/category-match.js';

const HOURS_PER_DAY = 24;
const titleMatchers = new WeakMap<readonly string[], ReturnType<typeof categoryMatcher>>();

/**
 * docs/contract.md#variety-class: the first rule that matches decides; every rule that matches is a reason.
 * 1 made to order · 2 non-standard category · 3 standard category · 4 many SKUs · 5 identified product ·
 * 6 otherwise non-standard.
 */
export function varietyClass(
  sku: NormalizedSku,
  productSkus: number,
  settings: Settings,
): { varietyClass: VarietyClass; reasons: Reason[] } {
  const { variety } = settings.config;
  const reasons: Reason[] = [];
  let decided: VarietyClass | undefined;
  const decide = (verdict: VarietyClass, reason: Reason) => {
    decided ??= verdict;
    reasons.push(reason);
  };

  const keyword = madeToOrderMatcher(settings).match(sku.title);
  if (keyword !== undefined) decide('non-standard', { code: 'made-to-order-title', keyword });
  const handlingDays = sku.handlingHours === null ? Number.NaN : sku.handlingHours / HOURS_PER_DAY;
  if (handlingDays > variety.madeToOrderHandlingDays) {
    decide('non-standard', {
      code: 'made-to-order-handling',
      days: handlingDays,
      maxDays: variety.madeToOrderHandlingDays,
    });
  }
  const nonStandard = settings.nonStandard.match(sku.category);
  if (nonStandard !== undefined)
    decide('non-standard', { code: 'non-standard-category', keyword: nonStandard });
  const standard = settings.standard.match(sku.category);
  if (standard !== undefined) decide('standard', { code: 'standard-category', keyword: standard });
  if (productSkus >= variety.highVarietySkus) {
    decide('non-standard', { code: 'high-variety', skus: productSkus, min: variety.highVarietySkus });
  }
  if (sku.gtinValid) decide('standard', { code: 'valid-gtin' });
  else if (hasBrand(sku.brand, settings) && sku.mpn !== null) decide('standard', { code: 'brand-and-mpn' });
  if (decided === undefined) decide('non-standard', { code: 'no-identity' });
  return { varietyClass: decided ?? 'non-standard', reasons };
}

function hasBrand(brand: string | null, settings: Settings): boolean {
  return brand !== null && !settings.noBrand.has(brand.toLowerCase());
}

function madeToOrderMatcher(settings: Settings) {
  let matcher = titleMatchers.get(settings.madeToOrder);
  if (matcher === undefined) {
    matcher = categoryMatcher(settings.madeToOrder, { cache: false });
    titleMatchers.set(settings.madeToOrder, matcher);
  }
  return matcher;
}
