import { skuToJson } from './describe.js';
import type { OutputFormat } from './reporter.js';

/**
 * The JSON report of docs/contract.md#json. The summary comes before the SKUs but is known only after them, so the SKU
 * objects are spooled (see `emit.ts`) and the document is put together at the end.
 */
export const jsonFormat: OutputFormat = {
  name: 'json',
  items: (sku) => jsonItem(skuToJson(sku)),
  separator: ',',
  wrap: ({ meta, summary }, _options, count) => jsonWrap({ ...meta, summary }, 'skus', count),
};

/** One item of a JSON report's list, indented to sit in it. */
export const jsonItem = (item: unknown) => `\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;

/**
 * A JSON report around its spooled items: the head's keys (the run's meta and summary), then `list`, the
 * items. Shared by the catalog (`skus`) and the orders (`orders`) reports.
 */
export function jsonWrap(head: object, list: string, count: number): { before: string; after: string } {
  const text = JSON.stringify(head, null, 2);
  return { before: `${text.slice(0, -2)},\n  "${list}": [`, after: `${count === 0 ? '' : '\n  '}]\n}\n` };
}
