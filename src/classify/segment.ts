import type { Fulfilment, Segment, SizeClass, Track, VarietyClass } from '../types.js';

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
export function trackOf(segment: Segment, specialGoods: boolean): { track: Track; fulfilment: Fulfilment[] } {
  switch (segment) {
    case 'standard-light-small':
      return specialGoods
        ? { track: 'pop', fulfilment: ['jit'] }
        : { track: 'warehouse', fulfilment: ['full-managed'] };
    case 'non-standard-high-variety':
    case 'standard-regular':
      return { track: 'pop', fulfilment: ['semi-managed', 'jit'] };
    case 'unclassified':
      return { track: 'review', fulfilment: [] };
  }
}
