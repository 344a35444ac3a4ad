import { InputError, NoHeaderError } from '../core/errors.js';
import { handlingUnitOf, lengthUnitOf, weightUnitOf } from '../values/units.js';
import { FIELDS, type Field } from '../core/types.js';
import {
  type ColumnUnit,
  HEADER_ALIASES,
  type HeaderAlias,
  type HeaderReading,
  normalizeHeader,
  readHeader,
} from './header-aliases.js';

export interface ColumnMap {
  headers: readonly string[];
  /** Column index of each field the file has. */
  index: Partial<Record<Field, number>>;
  /** The unit a bare number in the field's column is in. */
  unit: Partial<Record<Field, ColumnUnit>>;
  /** A column that holds each row's unit of the field (Amazon's `…_unit_of_measure`). */
  unitColumn: Partial<Record<Field, number>>;
  /** Sides read from one cell that holds all three (`20*15*10`): the place of each in the cell. */
  side: Partial<Record<'length' | 'width' | 'height', 0 | 1 | 2>>;
  /** Field of each column, or undefined for a pass-through column. */
  fieldOf: readonly (Field | undefined)[];
  /**
   * Rows with an empty product id continue the product above (Shopify's Handle), and take its
   * product-level cells (title, category, brand) when theirs are empty.
   */
  continuationRows: boolean;
  /**
   * A row's product id names its parent row's SKU (WooCommerce's `Parent`): a row with none is a parent,
   * whose title, category and brand its children take when theirs are empty, and which is not one of their
   * product's SKUs.
   */
  parentRows: boolean;
  /** A currency named in the price's header (`零售价(USD)`), when the file has no currency column. */
  currency?: string;
  /** A column the workbook reader added: the sheet each row came from (`--sheet all`). */
  sheetColumn?: number;
  /** Mappings that look wrong on the file's first rows (`check-mapping.ts`); filled in by the audit. */
  warnings: MappingWarning[];
  /** Headers that name more than one column (as read: `SKU` and `sku ` are one name), with their columns. */
  duplicates: { header: string; columns: number[] }[];
}

/** A mapping that looks wrong: reported on standard error, in the JSON, and as `suspicious-mapping`. */
export interface MappingWarning {
  field: Field;
  header: string;
  why: string;
  /** A column that looks more like the field, if any. */
  better?: string;
}

/** `--map field=Header` and the config's `columns`: explicit choices that win over the alias table. */
export type ColumnOverrides = Partial<Record<Field, string>>;

/** The name of the column the workbook reader adds with `--sheet all`. */
export const SHEET_COLUMN = 'sheet';

export function mapColumns(
  headers: readonly string[],
  overrides: ColumnOverrides = {},
  hint = 'name one with --map sku=HEADER',
  sheetColumn?: number,
): ColumnMap {
  const map = tryMapColumns(headers, overrides, sheetColumn);
  if (map === null) throw new NoHeaderError(headers, hint);
  return map;
}

/**
 * A row's worth as the header: how many fields it maps, 0 when it maps no SKU or product id (the header
 * row is picked by it: `header-row.ts`).
 */
export function headerScore(cells: readonly string[], overrides: ColumnOverrides = {}): number {
  try {
    const map = tryMapColumns(cells, overrides);
    return map === null ? 0 : Object.keys(map.index).length;
  } catch {
    return 0; // an override names a column this row does not have
  }
}

/** The column map, or null when no column maps to a SKU or a product id. */
function tryMapColumns(
  headers: readonly string[],
  overrides: ColumnOverrides,
  sheetColumn?: number,
): ColumnMap | null {
  const readings: HeaderReading[] = headers.map((header, i) =>
    i === sheetColumn ? { keys: [] } : readHeader(header),
  );
  // The header as written wins over a header that only reads as it (`Weight` over `重量/Weight`).
  const position = new Map<string, number>();
  readings.forEach((reading, i) => {
    const key = reading.keys[0];
    if (key !== undefined && !position.has(key)) position.set(key, i);
  });
  readings.forEach((reading, i) => {
    for (const key of reading.keys) {
      if (!position.has(key)) position.set(key, i);
      // `Weight (lb)`, `重量(克)`, `length_mm`: a header with its unit matches the alias without it.
      const base = withoutUnit(key);
      if (base !== undefined && !position.has(base)) position.set(base, i);
    }
  });
  const index: Partial<Record<Field, number>> = {};
  const unit: Partial<Record<Field, ColumnUnit>> = {};
  const unitColumn: Partial<Record<Field, number>> = {};
  const side: ColumnMap['side'] = {};
  const taken = new Set<number>();
  const assign = (field: Field, i: number, alias: HeaderAlias | undefined) => {
    const header = headers[i] ?? '';
    index[field] = i;
    if (alias?.side === undefined) taken.add(i);
    else if (field === 'length' || field === 'width' || field === 'height') side[field] = alias.side;
    const found = unitInHeader(field, header) ?? alias?.unit;
    if (found) unit[field] = found;
    for (const name of alias?.unitColumns ?? []) {
      const u = position.get(name.replace('{header}', normalizeHeader(header)));
      if (u !== undefined) {
        unitColumn[field] = u;
        break;
      }
    }
  };

  for (const field of FIELDS) {
    const wanted = overrides[field];
    if (wanted === undefined) continue;
    const i = columnNamed(headers, readings, wanted, position);
    if (i === undefined || i < 0) {
      throw new InputError(
        `${field}=${wanted} (named by --map, --catalog-map or the config's columns): the file has no column "${wanted}" (it has: ${headers.join(', ')})`,
      );
    }
    assign(
      field,
      i,
      HEADER_ALIASES.find((a) => a.field === field && a.headers.includes(normalizeHeader(wanted))),
    );
  }
  // Length, width and height mapped to one column: it holds all three sides.
  const sides = [index.length, index.width, index.height];
  if (sides[0] !== undefined && sides.every((i) => i === sides[0])) Object.assign(side, ONE_CELL);

  const hasSideColumn = () =>
    index.length !== undefined || index.width !== undefined || index.height !== undefined;
  const tryAliases = (fallback: boolean) => {
    for (const alias of HEADER_ALIASES) {
      if (index[alias.field] !== undefined || (alias.fallback === true) !== fallback) continue;
      if (alias.onlyWithSku && index.sku === undefined) continue;
      for (const name of alias.headers) {
        const i = position.get(name);
        if (i === undefined || taken.has(i)) continue;
        // A one-cell size column is not a side of its own when the sides have columns.
        if (alias.side !== undefined && Object.keys(side).length === 0 && hasSideColumn()) continue;
        assign(alias.field, i, alias);
        break;
      }
    }
  };
  tryAliases(false);
  tryAliases(true);

  if (index.sku === undefined && index.productId === undefined) return null;
  const fieldOf: (Field | undefined)[] = headers.map(() => undefined);
  for (const field of FIELDS) {
    const i = index[field];
    if (i !== undefined) fieldOf[i] ??= field;
  }
  const productHeader = index.productId === undefined ? '' : normalizeHeader(headers[index.productId] ?? '');
  const priceCurrency = index.price === undefined ? undefined : readings[index.price]?.currency;
  return {
    headers,
    index,
    unit,
    unitColumn,
    side,
    fieldOf,
    continuationRows: productHeader === 'handle' || productHeader === 'url handle',
    parentRows: ['parent', 'ascendente', 'pai'].includes(productHeader),
    ...(index.currency === undefined && priceCurrency !== undefined ? { currency: priceCurrency } : {}),
    ...(sheetColumn !== undefined ? { sheetColumn } : {}),
    warnings: [],
    duplicates: duplicateHeaders(headers, readings),
  };
}

/** The column `--map` names: the header as written, else as read; `HEADER#2` is its second column. */
function columnNamed(
  headers: readonly string[],
  readings: readonly HeaderReading[],
  wanted: string,
  position: Map<string, number>,
): number | undefined {
  if (headers.includes(wanted)) return headers.indexOf(wanted);
  const nth = /^(.*)#(\d+)$/.exec(wanted);
  if (nth?.[1] !== undefined && Number(nth[2]) >= 1) {
    const key = readHeader(nth[1]).keys[0];
    const columns = readings.flatMap((r, i) => (r.keys[0] === key ? [i] : []));
    return columns[Number(nth[2]) - 1];
  }
  return position.get(readHeader(wanted).keys[0] ?? '');
}

function duplicateHeaders(
  headers: readonly string[],
  readings: readonly HeaderReading[],
): ColumnMap['duplicates'] {
  const columns = new Map<string, number[]>();
  readings.forEach((reading, i) => {
    const key = reading.keys[0];
    if (key === undefined || key === '') return;
    columns.set(key, [...(columns.get(key) ?? []), i]);
  });
  return [...columns.values()]
    .filter((list) => list.length > 1)
    .map((list) => ({ header: headers[list[0] ?? 0] ?? '', columns: list }));
}

const ONE_CELL = { length: 0, width: 1, height: 2 } as const;

/** The header without a unit named at its end, or undefined when it names none. */
function withoutUnit(header: string): string | undefined {
  const match = UNIT_SUFFIX.exec(header);
  const word = match?.[1];
  if (match === null || word === undefined || match.index === 0) return undefined;
  const known = weightUnitOf(word) ?? lengthUnitOf(word) ?? handlingUnitOf(word);
  return known === undefined ? undefined : header.slice(0, match.index).trim();
}

const UNIT_SUFFIX = /(?:[_\s-][([]?|[([]|^)([a-z]+|[\u4e00-\u9fff]+)[)\]]?$/;

/** The unit a header names at its end: `weight_g`, `Weight (lb)`, `length [mm]`, `重量（克）`. */
export function unitInHeader(field: Field, header: string): ColumnUnit | undefined {
  const word = readHeader(header).unitWord ?? UNIT_SUFFIX.exec(normalizeHeader(header))?.[1];
  if (word === undefined) return undefined;
  if (field === 'weight') return weightUnitOf(word);
  if (field === 'length' || field === 'width' || field === 'height') return lengthUnitOf(word);
  if (field === 'handling') return handlingUnitOf(word);
  return undefined;
}

export function cellOf(cells: readonly string[], map: ColumnMap, field: Field): string {
  const i = map.index[field];
  return i === undefined ? '' : (cells[i] ?? '');
}

/** Which header fed which field, for the report. */
export function describeColumns(map: ColumnMap): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const i = map.index[field];
    if (i !== undefined) out[field] = map.headers[i] ?? '';
  }
  // With `--sheet all`, a row with no category takes its sheet's name.
  if (map.sheetColumn !== undefined)
    out.category ??= `${map.headers[map.sheetColumn] ?? 'sheet'} (the sheet's name)`;
  if (map.currency !== undefined && out.currency === undefined)
    out.currency = `${map.currency} (from ${out.price ?? 'the price header'})`;
  return out;
}

/** The headers no field reads (the workbook reader's sheet column aside). */
export function unreadHeaders(map: ColumnMap): string[] {
  return map.headers.filter((_, i) => map.fieldOf[i] === undefined && i !== map.sheetColumn);
}
