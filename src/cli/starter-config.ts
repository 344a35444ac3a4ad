import { ORDER_RULES } from '../policy/order-rules/index.js';
import { RULES } from '../policy/rules/index.js';
import { parseConfig } from '../config/load-config.js';
import { SCHEMA_PATH } from '../config/json-schema.js';
import { SIZE_PRESETS } from '../config/presets.js';

/** A config with every default spelled out, for `channel-audit init`. */
export function starterConfig(): Record<string, unknown> {
  const defaults = parseConfig({});
  const { $schema: _schema, ...rest } = defaults;
  return {
    $schema: `./node_modules/channel-audit/${SCHEMA_PATH}`,
    ...rest,
    size: { ...SIZE_PRESETS[defaults.size.preset], preset: defaults.size.preset },
    rules: Object.fromEntries([...RULES, ...ORDER_RULES].map((rule) => [rule.id, rule.severity])),
  };
}
