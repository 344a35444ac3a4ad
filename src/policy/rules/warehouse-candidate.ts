import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'warehouse-candidate',
  severity: 'info',
  kind: 'policy',
  summary: 'A standard light-small SKU ships from the merchant (POP or JIT); the warehouse track fits it',
  why: 'The platform recommends warehouse stock + low price for standard light-small goods, with the "N items for N yuan" and "Super Promotion Day" channels. Advice, not an obligation.',
  check: (sku) =>
    sku.segment === 'standard-light-small' &&
    sku.track === 'warehouse' &&
    (sku.channel === 'pop' || sku.channel === 'jit')
      ? { field: 'channel', args: { channel: sku.channel } }
      : undefined,
  message: ({ channel }) =>
    `standard light-small goods on ${channel}: the warehouse track (full-managed) opens the "N items for N yuan" and "Super Promotion Day" channels`,
});
