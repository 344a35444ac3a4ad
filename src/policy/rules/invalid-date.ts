import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'invalid-date',
  severity: 'error',
  kind: 'data',
  summary: 'The listing date cannot be read, or lies after the audit date',
  why: 'The 96 h window depends on the first 30 days online; a wrong listing date gives the wrong window.',
  check: (sku, { settings }) => {
    if (sku.listedAt === 'invalid') {
      return { field: 'listedAt', args: { value: sku.listedAtRaw ?? '', asOf: null as string | null } };
    }
    if (sku.listedAt !== null && sku.listedAt > settings.asOf) {
      return { field: 'listedAt', args: { value: sku.listedAtRaw ?? '', asOf: settings.asOf } };
    }
    return undefined;
  },
  message: ({ value, asOf }) =>
    asOf === null
      ? `listing date "${value}" is not a real calendar date (expected YYYY-MM-DD or YYYY/MM/DD); the 72 h window is assumed`
      : `listing date "${value}" is after the audit date ${asOf}; the 72 h window is assumed`,
});
