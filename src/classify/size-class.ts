import type { SizeEnvelope } from '../config/presets.js';
import type { NormalizedSku, Reason, SizeClass } from '../core/types.js';

const usable = (n: number | null): n is number => n !== null && n > 0;

/** light-small inside the envelope (every limit inclusive), regular outside it, unknown without data. */
export function sizeClass(
  sku: NormalizedSku,
  envelope: SizeEnvelope,
): { sizeClass: SizeClass; reason: Reason } {
  const { weightKg, lengthCm, widthCm, heightCm } = sku;
  if (!usable(weightKg) || !usable(lengthCm) || !usable(widthCm) || !usable(heightCm)) {
    const fields = { weight: weightKg, length: lengthCm, width: widthCm, height: heightCm };
    const missing = Object.entries(fields)
      .filter(([, value]) => !usable(value))
      .map(([field]) => field);
    return { sizeClass: 'unknown', reason: { code: 'size-unknown', missing } };
  }
  const sides = descending(round(lengthCm), round(widthCm), round(heightCm));
  const sumCm = round(sides[0] + sides[1] + sides[2]);
  const weight = round(weightKg);
  const over: string[] = [];
  if (weight > envelope.maxWeightKg) over.push(`weight over ${envelope.maxWeightKg} kg`);
  if (envelope.maxLongestSideCm !== undefined && sides[0] > envelope.maxLongestSideCm) {
    over.push(`longest side over ${envelope.maxLongestSideCm} cm`);
  }
  if (envelope.maxSumOfSidesCm !== undefined && sumCm > envelope.maxSumOfSidesCm) {
    over.push(`sides sum over ${envelope.maxSumOfSidesCm} cm`);
  }
  const maxSides = envelope.maxSidesCm;
  if (maxSides !== undefined && sides.some((side, i) => side > (maxSides[i] ?? 0))) {
    over.push(`sides over ${maxSides.join(' × ')} cm`);
  }
  const facts = { weightKg: weight, longestCm: sides[0], sumCm };
  return over.length === 0
    ? { sizeClass: 'light-small', reason: { code: 'light-small', ...facts } }
    : { sizeClass: 'regular', reason: { code: 'regular', ...facts, over } };
}

function descending(a: number, b: number, c: number): [number, number, number] {
  if (a < b) [a, b] = [b, a];
  if (b < c) [b, c] = [c, b];
  if (a < b) [a, b] = [b, a];
  return [a, b, c];
}

/** Rounds away binary noise (0.1 + 0.2) so that inclusive limits hold for the numbers as typed. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
