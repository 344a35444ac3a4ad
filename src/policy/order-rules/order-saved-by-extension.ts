import { defineOrderRule } from '../define-rule.js';

export default defineOrderRule({
  id: 'order-saved-by-extension',
  severity: 'info',
  kind: 'policy',
  summary: 'On time only thanks to the 96 h new-product window',
  why: 'These orders would have been late under 72 h: they show what the extension is worth, and which products will need faster handling once they are no longer new.',
  check: (order) =>
    order.status === 'on-time' && order.windowHours === 96 && (order.elapsedMinutes ?? 0) > 72 * 60
      ? { field: 'online_at', args: { elapsed: order.elapsedHours ?? 0 } }
      : undefined,
  message: ({ elapsed }) => `online ${elapsed} h after payment: late under 72 h, on time under 96 h`,
});
