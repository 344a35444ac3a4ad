import { addDays } from '../../values/dates.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'new-window-ending',
  severity: 'warning',
  kind: 'policy',
  summary: 'The 96 h new-product window ends within 7 days and the handling time needs it',
  why: 'The 96 h extension lasts the first 30 days online only; after that the declared handling time exceeds 72 h.',
  check: (sku, { settings }) => {
    const { window } = settings.config;
    const { hours, newUntil, handlingHours } = sku.window;
    if (hours !== window.extendedHours || newUntil === null || handlingHours === null) return undefined;
    // Late already (handling-exceeds-window says so), or shipped by the warehouse: nothing to warn of.
    if (handlingHours > hours || sku.channel === 'full-managed') return undefined;
    if (handlingHours <= window.baseHours || newUntil > addDays(settings.asOf, window.endingSoonDays)) {
      return undefined;
    }
    return { field: 'handling', args: { until: newUntil, handling: handlingHours, base: window.baseHours } };
  },
  message: ({ until, handling, base }) =>
    `the window drops to ${base} h on ${until}; the declared ${handling} h will then be too long`,
});
