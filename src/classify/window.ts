import type { Settings } from '../config/settings.js';
import { addDays } from '../values/dates.js';
import type { NormalizedSku, ShippingWindow } from '../core/types.js';

/**
 * docs/contract.md#shipping-window (profile aliexpress-2024-09): 72 h from payment, 96 h while a product in an eligible category is
 * in its first 30 days online, from the day the extension took effect. Days are calendar days.
 */
export function shippingWindow(sku: NormalizedSku, settings: Settings): ShippingWindow {
  const { window } = settings.config;
  const listed = sku.listedAt;
  const valid = listed !== null && listed !== 'invalid' && listed <= settings.asOf;
  const newUntil = valid ? addDays(listed, window.newProductDays) : null;
  const extended =
    newUntil !== null &&
    settings.asOf < newUntil &&
    settings.asOf >= window.effectiveFrom &&
    settings.eligible.match(sku.category) !== undefined;
  const handlingHours = sku.handlingHours !== null && sku.handlingHours > 0 ? sku.handlingHours : null;
  return { hours: extended ? window.extendedHours : window.baseHours, newUntil, handlingHours };
}
