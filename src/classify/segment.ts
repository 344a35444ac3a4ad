import type { Fulfilment, Segment, SizeClass, Track, VarietyClass } from '../core/types.js';

export function segmentOf(variety: VarietyClass, size: SizeClass): Segment {
  if (variety === 'non-standard') return 'non-standard-high-variety';
  if (size === 'light-small') return 'standard-light-small';
  if (size === 'regular') return 'standard-regular';
  return 'unclassified';
}

/**
 * The dual-track recommendation: standard light-small goods to the platform warehouse (full-managed),
 * unless they are special goods a warehouse will not take; everything else stays with the merchant (POP),
 * shipped semi-managed or just-in-time; without a size, a person has to look.
 */
const WAREHOUSE = { track: 'warehouse', fulfilment: ['full-managed'] } as const;
const JUST_IN_TIME = { track: 'pop', fulfilment: ['jit'] } as const;
const POP = { track: 'pop', fulfilment: ['semi-managed', 'jit'] } as const;
const REVIEW = { track: 'review', fulfilment: [] } as const;

export function trackOf(segment: Segment, specialGoods: boolean): { track: Track; fulfilment: Fulfilment[] } {
  const choice = pick(segment, specialGoods);
  return choice as unknown as { track: Track; fulfilment: Fulfilment[] };
}

function pick(segment: Segment, specialGoods: boolean) {
  switch (segment) {
    case 'standard-light-small':
      return specialGoods ? JUST_IN_TIME : WAREHOUSE;
    case 'non-standard-high-variety':
    case 'standard-regular':
      return POP;
    case 'unclassified':
      return REVIEW;
  }
}
