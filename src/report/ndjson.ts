import { skuToJson } from './describe.js';
import type { OutputFormat } from './reporter.js';

/** One SKU object per line, as it is audited: for `jq`, spreadsheets and scripts. */
export const ndjsonFormat: OutputFormat = {
  name: 'ndjson',
  items: (sku) => `${JSON.stringify(skuToJson(sku))}\n`,
};
