import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'unknown-channel',
  severity: 'warning',
  kind: 'data',
  summary: 'The current channel is not one of pop, semi-managed, full-managed or jit',
  why: 'The channel advice and the window exemption for full-managed SKUs depend on the current mode.',
  check: (sku) =>
    sku.channelRaw !== null && sku.channel === null
      ? { field: 'channel', args: { value: sku.channelRaw } }
      : undefined,
  message: ({ value }) =>
    `channel "${value}" is not pop, semi-managed, full-managed or jit (nor 自运营, 半托管, 全托管, 仓发): channel advice skipped`,
});
