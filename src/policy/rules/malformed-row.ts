import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'malformed-row',
  severity: 'error',
  kind: 'data',
  summary: 'The row has more or fewer cells than the header',
  why: 'A shifted row puts values under the wrong headers; it is kept (padded or cut) and must be checked by hand.',
  check: (sku, { columns }) =>
    sku.rawWidth === null
      ? undefined
      : { field: null, args: { expected: columns.headers.length, got: sku.rawWidth } },
  message: ({ expected, got }) =>
    `row has ${got} cells, the header ${expected}: ${got > expected ? 'extra cells are cut' : 'missing cells are empty'}`,
});
