import { type ColumnMap, cellOf } from '../read/map-columns.js';
import type { CatalogRecord, NormalizedSku } from '../types.js';
import { parseChannel } from './channel.js';
import { parseDate } from './dates.js';
import { isSpecialGoods } from './logistics.js';
import {
  type HandlingUnit,
  type LengthUnit,
  type NumberStyle,
  parseHandlingHours,
  parseLengthCm,
  parsePlainNumber,
  parseWeightKg,
  type WeightUnit,
} from './units.js';

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A record → typed values. Pure: no verdicts, no findings; unreadable numbers become NaN. */
export function normalizeRow(record: CatalogRecord, map: ColumnMap, style: NumberStyle): NormalizedSku {
  const { cells } = record;
  const cell = (field: Parameters<typeof cellOf>[2]) => cellOf(cells, map, field);
  const productId = text(cell('productId'));
  const sku = text(cell('sku'));
  const listedAtRaw = text(cell('listedAt'));
  const channelRaw = text(cell('channel'));
  const channel = parseChannel(channelRaw ?? '');
  return {
    line: record.line,
    record: record.record,
    productId,
    sku,
    productKey: productId ?? sku,
    title: text(cell('title')),
    category: text(cell('category')),
    brand: text(cell('brand')),
    gtin: text(cell('gtin')),
    mpn: text(cell('mpn')),
    weightKg: parseWeightKg(cell('weight'), (map.unit.weight as WeightUnit) ?? 'kg', style),
    lengthCm: parseLengthCm(cell('length'), (map.unit.length as LengthUnit) ?? 'cm', style),
    widthCm: parseLengthCm(cell('width'), (map.unit.width as LengthUnit) ?? 'cm', style),
    heightCm: parseLengthCm(cell('height'), (map.unit.height as LengthUnit) ?? 'cm', style),
    handlingHours: parseHandlingHours(cell('handling'), (map.unit.handling as HandlingUnit) ?? 'days', style),
    price: parsePlainNumber(cell('price'), style),
    stock: parsePlainNumber(cell('stock'), style),
    listedAt: listedAtRaw === null ? null : parseDate(listedAtRaw),
    listedAtRaw,
    channel: channel ?? null,
    channelRaw,
    specialGoods: isSpecialGoods(cell('logisticsAttribute')),
    cells,
    rawWidth: record.rawWidth,
  };
}
