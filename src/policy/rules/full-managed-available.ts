import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'full-managed-available',
  severity: 'info',
  kind: 'policy',
  summary: 'A standard light-small SKU is semi-managed; the full-managed channel is open to it',
  why: 'Semi-managed stays supported as a logistics upgrade for POP merchants, and categories that suit warehouse delivery get a full-managed channel.',
  check: (sku) =>
    sku.segment === 'standard-light-small' && sku.track === 'warehouse' && sku.channel === 'semi-managed'
      ? { field: 'channel', args: {} }
      : undefined,
  message: () =>
    'standard light-small goods on semi-managed: the full-managed (warehouse) channel is open to them',
});
