import { categoryMatcher } from '../values/category-match.js';
import type { Config } from '../config/schema.js';
import { eligibleCategories } from '../config/settings.js';
import { addDays, parseDate } from '../values/dates.js';
import { InputError } from '../core/errors.js';
import { detach } from '../core/detach.js';
import { KeyTable } from '../core/key-table.js';
import { cellOf, headerScore, mapColumns } from '../read/map-columns.js';
import type { CatalogSource } from '../read/open-source.js';
import { detectTableFormat, openCatalog, type ReadOptions } from '../read/read-catalog.js';

const DAY_MS = 86_400_000;

/** What an orders audit needs of each catalog SKU, kept as numbers in a hash table: no strings. */
export interface CatalogLookup {
  /** Catalog rows read. */
  rows: number;
  /** Product id of each SKU (an index into `products`), kept only when the orders do not say it. */
  productOf: KeyTable | null;
  products: string[];
  /** SKU → newUntil as a day number + 1 (0: no valid listing date), times 2, + 1 when the category is eligible. */
  skus: KeyTable;
}

/** Days since 1970, shifted so that any listing date since 1700 is a positive number. */
const SHIFT = 100_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS) + SHIFT;

/** Reads the catalog once, with the same reader as the catalog audit, into a lookup table. */
export async function readCatalogLookup(
  source: CatalogSource,
  config: Config,
  options: ReadOptions,
  needProducts: boolean,
  onBytes?: (bytes: number) => void,
): Promise<CatalogLookup> {
  // The header row is found as the catalog audit finds it: below a title or notes.
  const score = (cells: readonly string[]) => headerScore(cells, config.columns);
  const format = await detectTableFormat(source, options, score);
  const reader = await openCatalog(source, format, { score });
  let columns: ReturnType<typeof mapColumns>;
  try {
    columns = mapColumns(
      reader.headers,
      config.columns,
      "name it with --catalog-map FIELD=HEADER or in the config's columns",
    );
  } catch (error) {
    throw new InputError(`the catalog ${source.name}: ${(error as Error).message}`);
  }
  if (columns.index.listedAt === undefined) {
    throw new InputError(
      `the catalog ${source.name} has no listing-date column (listed_at, gmt_create, 上架时间…): the 96 h window of new products cannot be known; name it with --catalog-map FIELD=HEADER or in the config's columns (headers seen: ${reader.headers.map((h) => JSON.stringify(h)).join(', ')})`,
    );
  }
  const productOf = needProducts ? new KeyTable() : null;
  const products: string[] = [];
  const productIndex = new Map<string, number>();
  const eligible = categoryMatcher(eligibleCategories(config));
  const skus = new KeyTable();
  let rows = 0;
  for await (const batch of reader.records) {
    for (const record of batch) {
      rows++;
      const sku =
        cellOf(record.cells, columns, 'sku').trim() || cellOf(record.cells, columns, 'productId').trim();
      if (sku === '') continue;
      const listed = parseDate(cellOf(record.cells, columns, 'listedAt'));
      const until =
        listed === null || listed === 'invalid'
          ? 0
          : dayNumber(addDays(listed, config.window.newProductDays)) + 1;
      const category = cellOf(record.cells, columns, 'category').trim() || null;
      skus.setIfAbsent(sku, until * 2 + (eligible.match(category) !== undefined ? 1 : 0));
      const product = cellOf(record.cells, columns, 'productId').trim();
      if (productOf !== null && product !== '') {
        let index = productIndex.get(product);
        if (index === undefined) {
          index = products.length;
          products.push(detach(product));
          productIndex.set(products[index] as string, index);
        }
        productOf.setIfAbsent(sku, index);
      }
    }
    onBytes?.(reader.bytesRead());
  }
  return { rows, skus, productOf, products };
}

/** The SKU's newUntil day (ISO) and eligibility, or undefined when the catalog does not have it. */
export function lookupSku(
  lookup: CatalogLookup,
  sku: string,
): { newUntil: string | null; eligible: boolean; productId: string | null } | undefined {
  const value = lookup.skus.get(sku);
  if (value === undefined) return undefined;
  const until = Math.floor(value / 2);
  const product = lookup.productOf?.get(sku);
  return {
    productId: product === undefined ? null : (lookup.products[product] ?? null),
    newUntil: until === 0 ? null : new Date((until - 1 - SHIFT) * DAY_MS).toISOString().slice(0, 10),
    eligible: value % 2 === 1,
  };
}
