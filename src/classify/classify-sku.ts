import type { Settings } from '../config/settings.js';
import { shippingWindow } from '../policy/window.js';
import type { ClassifiedSku, NormalizedSku, Reason } from '../types.js';
import { segmentOf, trackOf } from './segment.js';
import { sizeClass } from './size-class.js';
import { varietyClass } from './variety-class.js';

/** Size, variety, segment, track and window of one SKU, with the reasons for each. */
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
  const reasons: Reason[] = [...variety.reasons, size.reason];
  if (sku.specialGoods) reasons.push({ code: 'special-goods' });
  if (window.hours === settings.config.window.extendedHours && window.newUntil !== null) {
    reasons.push({ code: 'window-extended', until: window.newUntil });
  }
  return {
    ...sku,
    sizeClass: size.sizeClass,
    varietyClass: variety.varietyClass,
    segment,
    track,
    fulfilment,
    window,
    reasons,
    productSkus: facts.productSkus,
    duplicateOfLine: facts.duplicateOfLine,
  };
}
