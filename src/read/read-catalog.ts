import { InputError } from '../errors.js';
import type { CatalogRecord } from '../types.js';
import type { CatalogSource } from './open-source.js';
import { CsvTokenizer, type RawRow } from './tokenize-csv.js';

export interface ReadOptions {
  /** Cell delimiter; `,` unless given. */
  delimiter?: string;
}

export interface CatalogReader {
  headers: string[];
  encoding: string;
  delimiter: string;
  /** The data records, in batches (one per chunk of input), in file order. */
  records: AsyncIterable<CatalogRecord[]>;
}

/** Bytes → decoded text → records with their line numbers. The only place that knows the file format. */
export async function openCatalog(source: CatalogSource, options: ReadOptions = {}): Promise<CatalogReader> {
  const delimiter = options.delimiter ?? ',';
  const rows = readRows(source, delimiter)[Symbol.asyncIterator]();
  let pending: RawRow[] = [];
  let header: RawRow | undefined;
  while (header === undefined) {
    const next = await rows.next();
    if (next.done)
      throw new InputError(`${source.name} is empty: expected a header row, then one row per SKU`);
    [header, ...pending] = next.value;
  }
  const headers = header.cells;
  return {
    headers,
    encoding: 'utf-8',
    delimiter,
    records: toRecords(pending, rows, headers.length),
  };
}

async function* toRecords(
  first: RawRow[],
  rest: AsyncIterator<RawRow[]>,
  width: number,
): AsyncGenerator<CatalogRecord[]> {
  let record = 0;
  const shape = (rows: RawRow[]): CatalogRecord[] =>
    rows.map((row) => {
      const rawWidth = row.cells.length === width ? null : row.cells.length;
      const cells = rawWidth === null ? row.cells : fitWidth(row.cells, width);
      record++;
      return { line: row.line, record, cells, rawWidth };
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

async function* readRows(source: CatalogSource, delimiter: string): AsyncGenerator<RawRow[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const tokenizer = new CsvTokenizer(delimiter);
  let bytes = 0;
  for await (const chunk of source.open() as AsyncIterable<Buffer>) {
    const out: RawRow[] = [];
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError(
        `${source.name} is not UTF-8 text (bad bytes within bytes ${bytes}-${bytes + chunk.length}); save it as UTF-8 CSV`,
      );
    }
    bytes += chunk.length;
    tokenizer.push(text, out);
    yield out;
  }
  const out: RawRow[] = [];
  tokenizer.push(decoder.decode(), out);
  tokenizer.end(out);
  yield out;
}
