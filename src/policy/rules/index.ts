import { CATALOG_RULE_IDS, ORDER_RULE_IDS } from '../../config/rule-ids.js';
import { ORDER_RULES, type OrderRuleId } from '../order-rules/index.js';
import type { Severity } from '../../core/types.js';
import controlCharacter from './control-character.js';
import duplicateHeader from './duplicate-header.js';
import duplicateSku from './duplicate-sku.js';
import formulaLikeCell from './formula-like-cell.js';
import fullManagedAvailable from './full-managed-available.js';
import handlingExceedsWindow from './handling-exceeds-window.js';
import handlingOutOfRange from './handling-out-of-range.js';
import implausibleWeight from './implausible-weight.js';
import invalidDate from './invalid-date.js';
import invalidGtin from './invalid-gtin.js';
import invalidNumber from './invalid-number.js';
import malformedRow from './malformed-row.js';
import missingListingDate from './missing-listing-date.js';
import missingSizeData from './missing-size-data.js';
import missingSku from './missing-sku.js';
import newWindowEnding from './new-window-ending.js';
import placeholderDimensions from './placeholder-dimensions.js';
import specialGoodsInWarehouse from './special-goods-in-warehouse.js';
import suspiciousMapping from './suspicious-mapping.js';
import unknownChannel from './unknown-channel.js';
import varietyInWarehouse from './variety-in-warehouse.js';
import warehouseCandidate from './warehouse-candidate.js';

/** Every rule, in the order docs/contract.md#rules lists them (malformed-row first: it explains the rest of its row). */
export const RULES = [
  malformedRow,
  suspiciousMapping,
  duplicateHeader,
  missingSku,
  duplicateSku,
  invalidNumber,
  invalidDate,
  missingSizeData,
  missingListingDate,
  placeholderDimensions,
  implausibleWeight,
  invalidGtin,
  handlingOutOfRange,
  formulaLikeCell,
  controlCharacter,
  unknownChannel,
  handlingExceedsWindow,
  newWindowEnding,
  warehouseCandidate,
  fullManagedAvailable,
  varietyInWarehouse,
  specialGoodsInWarehouse,
] as const;

export type RuleId = (typeof RULES)[number]['id'];

// The registries hold exactly the ids the config knows (`config/rule-ids.ts`): either side changed alone
// fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogIdsMatch: Same<RuleId, (typeof CATALOG_RULE_IDS)[number]> = true;
const orderIdsMatch: Same<OrderRuleId, (typeof ORDER_RULE_IDS)[number]> = true;
void [catalogIdsMatch, orderIdsMatch];
export const RULE_IDS = CATALOG_RULE_IDS;

type AnyRule = {
  id: string;
  severity: Severity;
  kind: 'data' | 'policy';
  summary: string;
  why: string;
  message(args: never): string;
};

const BY_ID = new Map<string, AnyRule>(
  [...RULES, ...ORDER_RULES].map((rule) => [rule.id, rule as unknown as AnyRule]),
);

/** A rule of either audit by its id. */
export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}
