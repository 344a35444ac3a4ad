import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'missing-listing-date',
  severity: 'info',
  kind: 'data',
  summary: 'The listing date is missing',
  why: 'New products (first 30 days online) in special categories get 96 h instead of 72 h; without the date the audit assumes 72 h.',
  check: (sku) => (sku.listedAtRaw === null ? { field: 'listedAt', args: {} } : undefined),
  message: () => 'no listing date: the 72 h window is assumed',
});
