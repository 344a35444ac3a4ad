import { type CategoryMatcher, categoryMatcher } from '../values/category-match.js';
import type { IsoDate } from '../core/types.js';
import { SIZE_PRESETS, type SizeEnvelope } from './presets.js';
import type { Config } from './schema.js';

/** The config, resolved once per run into what the classifiers and rules use directly. */
export interface Settings {
  config: Config;
  asOf: IsoDate;
  envelope: SizeEnvelope;
  nonStandard: CategoryMatcher;
  standard: CategoryMatcher;
  eligible: CategoryMatcher;
  madeToOrder: readonly string[];
  noBrand: ReadonlySet<string>;
}

/** The categories whose new products get the longer window: the non-standard ones unless configured. */
export function eligibleCategories(config: Config): readonly string[] | '*' {
  return config.window.eligibleCategories ?? config.categories.nonStandard;
}

export function resolveSettings(config: Config, asOf: IsoDate): Settings {
  const { preset, ...limits } = config.size;
  const envelope: SizeEnvelope = { ...SIZE_PRESETS[preset] };
  if (limits.maxWeightKg !== undefined) envelope.maxWeightKg = limits.maxWeightKg;
  if (limits.maxLongestSideCm !== undefined) envelope.maxLongestSideCm = limits.maxLongestSideCm;
  if (limits.maxSumOfSidesCm !== undefined) envelope.maxSumOfSidesCm = limits.maxSumOfSidesCm;
  if (limits.maxSidesCm !== undefined) envelope.maxSidesCm = limits.maxSidesCm;
  const nonStandard = categoryMatcher(config.categories.nonStandard);
  return {
    config,
    asOf,
    envelope,
    nonStandard,
    standard: categoryMatcher(config.categories.standard),
    // By default the eligible categories are the non-standard ones: then the same matcher, one cache.
    eligible:
      config.window.eligibleCategories === undefined
        ? nonStandard
        : categoryMatcher(eligibleCategories(config)),
    madeToOrder: config.variety.madeToOrderKeywords.map((k) => k.toLowerCase()),
    noBrand: new Set(config.variety.noBrandValues.map((v) => v.toLowerCase())),
  };
}
