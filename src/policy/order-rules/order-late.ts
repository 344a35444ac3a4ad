import { duration } from '../../values/timestamps.js';
import { defineOrderRule } from '../define-rule.js';

export default defineOrderRule({
  id: 'order-late',
  severity: 'error',
  kind: 'policy',
  summary: 'The parcel was scanned online after the shipping window had closed',
  why: 'The platform assesses each order by the hours from payment to the first carrier scan: 72 h, or 96 h for a new product in a special category.',
  check: (order) =>
    order.status === 'late'
      ? {
          field: 'online_at',
          args: { elapsed: duration(order.elapsedMinutes ?? 0), window: order.windowHours },
        }
      : undefined,
  message: ({ elapsed, window }) => `online ${elapsed} after payment; the window was ${window} h`,
});
