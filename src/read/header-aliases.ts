import type { HandlingUnit, LengthUnit, WeightUnit } from '../normalize/units.js';
import type { Field } from '../types.js';

export type ColumnUnit = WeightUnit | LengthUnit | HandlingUnit;

export interface HeaderAlias {
  field: Field;
  /** Header texts, compared after `normalizeHeader`. */
  headers: readonly string[];
  /** The unit a bare number in this column is in. */
  unit?: ColumnUnit;
}

/**
 * Which header feeds which field. Data, in one place: the canonical names of SPEC §2 first, so they win
 * over any alias when a file has both. Add a dialect by adding its names here.
 */
export const HEADER_ALIASES: readonly HeaderAlias[] = [
  { field: 'productId', headers: ['product_id'] },
  { field: 'sku', headers: ['sku'] },
  { field: 'title', headers: ['title'] },
  { field: 'category', headers: ['category'] },
  { field: 'brand', headers: ['brand'] },
  { field: 'gtin', headers: ['gtin'] },
  { field: 'mpn', headers: ['mpn'] },
  { field: 'weight', headers: ['weight_kg'], unit: 'kg' },
  { field: 'weight', headers: ['weight_g'], unit: 'g' },
  { field: 'length', headers: ['length_cm'], unit: 'cm' },
  { field: 'width', headers: ['width_cm'], unit: 'cm' },
  { field: 'height', headers: ['height_cm'], unit: 'cm' },
  { field: 'handling', headers: ['handling_days'], unit: 'days' },
  { field: 'handling', headers: ['handling_hours'], unit: 'hours' },
  { field: 'listedAt', headers: ['listed_at'] },
  { field: 'channel', headers: ['channel'] },
  { field: 'price', headers: ['price'] },
  { field: 'currency', headers: ['currency'] },
  { field: 'stock', headers: ['stock'] },
  { field: 'logisticsAttribute', headers: ['logistics_attribute'] },
];

/** Case, surrounding and repeated spaces, and full-width forms (`（kg）`) do not matter in a header. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
