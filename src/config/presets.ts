/** A light-small envelope; every limit is inclusive. */
export interface SizeEnvelope {
  maxWeightKg: number;
  maxLongestSideCm?: number;
  maxSumOfSidesCm?: number;
  /** Sorted sides, longest first. */
  maxSidesCm?: readonly [number, number, number];
}

export const SIZE_PRESET_NAMES = [
  'ae-light-small',
  'amazon-us-small-standard',
  'amazon-eu-small-parcel',
] as const;
export type SizePresetName = (typeof SIZE_PRESET_NAMES)[number];

export const SIZE_PRESETS: Record<SizePresetName, SizeEnvelope> = {
  // The ePacket envelope that AliExpress light-small goods ship in.
  'ae-light-small': { maxWeightKg: 2, maxLongestSideCm: 60, maxSumOfSidesCm: 90 },
  // Amazon US small standard-size: 16 oz, 15 × 12 × 0.75 in.
  'amazon-us-small-standard': { maxWeightKg: 0.4536, maxSidesCm: [38.1, 30.48, 1.905] },
  // Amazon EU small parcel: 3.9 kg, 35 × 25 × 12 cm.
  'amazon-eu-small-parcel': { maxWeightKg: 3.9, maxSidesCm: [35, 25, 12] },
};
