import type { RawRow } from './tokenize-csv.js';

/** How many non-empty rows (`#` comment lines not counted) the header is looked for in. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * How many rows after the first that could be the header are weighed against it: a group row of a
 * two-level header (`基本信息,,SKU,,包装信息`) or a title that says "SKU" maps a SKU column too, but fewer
 * fields than the header under it.
 */
const HEADER_LOOKAHEAD = 3;

/** A row's worth as the header: the number of fields it maps, 0 when it maps no SKU or product id. */
export type HeaderScore = (cells: readonly string[]) => number;

/** A row that is not looked at as the header: empty, or a `#` comment. */
function isSkipped(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '') || cells[0]?.trimStart().startsWith('#') === true;
}

/**
 * Picks the header among rows as they come: the first that scores, unless one of the few rows after it
 * scores higher (the earliest of the best). `offer` takes each row and answers whether more are needed;
 * `choice` is then the index of the header among the rows offered, or -1.
 */
export class HeaderPicker {
  choice = -1;
  private best = 0;
  private looked = 0;
  private after = -1;
  private offered = 0;

  constructor(private readonly score: HeaderScore) {}

  /** Offers the next row; false once the header is chosen (or cannot be found any more). */
  offer(cells: readonly string[]): boolean {
    const index = this.offered++;
    if (isSkipped(cells)) return true;
    this.looked++;
    if (this.after >= 0) this.after++;
    const score = this.score(cells);
    if (score > this.best) {
      this.best = score;
      this.choice = index;
      if (this.after < 0) this.after = 0;
    }
    if (this.after >= HEADER_LOOKAHEAD) return false;
    return this.looked < HEADER_SEARCH_ROWS || this.after >= 0;
  }
}

/**
 * A sheet's header found as its rows stream by: the rows are held until the header is chosen, then the
 * ones after it are handed back as data.
 */
export class SheetHeader {
  header: RawRow | undefined;
  private done = false;
  private held: RawRow[] = [];
  private readonly picker: HeaderPicker;

  constructor(score: HeaderScore) {
    this.picker = new HeaderPicker(score);
  }

  /** Takes the sheet's next row; gives back the data rows it can release, in order. */
  push(row: RawRow): RawRow[] {
    if (this.done) return this.header === undefined ? [] : [row];
    this.held.push(row);
    return this.picker.offer(row.cells) ? [] : this.decide();
  }

  /** The sheet has ended: the data rows still held. */
  end(): RawRow[] {
    return this.done ? [] : this.decide();
  }

  private decide(): RawRow[] {
    this.done = true;
    const held = this.held;
    this.held = [];
    this.header = held[this.picker.choice];
    return this.header === undefined ? [] : held.slice(this.picker.choice + 1);
  }
}
