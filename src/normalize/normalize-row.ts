import type { ColumnMap } from '../read/map-columns.js';
import type { CatalogRecord, Field, NormalizedSku, NumberCell } from '../core/types.js';
import { parseChannel } from '../values/channel.js';
import { parseDate } from '../values/dates.js';
import { anyFormulaLike } from '../values/formula-like.js';
import { isValidGtin } from '../values/gtin.js';
import { isSpecialGoods } from '../values/logistics.js';
import {
  type HandlingUnit,
  handlingUnitOf,
  type LengthUnit,
  lengthUnitOf,
  type NumberStyle,
  parseHandlingHours,
  parseLengthCm,
  parseSidesCm,
  parsePlainNumber,
  parsePrice,
  parseWeightKg,
  type WeightUnit,
  weightUnitOf,
} from '../values/units.js';

/** A cell by column number; '' for a column the file does not have (-1). */
function at(cells: readonly string[], column: number): string {
  return column < 0 ? '' : (cells[column] ?? '');
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A measured field: the unit is the one in the cell, else the row's unit column (Amazon), else the
 * header's, else the default. An unknown unit in the unit column makes the value unreadable (NaN).
 */
function measured<U extends string>(
  map: ColumnMap,
  field: Field,
  fallback: U,
  unitOf: (word: string) => U | undefined,
  parse: (text: string, unit: U, style: NumberStyle) => NumberCell,
  style: NumberStyle,
): (cells: readonly string[]) => NumberCell {
  const column = map.index[field] ?? -1;
  const headerUnit = (map.unit[field] as U | undefined) ?? fallback;
  const unitColumn = map.unitColumn[field];
  if (unitColumn === undefined) return (cells) => parse(at(cells, column), headerUnit, style);
  return (cells) => {
    const value = at(cells, column);
    const unitCell = (cells[unitColumn] ?? '').trim();
    if (unitCell === '') return parse(value, headerUnit, style);
    const found = unitOf(unitCell);
    if (found === undefined) return value.trim() === '' ? null : Number.NaN;
    return parse(value, found, style);
  };
}

/** A side: from its own column, or its place in a cell that holds all three (`20*15*10`). */
function side(
  map: ColumnMap,
  field: 'length' | 'width' | 'height',
  style: NumberStyle,
): (cells: readonly string[]) => NumberCell {
  const place = map.side[field];
  if (place === undefined) return measured<LengthUnit>(map, field, 'cm', lengthUnitOf, parseLengthCm, style);
  const column = map.index[field] ?? -1;
  const unit = (map.unit[field] as LengthUnit | undefined) ?? 'cm';
  return (cells) => parseSidesCm(at(cells, column), unit, style)[place];
}

/**
 * A record → typed values. Pure: no verdicts, no findings; unreadable numbers become NaN. The columns are
 * looked up once, when the normalizer is made for a file's column map, not once per row.
 */
export function rowNormalizer(map: ColumnMap, style: NumberStyle): (record: CatalogRecord) => NormalizedSku {
  const column = (field: Field) => map.index[field] ?? -1;
  const [productIdAt, skuAt, titleAt, categoryAt, brandAt, gtinAt, mpnAt] = (
    ['productId', 'sku', 'title', 'category', 'brand', 'gtin', 'mpn'] as const
  ).map(column) as [number, number, number, number, number, number, number];
  const [priceAt, stockAt, listedAtAt, channelAt, logisticsAt] = (
    ['price', 'stock', 'listedAt', 'channel', 'logisticsAttribute'] as const
  ).map(column) as [number, number, number, number, number];
  const weight = measured<WeightUnit>(map, 'weight', 'kg', weightUnitOf, parseWeightKg, style);
  const length = side(map, 'length', style);
  const width = side(map, 'width', style);
  const height = side(map, 'height', style);
  const handling = measured<HandlingUnit>(map, 'handling', 'days', handlingUnitOf, parseHandlingHours, style);

  const sheetAt = map.sheetColumn ?? -1;

  return (record) => {
    const { cells } = record;
    // With several sheets, a sheet's name is the category of its rows that have none (one sheet per category).
    const sheet = text(at(cells, sheetAt));
    const productId = text(at(cells, productIdAt));
    const sku = text(at(cells, skuAt));
    const listedAtRaw = text(at(cells, listedAtAt));
    const channelRaw = text(at(cells, channelAt));
    const channel = parseChannel(channelRaw ?? '');
    const gtin = text(at(cells, gtinAt));
    return {
      line: record.line,
      record: record.record,
      sheet,
      productId,
      sku,
      productKey: productId ?? sku,
      title: text(at(cells, titleAt)),
      category: text(at(cells, categoryAt)) ?? sheet,
      brand: text(at(cells, brandAt)),
      gtin,
      gtinValid: gtin !== null && isValidGtin(gtin),
      mpn: text(at(cells, mpnAt)),
      weightKg: weight(cells),
      lengthCm: length(cells),
      widthCm: width(cells),
      heightCm: height(cells),
      handlingHours: handling(cells),
      price: parsePrice(at(cells, priceAt), style),
      stock: parsePlainNumber(at(cells, stockAt), style),
      listedAt: listedAtRaw === null ? null : parseDate(listedAtRaw),
      listedAtRaw,
      channel: channel ?? null,
      channelRaw,
      specialGoods: isSpecialGoods(at(cells, logisticsAt)),
      cells,
      formulaLike: anyFormulaLike(cells),
      controlCharacter: record.control === true,
      rawWidth: record.rawWidth,
      text: record.text,
    };
  };
}
