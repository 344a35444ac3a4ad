import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'variety-in-warehouse',
  severity: 'warning',
  kind: 'policy',
  summary: 'A non-standard, high-variety SKU is in the platform warehouse (full-managed)',
  why: 'The platform encourages non-standard, new-product-driven, high-variety goods to run as POP, semi-managed or JIT, where variety rather than price wins.',
  check: (sku) =>
    sku.segment === 'non-standard-high-variety' && sku.channel === 'full-managed'
      ? { field: 'channel', args: {} }
      : undefined,
  message: () =>
    'non-standard goods on full-managed: the policy steers non-standard, high-variety goods to POP (semi-managed or JIT)',
});
