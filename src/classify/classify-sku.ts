import type { Settings } from '../config/settings.js';
import { shippingWindow } from './window.js';
import type { ClassifiedSku, NormalizedSku, Reason } from '../core/types.js';
import { segmentOf, trackOf } from './segment.js';
import { sizeClass } from './size-class.js';
import { varietyClass } from './variety-class.js';

/**
 * Size, variety, segment, track and window of one SKU, with the reasons for each. The verdicts are added
 * to the SKU's own object: one object per row, never a copy (a million rows a run).
 */
export function classifySku(
  sku: NormalizedSku,
  facts: { productSkus: number; duplicateOfLine: number | null },
  settings: Settings,
): ClassifiedSku {
  const size = sizeClass(sku, settings.envelope);
  const variety = varietyClass(sku, facts.productSkus, settings);
  const segment = segmentOf(variety.varietyClass, size.sizeClass);
  const { track, fulfilment } = trackOf(segment, sku.specialGoods);
  const window = shippingWindow(sku, settings);
  const reasons: Reason[] = variety.reasons;
  reasons.push(size.reason);
  if (sku.specialGoods) reasons.push({ code: 'special-goods' });
  if (window.hours === settings.config.window.extendedHours && window.newUntil !== null) {
    reasons.push({ code: 'window-extended', until: window.newUntil });
  }
  const classified = sku as ClassifiedSku;
  classified.sizeClass = size.sizeClass;
  classified.varietyClass = variety.varietyClass;
  classified.segment = segment;
  classified.track = track;
  classified.fulfilment = fulfilment;
  classified.window = window;
  classified.reasons = reasons;
  classified.productSkus = facts.productSkus;
  classified.duplicateOfLine = facts.duplicateOfLine;
  return classified;
}
