/**
 * The id of every rule, in the order each audit runs them: data the config validates its `rules` keys
 * against, without loading the rules' code (which depends on the config's types). `policy/rules/index.ts`
 * checks at compile time that the registries hold exactly these ids, and a test that the order matches.
 */
export const CATALOG_RULE_IDS = [
  'malformed-row',
  'suspicious-mapping',
  'duplicate-header',
  'missing-sku',
  'duplicate-sku',
  'invalid-number',
  'invalid-date',
  'missing-size-data',
  'missing-listing-date',
  'placeholder-dimensions',
  'implausible-weight',
  'invalid-gtin',
  'handling-out-of-range',
  'formula-like-cell',
  'control-character',
  'unknown-channel',
  'handling-exceeds-window',
  'new-window-ending',
  'warehouse-candidate',
  'full-managed-available',
  'variety-in-warehouse',
  'special-goods-in-warehouse',
] as const;

export const ORDER_RULE_IDS = [
  'order-invalid-times',
  'order-unknown-sku',
  'order-listing-date-unknown',
  'order-late',
  'order-overdue',
  'order-saved-by-extension',
] as const;

/** Every rule id, of both audits. */
export const ALL_RULE_IDS = [...CATALOG_RULE_IDS, ...ORDER_RULE_IDS] as const;
