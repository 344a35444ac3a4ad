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
            waiting: Math.round(((order.waitingMinutes ?? 0) / 60) * 100) / 100,
            window: order.windowHours,
          },
        }
      : undefined,
  message: ({ waiting, window }) => `no carrier scan ${waiting} h after payment; the window was ${window} h`,
});
