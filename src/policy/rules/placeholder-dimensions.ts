import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'placeholder-dimensions',
  severity: 'warning',
  kind: 'data',
  summary: 'The package size is a placeholder (a 15 × 15 × 15 cm cube) or the weight is 0',
  why: 'Back offices fill these in when nobody measured the package; the size class built on them is a guess.',
  check: (sku, { settings }) => {
    const side = settings.config.checks.placeholderSideCm;
    if (sku.weightKg === 0) return { field: 'weight', args: { side: null as number | null } };
    if (sku.lengthCm === side && sku.widthCm === side && sku.heightCm === side) {
      return { field: 'length', args: { side } };
    }
    return undefined;
  },
  message: ({ side }) =>
    side === null
      ? 'weight is 0: a placeholder, not a measured weight; the size class is unknown'
      : `package is ${side} × ${side} × ${side} cm, the usual placeholder: measure it`,
});
