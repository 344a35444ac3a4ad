import { InputError } from '../errors.js';
import { handlingUnitOf, lengthUnitOf, weightUnitOf } from '../normalize/units.js';
import { FIELDS, type Field } from '../types.js';
import { type ColumnUnit, HEADER_ALIASES, type HeaderAlias, normalizeHeader } from './header-aliases.js';

export interface ColumnMap {
  headers: readonly string[];
  /** Column index of each field the file has. */
  index: Partial<Record<Field, number>>;
  /** The unit a bare number in the field's column is in. */
  unit: Partial<Record<Field, ColumnUnit>>;
  /** A column that holds each row's unit of the field (Amazon's `…_unit_of_measure`). */
  unitColumn: Partial<Record<Field, number>>;
  /** Field of each column, or undefined for a pass-through column. */
  fieldOf: readonly (Field | undefined)[];
  /**
   * Rows with an empty product id continue the product above (Shopify's Handle), and take its
   * product-level cells (title, category, brand) when theirs are empty.
   */
  continuationRows: boolean;
}

/** `--map field=Header` and the config's `columns`: explicit choices that win over the alias table. */
export type ColumnOverrides = Partial<Record<Field, string>>;

export function mapColumns(
  headers: readonly string[],
  overrides: ColumnOverrides = {},
  hint = 'name one with --map sku=HEADER',
): ColumnMap {
  const position = new Map<string, number>();
  headers.forEach((header, i) => {
    const key = normalizeHeader(header);
    if (!position.has(key)) position.set(key, i);
  });
  // `Weight (lb)`, `重量(克)`, `length [mm]`: a header with its unit matches the alias without it.
  headers.forEach((header, i) => {
    const base = withoutUnit(normalizeHeader(header));
    if (base !== undefined && !position.has(base)) position.set(base, i);
  });
  const index: Partial<Record<Field, number>> = {};
  const unit: Partial<Record<Field, ColumnUnit>> = {};
  const unitColumn: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  const assign = (field: Field, i: number, alias: HeaderAlias | undefined) => {
    const header = headers[i] ?? '';
    index[field] = i;
    taken.add(i);
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
    const i = position.get(normalizeHeader(wanted));
    if (i === undefined) {
      throw new InputError(
        `--map ${field}=${wanted} (or the config's columns): the file has no column "${wanted}" (it has: ${headers.join(', ')})`,
      );
    }
    assign(
      field,
      i,
      HEADER_ALIASES.find((a) => a.field === field && a.headers.includes(normalizeHeader(wanted))),
    );
  }

  for (const alias of HEADER_ALIASES) {
    if (index[alias.field] !== undefined) continue;
    for (const name of alias.headers) {
      const i = position.get(name);
      if (i === undefined || taken.has(i)) continue;
      assign(alias.field, i, alias);
      break;
    }
  }

  if (index.sku === undefined && index.productId === undefined) {
    throw new InputError(
      `no column maps to sku or product_id (headers seen: ${headers.map((h) => JSON.stringify(h)).join(', ')}); ${hint}`,
    );
  }
  const fieldOf: (Field | undefined)[] = headers.map(() => undefined);
  for (const field of FIELDS) {
    const i = index[field];
    if (i !== undefined) fieldOf[i] = field;
  }
  const productHeader = index.productId === undefined ? '' : normalizeHeader(headers[index.productId] ?? '');
  return { headers, index, unit, unitColumn, fieldOf, continuationRows: productHeader === 'handle' };
}

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
  const match = UNIT_SUFFIX.exec(normalizeHeader(header));
  const word = match?.[1];
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
  return out;
}
