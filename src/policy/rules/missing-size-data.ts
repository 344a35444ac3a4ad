import type { Field } from '../../core/types.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'missing-size-data',
  severity: 'warning',
  kind: 'data',
  summary: 'The package weight or a side is missing',
  why: 'Without weight and all three sides the size class is unknown, so a standard SKU cannot be sent to either track.',
  check: (sku) => {
    const missing: Field[] = [];
    if (sku.weightKg === null) missing.push('weight');
    if (sku.lengthCm === null) missing.push('length');
    if (sku.widthCm === null) missing.push('width');
    if (sku.heightCm === null) missing.push('height');
    return missing.length === 0 ? undefined : { field: missing[0] ?? null, args: { missing } };
  },
  message: ({ missing }) => `no ${missing.join(', ')}: the size class is unknown`,
});
