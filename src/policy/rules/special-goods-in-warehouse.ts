import { cellOf } from '../../read/map-columns.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'special-goods-in-warehouse',
  severity: 'warning',
  kind: 'policy',
  summary: 'Special goods (battery, magnetic, liquid, powder, paste, hazardous) are full-managed',
  why: 'Special goods need special logistics lines; they are recommended to stay with the merchant and ship just in time.',
  check: (sku, { columns }) =>
    sku.specialGoods && sku.channel === 'full-managed'
      ? {
          field: 'logisticsAttribute',
          args: { attribute: cellOf(sku.cells, columns, 'logisticsAttribute').trim() },
        }
      : undefined,
  message: ({ attribute }) =>
    `special goods ("${attribute}") on full-managed: they ship just in time from the merchant`,
});
