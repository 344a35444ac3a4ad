import { InputError } from '../errors.js';

/** A quoted cell that never closes: the rest of the file cannot be read. */
export class UnclosedQuoteError extends InputError {
  constructor(readonly line: number) {
    super(`a quoted cell opened on line ${line} never closes`);
  }
}

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
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const COMMA = 44;

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
  ) {
    this.line = firstLine;
    if (delimiter.length !== 1 || !isUsableDelimiter(delimiter))
      throw new InputError(
        `the delimiter must be one character other than a quote or a line break, not ${JSON.stringify(delimiter)}`,
      );
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feeds decoded text; appends every record it completes to `out`. */
  push(chunk: string, out: RawRow[]): void {
    this.parse(this.pending + chunk, false, out);
  }

  /** Ends the input; appends the last record. */
  end(out: RawRow[]): void {
    this.parse(this.pending, true, out);
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
    const length = text.length;
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
      out.push({ cells, line: recordLine, text: quoted ? null : this.plainText(text, recordStart, pos) });
    }

    this.pending = pos < length ? text.slice(pos) : '';
    this.line = line;
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

/** Index of the first delimiter, CR or LF at or after `from`, or the text's length. */
function scanUnquoted(text: string, from: number, delimiter: number): number {
  const length = text.length;
  let i = from;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === delimiter || c === LF || c === CR) return i;
    i++;
  }
  return i;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
