import { cellOf, type ColumnMap } from '../read/map-columns.js';
import type { CatalogRecord, Field, NormalizedSku, NumberCell } from '../types.js';
import { parseChannel } from './channel.js';
import { parseDate } from './dates.js';
import { isValidGtin } from './gtin.js';
import { isSpecialGoods } from './logistics.js';
import {
  type HandlingUnit,
  handlingUnitOf,
  type LengthUnit,
  lengthUnitOf,
  type NumberStyle,
  parseHandlingHours,
  parseLengthCm,
  parsePlainNumber,
  parsePrice,
  parseWeightKg,
  type WeightUnit,
  weightUnitOf,
} from './units.js';

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A measured field: the unit is the one in the cell, else the row's unit column (Amazon), else the
 * header's, else the default. An unknown unit in the unit column makes the value unreadable (NaN).
 */
function measure<U extends string>(
  cells: readonly string[],
  map: ColumnMap,
  field: Field,
  fallback: U,
  unitOf: (word: string) => U | undefined,
  parse: (text: string, unit: U, style: NumberStyle) => NumberCell,
  style: NumberStyle,
): NumberCell {
  const value = cellOf(cells, map, field);
  let unit = (map.unit[field] as U | undefined) ?? fallback;
  const unitIndex = map.unitColumn[field];
  const unitCell = unitIndex === undefined ? '' : (cells[unitIndex] ?? '').trim();
  if (unitCell !== '') {
    const found = unitOf(unitCell);
    if (found === undefined) return value.trim() === '' ? null : Number.NaN;
    unit = found;
  }
  return parse(value, unit, style);
}

/** A record → typed values. Pure: no verdicts, no findings; unreadable numbers become NaN. */
export function normalizeRow(record: CatalogRecord, map: ColumnMap, style: NumberStyle): NormalizedSku {
  const { cells } = record;
  const cell = (field: Field) => cellOf(cells, map, field);
  const productId = text(cell('productId'));
  const sku = text(cell('sku'));
  const listedAtRaw = text(cell('listedAt'));
  const channelRaw = text(cell('channel'));
  const channel = parseChannel(channelRaw ?? '');
  const gtin = text(cell('gtin'));
  return {
    line: record.line,
    record: record.record,
    productId,
    sku,
    productKey: productId ?? sku,
    title: text(cell('title')),
    category: text(cell('category')),
    brand: text(cell('brand')),
    gtin,
    gtinValid: gtin !== null && isValidGtin(gtin),
    mpn: text(cell('mpn')),
    weightKg: measure<WeightUnit>(cells, map, 'weight', 'kg', weightUnitOf, parseWeightKg, style),
    lengthCm: measure<LengthUnit>(cells, map, 'length', 'cm', lengthUnitOf, parseLengthCm, style),
    widthCm: measure<LengthUnit>(cells, map, 'width', 'cm', lengthUnitOf, parseLengthCm, style),
    heightCm: measure<LengthUnit>(cells, map, 'height', 'cm', lengthUnitOf, parseLengthCm, style),
    handlingHours: measure<HandlingUnit>(
      cells,
      map,
      'handling',
      'days',
      handlingUnitOf,
      parseHandlingHours,
      style,
    ),
    price: parsePrice(cell('price'), style),
    stock: parsePlainNumber(cell('stock'), style),
    listedAt: listedAtRaw === null ? null : parseDate(listedAtRaw),
    listedAtRaw,
    channel: channel ?? null,
    channelRaw,
    specialGoods: isSpecialGoods(cell('logisticsAttribute')),
    cells,
    rawWidth: record.rawWidth,
    text: record.text,
  };
}
