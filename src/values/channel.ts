import type { Channel } from '../core/types.js';

/** The spellings of the current mode that exports use, in English and Chinese back offices. */
const CHANNEL_WORDS = new Map<string, Channel>([
  ['pop', 'pop'],
  ['self-operated', 'pop'],
  ['自运营', 'pop'],
  ['自营', 'pop'],
  ['semi-managed', 'semi-managed'],
  ['semi', 'semi-managed'],
  ['semi-hosted', 'semi-managed'],
  ['半托管', 'semi-managed'],
  ['full-managed', 'full-managed'],
  ['full', 'full-managed'],
  ['fully-managed', 'full-managed'],
  ['choice', 'full-managed'],
  ['warehouse', 'full-managed'],
  ['全托管', 'full-managed'],
  ['仓发', 'full-managed'],
  ['jit', 'jit'],
]);

/** A channel cell → the mode, `null` when empty, `undefined` when the value is not one we know. */
export function parseChannel(text: string): Channel | null | undefined {
  // Most cells are already one of the spellings.
  const known = CHANNEL_WORDS.get(text);
  if (known !== undefined) return known;
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (value === '') return null;
  return CHANNEL_WORDS.get(value);
}
