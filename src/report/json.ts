import { skuToJson } from './describe.js';
import type { OutputFormat } from './reporter.js';

/**
 * The JSON report of docs/contract.md#json. The summary comes before the SKUs but is known only after them, so the SKU
 * objects are spooled (see `emit.ts`) and the document is put together at the end.
 */
export const jsonFormat: OutputFormat = {
  name: 'json',
  items: (sku) => `\n    ${JSON.stringify(skuToJson(sku), null, 2).replace(/\n/g, '\n    ')}`,
  separator: ',',
  wrap({ meta, summary }, _options, count) {
    const head = JSON.stringify({ ...meta, summary }, null, 2);
    return { before: `${head.slice(0, -2)},\n  "skus": [`, after: `${count === 0 ? '' : '\n  '}]\n}\n` };
  },
};
