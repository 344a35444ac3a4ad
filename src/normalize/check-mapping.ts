import { type ColumnMap, type MappingWarning, unitInHeader } from '../read/map-columns.js';
import { type CatalogRecord, type Field, MEASURES } from '../core/types.js';
import { rowNormalizer } from './normalize-row.js';
import type { NumberStyle } from '../values/units.js';

/** How many data rows, from the top, the mapping is checked on. */
export const CHECKED_ROWS = 1000;

/** Share of a column's filled cells that must look wrong before its mapping is called doubtful. */
const DOUBT = 0.5;

/** Fewer filled cells than this say too little of a column (each bad one is still a finding of its row). */
const SEEN = 3;

/** Kinds of listing that WooCommerce (`Type`), Magento 2 (`product_type`) and others put in a column. */
const PRODUCT_TYPES = new Set([
  'simple',
  'variable',
  'variation',
  'configurable',
  'bundle',
  'grouped',
  'virtual',
  'downloadable',
  'external',
  'giftcard',
  'simple-product',
]);

const NUMERIC = [...MEASURES, ['stock', 'stock']] as const;

/**
 * Whether each mapped column looks like its field on the first rows of the file: a category column of
 * product types, a SKU column of sequential numbers beside a column of codes, a number or date column
 * whose cells mostly do not read as such, a weight whose unit is not said and whose values look like
 * grams. Each doubt names the field, the header, why, and a better column when one is seen.
 */
export function checkMapping(
  columns: ColumnMap,
  records: readonly CatalogRecord[],
  style: NumberStyle,
): MappingWarning[] {
  const warnings: MappingWarning[] = [];
  if (records.length === 0) return warnings;
  const header = (field: Field) => columns.headers[columns.index[field] ?? -1] ?? '';
  const values = (column: number) =>
    records.map((r) => (r.cells[column] ?? '').trim()).filter((cell) => cell !== '');
  const normalize = rowNormalizer(columns, style);
  const skus = records.map(normalize);
  const warn = (field: Field, why: string, better?: number) => {
    const column = columns.index[field];
    // The sides of one cell (`20*15*10`) are one column: one warning.
    if (warnings.some((w) => columns.index[w.field] === column)) return;
    warnings.push({
      field,
      header: header(field),
      why,
      ...(better !== undefined ? { better: columns.headers[better] ?? '' } : {}),
    });
  };
  const unread = columns.headers.flatMap((_, i) =>
    columns.fieldOf[i] === undefined && i !== columns.sheetColumn ? [i] : [],
  );

  const category = columns.index.category;
  if (category !== undefined) {
    const cells = values(category);
    const types = cells.filter((cell) =>
      cell
        .toLowerCase()
        .split(/[,\s]+/)
        .every((word) => word === '' || PRODUCT_TYPES.has(word)),
    );
    if (cells.length > 0 && types.length / cells.length >= DOUBT) {
      warn(
        'category',
        `its values are kinds of listing (${example(types)}), not categories`,
        unread.find((i) => /categor|分类|类目/i.test(columns.headers[i] ?? '')),
      );
    }
  }

  const sku = columns.index.sku;
  if (sku !== undefined) {
    const cells = values(sku);
    if (cells.length >= 3 && isSequential(cells)) {
      // Only a column whose header names a code (`REF`, `Reference`, `货号`, `SKU编码`): a colour or size
      // code beside real numeric SKUs is not one.
      const codes = unread.find(
        (i) => CODE_HEADER.test(columns.headers[i] ?? '') && looksLikeCodes(values(i), records.length),
      );
      if (codes !== undefined) {
        warn('sku', `its values are sequential numbers (${example(cells)}), like a database row id`, codes);
      }
    }
  }

  for (const [field, key] of NUMERIC) {
    const column = columns.index[field];
    if (column === undefined) continue;
    const filled = skus.filter((s) => s[key] !== null);
    const unreadable = filled.filter((s) => Number.isNaN(s[key] as number));
    if (filled.length >= SEEN && unreadable.length / filled.length >= DOUBT) {
      const first = unreadable[0];
      const cell = first === undefined ? '' : (first.cells[column] ?? '').trim();
      warn(field, `${unreadable.length} of its first ${filled.length} values are not numbers ("${cell}")`);
    }
  }

  if (columns.index.listedAt !== undefined) {
    const filled = skus.filter((s) => s.listedAt !== null);
    const invalid = filled.filter((s) => s.listedAt === 'invalid');
    if (filled.length >= SEEN && invalid.length / filled.length >= DOUBT) {
      warn(
        'listedAt',
        `${invalid.length} of its first ${filled.length} values are not dates ("${invalid[0]?.listedAtRaw ?? ''}")`,
      );
    }
  }

  const weight = columns.index.weight;
  if (weight !== undefined && columns.unitColumn.weight === undefined) {
    const stated = unitInHeader('weight', header('weight')) !== undefined;
    const kilos = skus.flatMap((s) => (s.weightKg !== null && s.weightKg > 0 ? [s.weightKg] : []));
    const median = kilos.sort((a, b) => a - b)[Math.floor(kilos.length / 2)];
    if (!stated && columns.unit.weight === 'kg' && median !== undefined && median > GRAMS_LIKE_KG) {
      warn(
        'weight',
        `its header names no unit and its values (median ${median}) look like grams, read as kg`,
      );
    } else if (!stated && columns.headers.includes('attribute_set_code')) {
      // Magento 2 writes weights in the store's unit (lbs unless set to kgs), and never says which.
      warn(
        'weight',
        "Magento's weight is in the store's weight unit (lbs by default), which the export does not say; read as kg",
      );
    }
  }
  return warnings;
}

/** Headers of columns that hold a seller's codes for the goods. */
const CODE_HEADER =
  /sku|\bref\b|reference|référence|referencia|货号|编码|article|artikel|item.?(?:no|number|code)|product.?code|seller.?code/i;

/** A median weight above this many kilograms, in a column whose header names no unit, is grams. */
const GRAMS_LIKE_KG = 30;

function example(cells: readonly string[]): string {
  return [...new Set(cells)]
    .slice(0, 3)
    .map((c) => `"${c}"`)
    .join(', ');
}

/** Whole numbers, nearly all larger than the one before: a row id, not a SKU code. */
function isSequential(cells: readonly string[]): boolean {
  if (!cells.every((cell) => /^\d+$/.test(cell))) return false;
  let rising = 0;
  for (let i = 1; i < cells.length; i++) if (Number(cells[i]) > Number(cells[i - 1])) rising++;
  return rising / (cells.length - 1) >= 0.9;
}

/** Filled on most rows, mostly distinct, and mixing letters with digits or dashes: SKU codes. */
function looksLikeCodes(cells: readonly string[], rows: number): boolean {
  if (cells.length < rows * 0.8 || cells.length < 3) return false;
  const codes = cells.filter(
    (cell) =>
      /^[\p{L}\d][\p{L}\d._/-]{1,63}$/u.test(cell) &&
      /\d|-/.test(cell) &&
      !/^\d+$/.test(cell) &&
      !/\s/.test(cell),
  );
  return codes.length / cells.length >= 0.9 && new Set(cells).size / cells.length >= 0.9;
}
