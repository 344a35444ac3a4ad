import { ContinuationRows } from '../normalize/continuation.js';
import { type Decoder, decodeWhole } from '../read/decode.js';
import { cellOf, type ColumnMap } from '../read/map-columns.js';
import type { CatalogSource } from '../read/open-source.js';
import { type CatalogReader, fromWorkbook, type TableFormat } from '../read/read-catalog.js';
import { IndexBuilder, type ProductIndex, type RecordStart } from '../audit/product-index.js';

export type { ProductIndex } from '../audit/product-index.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  Start,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  AfterQuote,
}

/**
 * Whether the file can be indexed from its bytes: line breaks, quotes and the delimiter must be single
 * bytes that never occur inside a multi-byte character. True of UTF-8 and Windows-1252; of GB18030 and
 * Shift-JIS for delimiters below 0x40 (their trail bytes start there, so `|` is not safe).
 */
export function canScanBytes(format: TableFormat, columns: ColumnMap): boolean {
  // A workbook's rows written out as CSV number their lines by worksheet row, which only the reader knows.
  if (fromWorkbook(format) || columns.continuationRows) return false;
  const delimiter = format.delimiter.charCodeAt(0);
  if (format.delimiter.length !== 1 || delimiter >= 0x80) return false;
  if (format.encoding === 'utf-8' || format.encoding === 'windows-1252') return true;
  return ['gb18030', 'gbk', 'shift_jis'].includes(format.encoding) && delimiter < 0x40;
}

/**
 * The index pass, on bytes: counts each product's rows and finds each SKU's first line without decoding
 * the file or splitting rows into cells. It follows the tokenizer's rules exactly (quotes open a cell
 * only at its start; `\r\n`, `\n` and a lone `\r` are one line break; empty lines are not records), and
 * hashes the two key cells straight from the bytes when they are plain ASCII — the same hash the audit
 * computes from the decoded text.
 */
export async function scanIndex(
  source: CatalogSource,
  format: TableFormat,
  columns: ColumnMap,
  parts: number,
  size: number,
  headerRecords = 1,
): Promise<ProductIndex> {
  const delimiter = format.delimiter.charCodeAt(0);
  const productCol = columns.index.productId ?? -1;
  const skuCol = columns.index.sku ?? -1;
  const dupCol = skuCol >= 0 ? skuCol : productCol;
  const lastKeyCol = Math.max(productCol, skuCol);
  const builder = new IndexBuilder(columns.parentRows);
  const decoder = new TextDecoder(format.encoding);
  const starts: RecordStart[] = [];
  let nextStart = parts > 1 ? Math.floor(size / parts) : Number.POSITIVE_INFINITY;

  let state = State.Start;
  let col = 0;
  let line = 1;
  let recordLine = 1;
  let record = -headerRecords; // the header (and any rows above it) come first
  let inRecord = false;
  let lastCR = false;
  let offset = 0;
  // The key cells of the current record: raw bytes, and whether they need decoding to be hashed.
  const productCell = new CellBytes();
  const skuCell = new CellBytes();
  let capture: CellBytes | null = null;

  const endRecord = () => {
    if (record >= 0) {
      const product = productCell.key(decoder);
      const sku = skuCell.key(decoder);
      builder.record(
        product === '' ? sku : product,
        true,
        dupCol === skuCol ? sku : product,
        recordLine,
        product !== '',
      );
    }
    record++;
    productCell.reset();
    skuCell.reset();
    col = 0;
    inRecord = false;
    state = State.Start;
  };

  for await (const chunk of source.open() as AsyncIterable<Buffer>) {
    let i = 0;
    // A UTF-8 byte-order mark is not part of the first header cell.
    if (offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    const length = chunk.length;
    // Where the next quote and CR are in this chunk: found once, not per line.
    let nextQuote = -2;
    let nextCR = -2;
    for (; i < length; i++) {
      // Fast path: a whole record on one line with no quote and no lone CR, found with native searches;
      // anything else goes through the byte-by-byte machine below.
      if (!inRecord && !lastCR && record >= 0) {
        const lf = chunk.indexOf(LF, i);
        if (lf !== -1) {
          if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
          if (nextCR !== -1 && nextCR < i) nextCR = chunk.indexOf(CR, i);
          const quoted = nextQuote !== -1 && nextQuote < lf;
          const loneCR = nextCR !== -1 && nextCR < lf - 1;
          if (!quoted && !loneCR) {
            const end = lf > i && chunk[lf - 1] === CR ? lf - 1 : lf;
            if (end === i) {
              line++;
              i = lf;
              continue;
            }
            recordLine = line;
            if (record === 0 || offset + i >= nextStart) {
              starts.push({ byte: offset + i, line, record });
              nextStart = Math.floor((size * starts.length) / parts);
            }
            for (let c = 0, p = i; c <= lastKeyCol; c++) {
              let d = chunk.indexOf(delimiter, p);
              if (d === -1 || d > end) d = end;
              if (c === productCol) productCell.setRange(chunk, p, d);
              else if (c === skuCol) skuCell.setRange(chunk, p, d);
              if (d === end) break;
              p = d + 1;
            }
            line++;
            endRecord();
            i = lf;
            continue;
          }
        }
      }
      const b = chunk[i] as number;
      if (lastCR) {
        lastCR = false;
        if (b === LF) {
          if (capture !== null && state === State.Quoted) capture.push(chunk, i);
          continue;
        }
      }
      if (!inRecord) {
        if (b === LF || b === CR) {
          line++;
          lastCR = b === CR;
          continue;
        }
        inRecord = true;
        recordLine = line;
        // The first data record, then the first record past each 1/parts of the file.
        if (record >= 0 && (record === 0 || offset + i >= nextStart)) {
          starts.push({ byte: offset + i, line, record });
          nextStart = Math.floor((size * starts.length) / parts);
        }
      }
      switch (state) {
        case State.Start:
          capture = col === productCol ? productCell : col === skuCol ? skuCell : null;
          if (b === QUOTE) {
            state = State.Quoted;
            capture?.open(true);
            continue;
          }
          state = State.Unquoted;
          capture?.open(false);
          i--; // the byte is the cell's first: read it as unquoted text
          continue;
        case State.Unquoted:
        case State.AfterQuote:
          if (b === delimiter) {
            col++;
            state = State.Start;
          } else if (b === LF || b === CR) {
            line++;
            lastCR = b === CR;
            endRecord();
          } else {
            capture?.push(chunk, i);
          }
          continue;
        case State.Quoted:
          if (b === QUOTE) state = State.QuoteInQuoted;
          else {
            if (b === LF || b === CR) line++;
            if (b === CR) lastCR = true;
            capture?.push(chunk, i);
          }
          continue;
        case State.QuoteInQuoted:
          if (b === QUOTE) {
            // An escaped quote: one quote in the value.
            state = State.Quoted;
            capture?.escaped(chunk, i);
            continue;
          }
          state = State.AfterQuote;
          i--; // the byte after the closing quote is read as unquoted text
          continue;
      }
    }
    offset += length;
  }
  if (inRecord) endRecord();
  return builder.finish(starts);
}

/**
 * The bytes of one key cell. Plain ASCII cells are hashed from the chunk where they lie; anything else
 * (non-ASCII, escaped quotes, a cell across two chunks) is decoded first, as the audit will see it.
 */
class CellBytes {
  private chunk: Buffer | null = null;
  private start = -1;
  private end = -1;
  private copy: number[] | null = null;
  private plain = true;

  open(_quoted: boolean): void {
    this.chunk = null;
    this.start = -1;
    this.end = -1;
    this.copy = null;
    this.plain = true;
  }

  push(chunk: Buffer, i: number): void {
    const b = chunk[i] as number;
    if (b >= 0x80) this.plain = false;
    if (this.copy !== null) {
      this.copy.push(b);
      return;
    }
    if (this.chunk === null) {
      this.chunk = chunk;
      this.start = i;
      this.end = i + 1;
    } else if (this.chunk === chunk && this.end === i) {
      this.end = i + 1;
    } else {
      // Not contiguous (across chunks, or a quote left out): keep a copy from here on.
      this.copy = [...this.chunk.subarray(this.start, this.end), b];
      this.plain = false;
    }
  }

  /** The second quote of an escaped pair: the value holds one quote, the bytes two. */
  escaped(chunk: Buffer, i: number): void {
    if (this.copy === null)
      this.copy = this.chunk === null ? [] : [...this.chunk.subarray(this.start, this.end)];
    this.plain = false;
    this.copy.push(chunk[i] as number);
  }

  reset(): void {
    this.open(false);
  }

  /** A whole unquoted cell at once. */
  setRange(chunk: Buffer, start: number, end: number): void {
    this.open(false);
    if (end === start) return;
    this.chunk = chunk;
    this.start = start;
    this.end = end;
    for (let i = start; i < end; i++) {
      if ((chunk[i] as number) >= 0x80) {
        this.plain = false;
        break;
      }
    }
  }

  /** '' for an empty cell, the ASCII byte range (trimmed), or the decoded, trimmed text. */
  key(decoder: Decoder): '' | string | { bytes: Buffer; start: number; end: number } {
    if (this.chunk === null && this.copy === null) return '';
    if (!this.plain || this.copy !== null || this.chunk === null) {
      const bytes =
        this.copy !== null
          ? Uint8Array.from(this.copy)
          : (this.chunk as Buffer).subarray(this.start, this.end);
      return decodeWhole(decoder, bytes).trim();
    }
    let { start, end } = this;
    const bytes = this.chunk;
    while (start < end && isSpace(bytes[start] as number)) start++;
    while (end > start && isSpace(bytes[end - 1] as number)) end--;
    return start === end ? '' : { bytes, start, end };
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/**
 * The index pass through the reader, for files whose bytes cannot be scanned (UTF-16, workbooks) and for
 * Shopify files, whose rows with an empty Handle belong to the product above. A row without a SKU code
 * in such a file (an image-only row) is not one of the product's SKUs.
 */
export async function indexRecords(reader: CatalogReader, columns: ColumnMap): Promise<ProductIndex> {
  const builder = new IndexBuilder(columns.parentRows);
  const continuation = new ContinuationRows(columns.continuationRows);
  const duplicateField = columns.index.sku !== undefined ? 'sku' : 'productId';
  for await (const batch of reader.records) {
    for (const record of batch) {
      const sku = cellOf(record.cells, columns, 'sku').trim();
      const productId = continuation.productIdOf(cellOf(record.cells, columns, 'productId').trim() || null);
      const isSku = !columns.continuationRows || sku !== '';
      const key = duplicateField === 'sku' ? sku : cellOf(record.cells, columns, 'productId').trim();
      builder.record(productId ?? sku, isSku, key, record.line, productId !== null);
    }
  }
  return builder.finish([]);
}
