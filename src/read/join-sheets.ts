import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../core/errors.js';
import { splitSides } from '../values/units.js';
import { FIELDS, type Field } from '../core/types.js';
import { readHeader } from './header-aliases.js';
import { HEADER_SEARCH_ROWS, SheetHeader } from './header-row.js';
import {
  type ColumnMap,
  type ColumnOverrides,
  headerScore,
  mapColumns,
  SHEET_COLUMN,
} from './map-columns.js';
import { type ReadLimits, SpillBudget } from './limits.js';
import { SharedColumn } from './shared-column.js';
import { CsvTokenizer, csvQuote, type RawRow } from './tokenize-csv.js';
import type { Workbook } from './workbook.js';
import type { WorkbookSheet } from './workbook-info.js';

/** The sheets joined: the worksheet row of each record (header first), and how each sheet was read. */
export interface JoinedSheets {
  lines: Uint32Array;
  read: { name: string; headerRow: number | null; rows: number }[];
  /** The joined table's header of each field a sheet reads: the audit maps its columns by these. */
  fields: Partial<Record<Field, string>>;
}

/** The measured fields: in the joined table, each cell says its unit, as sheets may differ. */
const MEASURED = ['weight', 'length', 'width', 'height', 'handling'] as const;
const SIDES = ['length', 'width', 'height'] as const;

/**
 * `--sheet all`: every visible sheet under its own header row, in one table. Each sheet's header is found
 * and mapped on its own (`mapColumns`), so a field is one column of the table whatever each sheet calls
 * it: `weight_kg` on one sheet and `重量(g)` on another are the table's weight, each cell with its unit
 * (`3500 g`), and a sheet's one-cell size (`35*20*12`) goes into the table's three sides. Columns no
 * field reads are joined by header as read (`*商品标题` and `商品标题` are one). A last column names each
 * row's sheet. A row wider than its sheet's header keeps its extra cells after that column, so that it is
 * reported as a malformed row. A visible sheet with no header is skipped and said so in `read`.
 */
export async function joinSheets(
  book: Workbook,
  chosen: readonly WorkbookSheet[],
  task: { name: string; out: string; overrides: ColumnOverrides; limits: ReadLimits },
  onRows?: (rows: number) => void,
): Promise<JoinedSheets> {
  const dir = dirname(task.out);
  const score = (cells: readonly string[]) => headerScore(cells, task.overrides);
  const parts = chosen.map((sheet, i) => ({
    sheet,
    header: new SheetHeader(score),
    path: join(dir, `sheet-${i}.csv`),
    out: null as WriteStream | null,
    lines: new SharedColumn(),
  }));
  const byName = new Map(parts.map((p) => [p.sheet.name, p]));
  const spilled = new SpillBudget(task);
  const keep = async (part: (typeof parts)[number], rows: RawRow[]) => {
    if (rows.length === 0) return;
    let text = '';
    for (const row of rows) {
      text += csvRow(row.cells);
      part.lines.push(row.line);
    }
    spilled.add(text.length);
    part.out ??= createWriteStream(part.path);
    if (!part.out.write(text)) await once(part.out, 'drain');
  };
  let seen = 0;
  for await (const batch of book.rows(chosen)) {
    const part = byName.get(batch.chosen.name);
    if (part === undefined) continue;
    await keep(
      part,
      batch.rows.flatMap((row) => part.header.push(row)),
    );
    seen += batch.rows.length;
    onRows?.(seen);
  }
  for (const part of parts) {
    await keep(part, part.header.end());
    if (part.out !== null) await new Promise((done) => part.out?.end(done));
  }

  const sheets = parts.flatMap((part) => {
    const header = part.header.header;
    return header === undefined ? [] : [{ part, header, map: mapColumns(header.cells, task.overrides) }];
  });
  const first = sheets[0];
  if (first === undefined) {
    throw new InputError(
      `no sheet of ${task.name} has a header among its first ${HEADER_SEARCH_ROWS} non-empty rows (sheets read: ${chosen.map((s) => JSON.stringify(s.name)).join(', ')}); name the columns with --map sku=HEADER, or read one sheet with --sheet NAME`,
    );
  }
  const table = new JoinedColumns();
  const plans = sheets.map(({ header, map }) => table.plan(header.cells, map));
  const sheetColumn = table.add(`${SHEET_COLUMN}`, null);

  const lines = new SharedColumn();
  lines.push(first.header.line);
  async function* csv(): AsyncGenerator<string> {
    yield csvRow(table.headers);
    for (const [k, { part }] of sheets.entries()) {
      const plan = plans[k] as Plan;
      if (part.out === null) continue;
      const sheetLines = part.lines.values();
      let record = 0;
      const tokenizer = new CsvTokenizer(',');
      const decoder = new TextDecoder('utf-8');
      const write = (rows: RawRow[]) => {
        let text = '';
        for (const row of rows) {
          const cells = new Array<string>(table.headers.length).fill('');
          plan.place(row.cells, cells);
          cells[sheetColumn] = part.sheet.name;
          // Cells past the sheet's header: kept after the table's last column, a ragged row.
          const extra = row.cells.slice(plan.width);
          text += csvRow(extra.some((c) => c !== '') ? [...cells, ...extra] : cells);
          lines.push(sheetLines[record++] ?? 0);
        }
        return text;
      };
      for await (const chunk of createReadStream(part.path) as AsyncIterable<Buffer>) {
        const out: RawRow[] = [];
        tokenizer.push(decoder.decode(chunk, { stream: true }), out);
        yield write(out);
      }
      const out: RawRow[] = [];
      tokenizer.push(decoder.decode(), out);
      tokenizer.end(out);
      yield write(out);
    }
  }
  await pipeline(Readable.from(csv()), createWriteStream(task.out));
  return {
    lines: lines.values(),
    read: parts.map((part) => ({
      name: part.sheet.name,
      headerRow: part.header.header?.line ?? null,
      rows: part.lines.length,
    })),
    fields: table.fields,
  };
}

/** How one sheet's cells go into the joined table's columns. */
interface Plan {
  /** Cells of the sheet's header. */
  width: number;
  place(cells: readonly string[], into: string[]): void;
}

/** The joined table's columns: one per field, one per other header as read, unique names. */
class JoinedColumns {
  readonly headers: string[] = [];
  readonly fields: Partial<Record<Field, string>> = {};
  private readonly fieldColumn = new Map<Field, number>();
  private readonly otherColumn = new Map<string, number>();

  add(name: string, field: Field | null): number {
    let unique = name;
    for (let n = 2; this.headers.includes(unique); n++) unique = `${name} (${n})`;
    const at = this.headers.push(unique) - 1;
    if (field !== null) {
      this.fieldColumn.set(field, at);
      this.fields[field] = unique;
    }
    return at;
  }

  /** The column of a field, made (named `name`) on first sight. */
  private columnOf(field: Field, name: string): number {
    return this.fieldColumn.get(field) ?? this.add(name, field);
  }

  plan(header: readonly string[], map: ColumnMap): Plan {
    const moves: ((cells: readonly string[], into: string[]) => void)[] = [];
    const read = new Set<number>();
    for (const field of FIELDS) {
      const i = map.index[field];
      if (i === undefined || read.has(i)) continue;
      const side = map.side[field as (typeof SIDES)[number]];
      if (side !== undefined) {
        // A one-cell size: each of its sides into the table's side column, with the unit.
        read.add(i);
        const unit = map.unit.length ?? 'cm';
        const targets = SIDES.map((s) => this.columnOf(s, `${s}_${unit}`));
        moves.push((cells, into) => {
          const parts = splitSides(cells[i] ?? '');
          SIDES.forEach((_, k) => {
            const target = targets[k] as number;
            into[target] =
              parts === null ? (cells[i] ?? '') : withUnit(parts.sides[k] ?? '', parts.units[k] || unit);
          });
        });
        continue;
      }
      read.add(i);
      const target = this.columnOf(field, header[i] ?? field);
      const unit = (MEASURED as readonly Field[]).includes(field) ? map.unit[field] : undefined;
      const unitColumn = map.unitColumn[field];
      moves.push((cells, into) => {
        const cell = cells[i] ?? '';
        const rowUnit = unitColumn === undefined ? '' : (cells[unitColumn] ?? '').trim();
        into[target] = withUnit(cell, rowUnit || unit);
      });
    }
    const seen = new Map<string, number>();
    header.forEach((cell, i) => {
      if (read.has(i)) return;
      const key = readHeader(cell).keys[0] ?? '';
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      const id = `${nth}\u0000${key}`;
      let target = this.otherColumn.get(id);
      if (target === undefined) {
        target = this.add(cell, null);
        this.otherColumn.set(id, target);
      }
      const at = target;
      moves.push((cells, into) => {
        if (into[at] === '') into[at] = cells[i] ?? '';
      });
    });
    return {
      width: header.length,
      place: (cells, into) => {
        for (const move of moves) move(cells, into);
      },
    };
  }
}

const BARE_NUMBER = /^[+-]?(?:\d[\d,]*\.?\d*|\.\d+)$/;

/** A bare number with the unit its sheet reads it in (`3500` → `3500 g`); any other cell as it is. */
function withUnit(cell: string, unit: string | undefined): string {
  const value = cell.trim();
  return unit !== undefined && unit !== '' && BARE_NUMBER.test(value) ? `${value} ${unit}` : cell;
}

/** A row of cells as a CSV line; a row of empty cells is still a record (one empty quoted cell). */
export const csvRow = (cells: readonly string[]) =>
  cells.length === 0 ? '""\n' : `${cells.map(csvQuote).join(',')}\n`;
