import { InputError } from '../core/errors.js';
import { DEFAULT_LIMITS, megabytes } from './limits.js';

/** A quoted cell that never closes: the rest of the file cannot be read. */
export class UnclosedQuoteError extends InputError {
  constructor(readonly line: number) {
    super(`a quoted cell opened on line ${line} never closes`);
  }
}

/** A cell longer than the limit (`--max-cell-mb`): refused before it costs more memory. */
export class CellTooLongError extends InputError {
  constructor(
    readonly line: number,
    readonly limit: number,
    readonly row: boolean,
  ) {
    super(
      row
        ? `a row that starts on line ${line} runs past ${megabytes(limit * ROW_CELLS)} without ending (a quoted cell that never closes?)`
        : `the cell on line ${line} is longer than ${megabytes(limit)}`,
    );
  }
}

/** A row still open after this many cells' worth of the limit is refused (it cannot be a real row). */
const ROW_CELLS = 4;

/** One physical record of a delimited file. */
export interface RawRow {
  cells: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /**
   * The record's text as it stands in the input, when writing its cells back as CSV gives that very
   * text (comma-delimited, no quote anywhere), and the reader was asked to keep it; else null. The
   * annotated CSV copies it instead of re-quoting every cell.
   */
  text: string | null;
  /** A cell holds a control character (a NUL, VT, FF…): the `control-character` rule says which. */
  control?: true;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;
const TAB = 9;

/**
 * A streaming tokenizer for delimited text (RFC 4180 and what spreadsheets really write).
 *
 * It counts physical lines exactly — `\r\n`, `\n` and a lone `\r` are one line break each, inside quoted
 * cells too — so every record knows the line it starts on. It is lenient where files are sloppy (a quote
 * inside an unquoted cell is text; text after a closing quote is kept) and strict only where the rest of
 * the file would be unreadable: a quote that never closes.
 */
export class CsvTokenizer {
  private pending = '';
  /** Text after `pending` not yet looked at: a record that is still open waits for twice its length. */
  private waiting: string[] = [];
  private waitingLength = 0;
  private line: number;
  private readonly delimiter: number;

  /**
   * `firstLine`: the line the text starts on (a part of a file starts further down). `keepText`: give
   * records their input text (`RawRow.text`), which costs a slice and a scan a record.
   */
  constructor(
    delimiter: string,
    firstLine = 1,
    private readonly keepText = false,
    private readonly maxCell = DEFAULT_LIMITS.cellChars,
  ) {
    this.line = firstLine;
    if (delimiter.length !== 1 || !isUsableDelimiter(delimiter))
      throw new InputError(
        `the delimiter must be one character other than a quote or a line break, not ${JSON.stringify(delimiter)}`,
      );
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Feeds decoded text; appends every record it completes to `out`. A record still open at the end of
   * the text is parsed again from its start when more text comes; a very long one (a huge cell) only once
   * the text after it is as long as itself, so that the time spent on it stays linear in its length.
   */
  push(chunk: string, out: RawRow[]): void {
    this.waiting.push(chunk);
    this.waitingLength += chunk.length;
    if (this.waitingLength < this.pending.length) {
      if (this.pending.length + this.waitingLength > this.maxCell * ROW_CELLS)
        throw new CellTooLongError(this.line, this.maxCell, true);
      return;
    }
    this.parse(this.pending + this.waiting.join(''), false, out);
  }

  /** Ends the input; appends the last record. */
  end(out: RawRow[]): void {
    this.parse(this.pending + this.waiting.join(''), true, out);
    this.pending = '';
  }

  /** The text of an unquoted record from `start` up to its line break (`next`: where the next one starts). */
  private plainText(text: string, start: number, next: number): string | null {
    if (!this.keepText || this.delimiter !== COMMA) return null;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === LF) end--;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    const record = text.slice(start, end);
    return record.includes('"') ? null : record;
  }

  private parse(text: string, final: boolean, out: RawRow[]): void {
    this.waiting = [];
    this.waitingLength = 0;
    const length = text.length;
    const maxCell = this.maxCell;
    const delimiter = this.delimiter;
    let pos = 0;
    let line = this.line;

    records: while (pos < length) {
      const first = text.charCodeAt(pos);
      // An empty line is not a record.
      if (first === LF || first === CR) {
        if (first === CR && pos + 1 === length && !final) break;
        pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      const recordStart = pos;
      const recordLine = line;
      sawControl = false;
      const cells: string[] = [];
      let quoted = false;
      for (;;) {
        let value: string;
        let end: number;
        if (text.charCodeAt(pos) === QUOTE) {
          quoted = true;
          value = '';
          let from = pos + 1;
          for (;;) {
            const quote = text.indexOf('"', from);
            if (quote === -1 || (quote + 1 === length && !final)) {
              if (final) {
                throw new UnclosedQuoteError(recordLine);
              }
              pos = recordStart;
              line = recordLine;
              break records;
            }
            line += countLineBreaks(text, from, quote);
            value += text.slice(from, quote);
            if (text.charCodeAt(quote + 1) === QUOTE) {
              value += '"';
              from = quote + 2;
              continue;
            }
            end = quote + 1;
            break;
          }
          // Text between the closing quote and the delimiter is kept rather than lost.
          const after = scanUnquoted(text, end, delimiter);
          if (after > end) value += text.slice(end, after);
          end = after;
        } else {
          end = scanUnquoted(text, pos, delimiter);
          value = text.slice(pos, end);
        }
        if (value.length > maxCell) throw new CellTooLongError(recordLine, maxCell, false);
        cells.push(value);

        if (end === length) {
          if (!final) {
            pos = recordStart;
            line = recordLine;
            break records;
          }
          pos = end;
          break;
        }
        const stop = text.charCodeAt(end);
        if (stop === delimiter) {
          pos = end + 1;
          if (pos === length) {
            if (!final) {
              pos = recordStart;
              line = recordLine;
              break records;
            }
            cells.push('');
            break;
          }
          continue;
        }
        // A line break ends the record. A CR at the very end of a chunk may be half of a CRLF.
        if (stop === CR && end + 1 === length && !final) {
          pos = recordStart;
          line = recordLine;
          break records;
        }
        pos = end + (stop === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
        line++;
        break;
      }
      const row: RawRow = {
        cells,
        line: recordLine,
        text: quoted ? null : this.plainText(text, recordStart, pos),
      };
      if (sawControl) row.control = true;
      out.push(row);
    }

    this.pending = pos < length ? text.slice(pos) : '';
    this.line = line;
    if (this.pending.length > this.maxCell * ROW_CELLS) throw new CellTooLongError(line, this.maxCell, true);
  }
}

/** A cell as CSV text, quoted when it holds a quote, a comma or a line break: what the tokenizer reads back. */
export function csvQuote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === COMMA || c === LF || c === CR) return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** A quote opens quoted cells and CR and LF end records: none of them can separate cells. */
export function isUsableDelimiter(delimiter: string): boolean {
  return delimiter !== '"' && delimiter !== '\r' && delimiter !== '\n';
}

/**
 * Set when a scan meets a control character that text does not hold (C0 but tab, LF and CR: a NUL, VT,
 * FF…); the tokenizer reads and clears it per record. A flag rather than a second result keeps the scans
 * as fast as they were: the test is on the branch that looks for line breaks anyway.
 */
let sawControl = false;

/** Index of the first delimiter, CR or LF at or after `from`, or the text's length. */
function scanUnquoted(text: string, from: number, delimiter: number): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === delimiter) return i;
    if (c < 0x20) {
      if (c === LF || c === CR) return i;
      if (c !== TAB) sawControl = true;
    }
    i++;
  }
  return i;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20) continue;
    if (c === LF) count++;
    else if (c === CR) {
      if (text.charCodeAt(i + 1) !== LF) count++;
    } else if (c !== TAB) sawControl = true;
  }
  return count;
}
