import { duration } from '../../values/timestamps.js';
import { defineOrderRule } from '../define-rule.js';

export default defineOrderRule({
  id: 'order-saved-by-extension',
  severity: 'info',
  kind: 'policy',
  summary: 'On time only thanks to the 96 h new-product window',
  why: 'These orders would have been late under 72 h: they show what the extension is worth, and which products will need faster handling once they are no longer new.',
  check: (order) =>
    order.status === 'on-time' &&
    order.windowHours > order.baseHours &&
    (order.elapsedMinutes ?? 0) > order.baseHours * 60
      ? {
          field: 'online_at',
          args: {
            elapsed: duration(order.elapsedMinutes ?? 0),
            base: order.baseHours,
            window: order.windowHours,
          },
        }
      : undefined,
  message: ({ elapsed, base, window }) =>
    `online ${elapsed} after payment: late under ${base} h, on time under the new-product ${window} h`,
});
