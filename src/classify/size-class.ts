import type { SizeEnvelope } from '../config/presets.js';
import type { NormalizedSku, Reason, SizeClass } from '../types.js';

const usable = (n: number | null): n is number => n !== null && n > 0;

/** light-small inside the envelope (every limit inclusive), regular outside it, unknown without data. */
export function sizeClass(
  sku: NormalizedSku,
  envelope: SizeEnvelope,
): { sizeClass: SizeClass; reason: Reason } {
  const { weightKg, lengthCm, widthCm, heightCm } = sku;
  if (!usable(weightKg) || !usable(lengthCm) || !usable(widthCm) || !usable(heightCm)) {
    return { sizeClass: 'unknown', reason: { code: 'size-unknown' } };
  }
  const sides = [lengthCm, widthCm, heightCm].map(round).sort((a, b) => b - a) as [number, number, number];
  const sumCm = round(sides[0] + sides[1] + sides[2]);
  const weight = round(weightKg);
  const fits =
    weight <= envelope.maxWeightKg &&
    (envelope.maxLongestSideCm === undefined || sides[0] <= envelope.maxLongestSideCm) &&
    (envelope.maxSumOfSidesCm === undefined || sumCm <= envelope.maxSumOfSidesCm) &&
    (envelope.maxSidesCm === undefined || sides.every((side, i) => side <= (envelope.maxSidesCm?.[i] ?? 0)));
  const facts = { weightKg: weight, longestCm: sides[0], sumCm };
  return fits
    ? { sizeClass: 'light-small', reason: { code: 'light-small', ...facts } }
    : { sizeClass: 'regular', reason: { code: 'regular', ...facts } };
}

/** Rounds away binary noise (0.1 + 0.2) so that inclusive limits hold for the numbers as typed. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
