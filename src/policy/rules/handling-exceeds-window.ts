import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'handling-exceeds-window',
  severity: 'error',
  kind: 'policy',
  summary: 'The declared handling time is longer than the shipping window',
  why: 'Orders must be tracked online within 72 h of payment (96 h for new products in special categories); a longer promise is late by design. Full-managed SKUs ship from the platform warehouse and are exempt.',
  check: (sku) => {
    const { handlingHours, hours } = sku.window;
    if (handlingHours === null || handlingHours <= hours || sku.channel === 'full-managed') return undefined;
    return { field: 'handling', args: { handling: handlingHours, window: hours } };
  },
  message: ({ handling, window }) => `declares ${handling} h to ship; the window is ${window} h`,
});
