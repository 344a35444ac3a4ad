import { InputError } from '../errors.js';
import { FIELDS, type Field } from '../types.js';
import { type ColumnUnit, HEADER_ALIASES, normalizeHeader } from './header-aliases.js';

export interface ColumnMap {
  headers: readonly string[];
  /** Column index of each field the file has. */
  index: Partial<Record<Field, number>>;
  /** The unit a bare number in the field's column is in. */
  unit: Partial<Record<Field, ColumnUnit>>;
  /** Field of each column, or undefined for a pass-through column. */
  fieldOf: readonly (Field | undefined)[];
}

/** `--map field=Header` and the config's `columns`: explicit choices that win over the alias table. */
export type ColumnOverrides = Partial<Record<Field, string>>;

export function mapColumns(headers: readonly string[], overrides: ColumnOverrides = {}): ColumnMap {
  const position = new Map<string, number>();
  headers.forEach((header, i) => {
    const key = normalizeHeader(header);
    if (!position.has(key)) position.set(key, i);
  });
  const index: Partial<Record<Field, number>> = {};
  const unit: Partial<Record<Field, ColumnUnit>> = {};
  const taken = new Set<number>();

  for (const field of FIELDS) {
    const wanted = overrides[field];
    if (wanted === undefined) continue;
    const i = position.get(normalizeHeader(wanted));
    if (i === undefined) {
      throw new InputError(
        `--map ${field}=${wanted}: the file has no column "${wanted}" (it has: ${headers.join(', ')})`,
      );
    }
    index[field] = i;
    taken.add(i);
    const alias = HEADER_ALIASES.find(
      (a) => a.field === field && a.headers.includes(normalizeHeader(wanted)),
    );
    if (alias?.unit) unit[field] = alias.unit;
  }

  for (const alias of HEADER_ALIASES) {
    if (index[alias.field] !== undefined) continue;
    for (const name of alias.headers) {
      const i = position.get(name);
      if (i === undefined || taken.has(i)) continue;
      index[alias.field] = i;
      taken.add(i);
      if (alias.unit) unit[alias.field] = alias.unit;
      break;
    }
  }

  if (index.sku === undefined && index.productId === undefined) {
    throw new InputError(
      `no column maps to sku or product_id (headers seen: ${headers.map((h) => JSON.stringify(h)).join(', ')}); name one with --map sku=HEADER`,
    );
  }
  const fieldOf: (Field | undefined)[] = headers.map(() => undefined);
  for (const field of FIELDS) {
    const i = index[field];
    if (i !== undefined) fieldOf[i] = field;
  }
  return { headers, index, unit, fieldOf };
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
