import { duration } from '../../values/timestamps.js';
import { defineOrderRule } from '../define-rule.js';

export default defineOrderRule({
  id: 'order-overdue',
  severity: 'error',
  kind: 'policy',
  summary: 'No carrier scan yet, and the shipping window has already closed',
  why: 'An order with no scan when its window closes is late already; every further hour counts against the shop.',
  check: (order) =>
    order.status === 'open-overdue'
      ? {
          field: 'online_at',
          args: {
            waiting: duration(order.waitingMinutes ?? 0),
            window: order.windowHours,
          },
        }
      : undefined,
  message: ({ waiting, window }) => `no carrier scan ${waiting} after payment; the window was ${window} h`,
});
