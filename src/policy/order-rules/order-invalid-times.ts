import { defineOrderRule } from '../define-rule.js';

const WHY = {
  'no-payment': 'no payment time',
  'bad-payment': 'the payment time is not a date-time',
  'bad-scan': 'the first-scan time is not a date-time',
  'scan-before-payment': 'the first scan is before the payment',
} as const;

export default defineOrderRule({
  id: 'order-invalid-times',
  severity: 'error',
  kind: 'data',
  summary: 'The payment or first-scan time is missing, unreadable, or the scan comes before the payment',
  why: 'Without both times in order, the order cannot be measured against its window.',
  check: (order) =>
    order.invalid === null
      ? undefined
      : {
          field:
            order.invalid === 'bad-scan' || order.invalid === 'scan-before-payment' ? 'online_at' : 'paid_at',
          args: { why: order.invalid, value: order.invalidText },
        },
  message: ({ why, value }) => `${WHY[why]}${value ? ` ("${value}")` : ''}: the order cannot be measured`,
});
