import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'handling-out-of-range',
  severity: 'warning',
  kind: 'data',
  summary: 'The declared handling time is under 1 day or over 7 days',
  why: 'Handling times outside 1-7 days are usually typos (hours in a days column) or made-to-order goods.',
  check: (sku, { settings }) => {
    const hours = sku.window.handlingHours;
    const { minHandlingDays, maxHandlingDays } = settings.config.checks;
    if (hours === null || (hours >= minHandlingDays * 24 && hours <= maxHandlingDays * 24)) return undefined;
    return {
      field: 'handling',
      args: { hours, days: Number((hours / 24).toFixed(3)), min: minHandlingDays, max: maxHandlingDays },
    };
  },
  message: ({ hours, days, min, max }) =>
    `declares ${days} ${days === 1 ? 'day' : 'days'} (${hours} h) of handling, outside ${min}-${max} days`,
});
