import { extname } from 'node:path';
import { InputError } from '../core/errors.js';
import type { CatalogRecord, Field } from '../core/types.js';
import { decodeSample } from './decode.js';
import { detectDelimiter, isZip } from './detect-format.js';
import { checkEncoding, detectEncoding, type EncodingGuess, isMostlyBinary } from './detect-encoding.js';
import type { CatalogSource } from './open-source.js';
import { workbookRows } from './workbook.js';
import { HeaderPicker, type HeaderScore } from './header-row.js';
import { CellTooLongError, CsvTokenizer, type RawRow, UnclosedQuoteError } from './tokenize-csv.js';
import { readLimits, type ReadLimits } from './limits.js';

export interface ReadOptions {
  /** Text encoding (any WHATWG label); detected when absent. */
  encoding?: string;
  /** Cell delimiter; detected when absent. */
  delimiter?: string;
  /** Worksheet of an .xlsx workbook; the first when absent. */
  sheet?: string;
  /** The header's line (a workbook's row number), when it is not to be found (`--header-row`). */
  headerRow?: number;
  /** Raised limits (`--max-cell-mb`, `--max-unzipped-mb`, `--max-zip-ratio`); the defaults otherwise. */
  readLimits?: Partial<ReadLimits> | undefined;
}

/** How the header row is found. */
export interface HeaderChoice {
  /** The header's physical line (a workbook's row number): no search. */
  row?: number | undefined;
  /**
   * A row's worth as the header (`HeaderPicker`): the first of the first 30 non-empty rows (`#` comment
   * lines not counted) that maps a SKU or product id, or one of the three after it that maps more fields;
   * title rows, notes and comments above it are skipped. Without `score`, or when no row scores, the
   * first non-empty row is the header.
   */
  score?: HeaderScore | undefined;
}

/** How a file is to be read, decided once from its first bytes. */
export interface TableFormat {
  kind: 'csv' | 'xlsx' | 'xls';
  /** WHATWG encoding name, or `xlsx` / `xls`. */
  encoding: string;
  /** How sure the detection of a text file's encoding is, and why (`detect-encoding.ts`). */
  encodingGuess?: EncodingGuess;
  /** Cell delimiter, or '' for a workbook. */
  delimiter: string;
  sheet?: string;
  /** A workbook's sheets read with `--sheet all`: each with its header row (null: none found) and rows. */
  sheets?: { name: string; headerRow: number | null; rows: number }[];
  /** Other visible sheets with a header, when the first was read by default (not with `--sheet`). */
  otherSheets?: string[];
  /** The last column names each row's sheet (a workbook read with `--sheet all`). */
  sheetColumn?: boolean;
  /** The columns of the fields in the table the sheets were joined into (`--sheet all`). */
  columns?: Partial<Record<Field, string>>;
  /**
   * A workbook's rows written out as CSV (`spill-workbook.ts`): the worksheet row number of each record
   * of the file, header included. Records take their line from here, and a short row is not ragged.
   */
  worksheetRows?: Uint32Array;
  /** Keep each record's input text (`CatalogRecord.text`) for an output that copies it. */
  keepText?: boolean;
  /** What the read may take (`limits.ts`); the defaults when absent. */
  limits: ReadLimits;
}

export interface CatalogReader {
  headers: string[];
  /** The data records, in batches (one per chunk of input), in file order. */
  records: AsyncIterable<CatalogRecord[]>;
  /** Stops reading (when only the header was wanted). */
  close(): Promise<void>;
  /** Records before the data: the header, and the rows above it (a title, notes, Amazon's template rows). */
  headerRecords: number;
  /** The header's physical line (a workbook's row number). */
  headerLine: number;
  /** Bytes of a text file read so far, for progress (0 for a workbook). */
  bytesRead(): number;
}

const SAMPLE_BYTES = 256 * 1024;

/** Looks at the first bytes: workbook or text, which encoding, which delimiter. */
export async function detectTableFormat(
  source: CatalogSource,
  options: ReadOptions = {},
  score?: HeaderScore,
): Promise<TableFormat> {
  const { bytes, complete } = await source.sample(SAMPLE_BYTES);
  const kind = workbookKind(bytes, source.name);
  if (options.sheet !== undefined && kind === undefined) {
    throw new InputError(
      `--sheet ${options.sheet}: ${source.name} is not a workbook (.xlsx, .xls); --sheet is for workbooks only`,
    );
  }
  if (kind !== undefined) {
    const textOption =
      options.delimiter !== undefined ? '--delimiter' : options.encoding !== undefined ? '--encoding' : null;
    if (textOption !== null) {
      throw new InputError(
        `${textOption}: ${source.name} is a workbook (.${kind}): its cells need no delimiter or encoding; leave ${textOption} out`,
      );
    }
    return {
      kind,
      encoding: kind,
      delimiter: '',
      limits: readLimits(options.readLimits),
      ...(options.sheet ? { sheet: options.sheet } : {}),
    };
  }
  const guess =
    options.encoding !== undefined ? named(options.encoding) : detectText(bytes, source.name, complete);
  const encoding = guess.encoding;
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    let text = '';
    try {
      text = decodeSample(new TextDecoder(encoding), bytes, complete);
    } catch {
      // Unreadable bytes are reported, with their place, when the file is read.
    }
    delimiter = detectDelimiter(text, options.headerRow === undefined ? score : undefined);
  }
  return { kind: 'csv', encoding, encodingGuess: guess, delimiter, limits: readLimits(options.readLimits) };
}

const named = (label: string): EncodingGuess => ({
  encoding: checkEncoding(label),
  confidence: 'certain',
  why: 'named with --encoding',
});

/** The encoding of text; a file that is mostly binary is not a table at all. */
function detectText(bytes: Buffer, name: string, complete: boolean): EncodingGuess {
  const binary = isMostlyBinary(bytes);
  if (binary !== null) {
    throw new InputError(
      `${name} is not text: line ${binary.line}, byte ${binary.byte} is 0x${binary.value.toString(16).padStart(2, '0')}, and so are many others; export it as CSV (UTF-8) or .xlsx`,
    );
  }
  return detectEncoding(bytes, complete);
}

/**
 * A workbook by its first bytes: a zip is .xlsx; an OLE2 compound file is .xls (BIFF), and so is a file
 * named .xls that holds HTML or XML 2003 (as some exports write it). A file named .xls that holds plain
 * text (tab-separated, as some ERPs write it) is read as text.
 */
function workbookKind(bytes: Buffer, name: string): 'xlsx' | 'xls' | undefined {
  const ext = extname(name).toLowerCase();
  if (isZip(bytes) || (ext === '.xlsx' && bytes.length === 0)) return 'xlsx';
  if (isOle2(bytes)) return 'xls';
  if (
    ext === '.xls' &&
    /^\s*</.test(
      bytes
        .subarray(0, 512)
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, ''),
    )
  )
    return 'xls';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isOle2 = (bytes: Buffer) => OLE2.every((b, i) => bytes[i] === b);

/** Bytes → decoded text → records with their line numbers. The only place that knows file formats. */
export async function openCatalog(
  source: CatalogSource,
  format: TableFormat,
  choice: HeaderChoice = {},
): Promise<CatalogReader> {
  const read = { bytes: 0 };
  const rows = (
    format.kind !== 'csv'
      ? workbookRows(source.path, source.name, format.kind, format.sheet, format.limits)
      : readCsvRows(source, format, undefined, read)
  )[Symbol.asyncIterator]();
  let pending: RawRow[] = [];
  const nextRow = async (): Promise<RawRow | undefined> => {
    while (pending.length === 0) {
      const next = await rows.next();
      if (next.done) return undefined;
      pending = next.value;
    }
    return pending.shift() as RawRow;
  };
  const empty = () =>
    new InputError(`${source.name} is empty: expected a header row, then one row per record`);
  const { header, above } = await findHeader(nextRow, choice, source.name);
  if (header === undefined) throw empty();
  // The rows read past the header while looking for it are data, in order.
  pending = [...above.after, ...pending];
  return {
    headerRecords: above.records,
    headerLine: header.line,
    bytesRead: () => read.bytes,
    headers: header.cells,
    records: toRecords(pending, rows, header.cells.length, fromWorkbook(format)),
    close: async () => {
      await rows.return?.(undefined);
    },
  };
}

const isBlank = (row: RawRow) => row.cells.every((cell) => cell.trim() === '');

/** However many comment and blank lines there are, the header is looked for in this many rows at most. */
const HEADER_SEARCH_LIMIT = 1000;

/**
 * The header row: the one at `choice.row`; else Amazon's third row under its template line; else the
 * one `choice.score` picks among the first rows; else the first non-empty row.
 */
async function findHeader(
  nextRow: () => Promise<RawRow | undefined>,
  choice: HeaderChoice,
  name: string,
): Promise<{ header: RawRow | undefined; above: { records: number; after: RawRow[] } }> {
  const seen: RawRow[] = [];
  const at = (i: number) => ({ header: seen[i], above: { records: i + 1, after: seen.slice(i + 1) } });
  if (choice.row !== undefined) {
    for (let row = await nextRow(); row !== undefined; row = await nextRow()) {
      seen.push(row);
      if (row.line === choice.row) return at(seen.length - 1);
      if (row.line > choice.row) break;
    }
    const last = seen.at(-1)?.line;
    throw new InputError(
      last === undefined || last < choice.row
        ? `--header-row ${choice.row}: ${name} ends before line ${choice.row}${last === undefined ? '' : ` (its last row starts on line ${last})`}`
        : `--header-row ${choice.row}: no row of ${name} starts on line ${choice.row} (a cell above it runs over several lines)`,
    );
  }
  const first = await nextRow();
  if (first === undefined) return { header: undefined, above: { records: 0, after: [] } };
  seen.push(first);
  // Amazon's flat-file templates put a template line and a row of labels above the field names.
  if (first.cells[0]?.startsWith('TemplateType=')) {
    for (let i = 0; i < 2; i++) {
      const row = await nextRow();
      if (row !== undefined) seen.push(row);
    }
    return at(seen.length - 1);
  }
  if (choice.score === undefined) return at(0);
  const picker = new HeaderPicker(choice.score);
  for (let i = 0; i < HEADER_SEARCH_LIMIT; i++) {
    const row = seen[i] ?? (await nextRow());
    if (row === undefined) break;
    if (i === seen.length) seen.push(row);
    if (!picker.offer(row.cells)) break;
  }
  if (picker.choice >= 0) return at(picker.choice);
  // No row looks like a header: the first non-empty one is taken, and the column mapping says why not.
  const firstFilled = seen.findIndex((row) => !isBlank(row));
  return at(firstFilled < 0 ? 0 : firstFilled);
}

/** A workbook does not store trailing empty cells: its short rows are not ragged. */
export const fromWorkbook = (format: TableFormat) =>
  format.kind !== 'csv' || format.worksheetRows !== undefined;

/** A part of a file that starts at a record: its bytes, the line it starts on, records before it. */
export interface FilePart {
  start: number;
  end: number;
  line: number;
  /** Data records before the part. */
  record: number;
}

/** The records of one part of a text file (no header in it), numbered as in the whole file. */
export function readPart(
  source: CatalogSource,
  format: TableFormat,
  part: FilePart,
  width: number,
): AsyncIterable<CatalogRecord[]> {
  return toRecords([], readCsvRows(source, format, part)[Symbol.asyncIterator](), width, false, part.record);
}

/**
 * Numbers the records and fits them to the header's width. A spreadsheet does not store trailing empty
 * cells, so there only a row that is too long is ragged.
 */
async function* toRecords(
  first: RawRow[],
  rest: AsyncIterator<RawRow[]>,
  width: number,
  shortIsFine: boolean,
  recordsBefore = 0,
): AsyncGenerator<CatalogRecord[]> {
  let record = recordsBefore;
  const shape = (rows: RawRow[]): CatalogRecord[] =>
    rows.map((row) => {
      const length = row.cells.length;
      const rawWidth = length === width || (shortIsFine && length < width) ? null : length;
      const cells = length === width ? row.cells : fitWidth(row.cells, width);
      record++;
      const shaped: CatalogRecord = {
        line: row.line,
        record,
        cells,
        rawWidth,
        text: length === width ? row.text : null,
      };
      if (row.control) shaped.control = true;
      return shaped;
    });
  if (first.length > 0) yield shape(first);
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    if (next.value.length > 0) yield shape(next.value);
  }
}

function fitWidth(cells: string[], width: number): string[] {
  if (cells.length > width) return cells.slice(0, width);
  const padded = cells.slice();
  while (padded.length < width) padded.push('');
  return padded;
}

async function* readCsvRows(
  source: CatalogSource,
  format: TableFormat,
  part?: FilePart,
  read = { bytes: 0 },
): AsyncGenerator<RawRow[]> {
  // A part starts at a record, never at the file's byte-order mark: a U+FEFF there is the record's own.
  const decoder = new TextDecoder(format.encoding, { fatal: true, ignoreBOM: part !== undefined });
  const tokenizer = new CsvTokenizer(
    format.delimiter,
    part?.line ?? 1,
    format.keepText === true,
    format.limits.cellChars,
  );
  const rowLines = format.worksheetRows;
  let record = 0;
  const lines = (rows: RawRow[]): RawRow[] => {
    if (rowLines !== undefined) for (const row of rows) row.line = rowLines[record++] ?? row.line;
    return rows;
  };
  try {
    for await (const chunk of source.open(part) as AsyncIterable<Buffer>) {
      read.bytes += chunk.length;
      const out: RawRow[] = [];
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw await badBytes(source, format.encoding);
      }
      tokenizer.push(text, out);
      yield lines(out);
    }
    const out: RawRow[] = [];
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw await badBytes(source, format.encoding);
    }
    tokenizer.push(tail, out);
    tokenizer.end(out);
    yield lines(out);
  } catch (error) {
    if (error instanceof CellTooLongError) {
      throw new InputError(
        `${source.name}: ${error.message}; if it is genuine, raise the limit with --max-cell-mb`,
      );
    }
    if (error instanceof UnclosedQuoteError) {
      const byte = await byteOfLine(source, error.line, format.encoding);
      throw new InputError(
        `${source.name}: ${error.message} (line ${error.line}${byte === null ? '' : `, byte ${byte}`}); close the quote or re-export the file`,
      );
    }
    throw error;
  }
}

/** Ends of lines are the same bytes in every supported encoding but UTF-16. */
const byteLines = (encoding: string) => !encoding.startsWith('utf-16');

/** Where the first bytes that are not text in `encoding` are: found on the error path only. */
async function badBytes(source: CatalogSource, encoding: string): Promise<InputError> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  let line = 1;
  let previous = -1;
  for await (const chunk of source.open() as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      try {
        decoder.decode(chunk.subarray(i, i + 1), { stream: true });
      } catch {
        const where = byteLines(encoding) ? `line ${line}, byte ${offset + i}` : `byte ${offset + i}`;
        return new InputError(
          `${source.name} is not valid ${encoding} text at ${where}; name its encoding with --encoding (utf-8, gb18030, shift_jis, windows-1252) or re-save it as UTF-8`,
        );
      }
      const b = chunk[i];
      if (b === 0x0a || (previous === 0x0d && b !== 0x0a)) line++;
      previous = b ?? -1;
    }
    offset += chunk.length;
  }
  return new InputError(`${source.name} ends in the middle of a ${encoding} character; re-save it as UTF-8`);
}

/** The byte offset where physical line `line` starts (null for UTF-16). */
async function byteOfLine(source: CatalogSource, target: number, encoding: string): Promise<number | null> {
  if (!byteLines(encoding)) return null;
  let line = 1;
  let offset = 0;
  let previous = -1;
  for await (const chunk of source.open() as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (previous === 0x0d && b !== 0x0a) line++;
      if (line === target) return offset + i;
      if (b === 0x0a) line++;
      previous = b ?? -1;
    }
    offset += chunk.length;
  }
  return null;
}
