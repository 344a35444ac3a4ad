import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.js';
import { megabytes } from './limits.js';
import { fillMissingReferences, RowOrderError } from './sheet-references.js';
import { SharedStrings } from './shared-strings.js';
import type { RawRow } from './tokenize-csv.js';

type CellValue = unknown;

/** What exceljs's `parse()` yields: events (`eventType`), and in 4.4 bare `{ index, text }` shared strings. */
interface WorkbookEvent {
  eventType?: string;
  value?: unknown;
  index?: unknown;
  text?: unknown;
}

type WorksheetRows = AsyncIterable<{ values: unknown; number: number }> & { name: string };

function isSharedStringEntry(event: WorkbookEvent): event is { index: number; text: CellValue } {
  return event.eventType === undefined && typeof event.index === 'number';
}

/** A cell that points into the shared strings (exceljs's value for it when they are not cached). */
function isSharedString(value: CellValue): value is { sharedString: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { sharedString?: unknown }).sharedString === 'number'
  );
}

/** A cell as the text a CSV export of it would hold; numbers, dates and text keep their meaning. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // Spreadsheet dates have no zone; exceljs hands them over as UTC.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    // A formula's value is its cached result; one saved without it (never calculated) is empty.
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/** A stand-in for exceljs's array of shared strings: entry `i` is `{ sharedString: i }`. */
const INDEXES = new Proxy([] as unknown[], {
  get: (target, key) =>
    typeof key === 'string' && /^\d+$/.test(key) ? { sharedString: Number(key) } : Reflect.get(target, key),
});

/** Rows of one sheet, as the workbook readers hand them over. */
export interface SheetRows {
  sheet: string;
  rows: RawRow[];
}

/**
 * The rows of the sheets of an .xlsx workbook that `wanted` takes (by the name the stream gives them;
 * see `workbook-info.ts`), streamed, in the order of the zip. The `line` of a row is its row number in the
 * sheet. Trailing empty cells are dropped: a spreadsheet does not store them. Shared strings are taken as
 * exceljs reads them and kept compactly (`SharedStrings`), not as its array of a string per entry.
 */
export async function* readXlsxSheets(
  input: string | Readable,
  name: string,
  wanted: (sheet: string) => boolean,
  onSheet: ((sheet: string) => void) | undefined,
  maxCell: number,
): AsyncGenerator<SheetRows> {
  fillMissingReferences();
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // With shared strings to look up, exceljs reads a sheet as it meets it rather than copying it to a
  // temporary file first; each lookup hands back the index, resolved here from the compact store.
  if (typeof input !== 'string') (workbook as unknown as { sharedStrings: unknown }).sharedStrings = INDEXES;
  const strings = new SharedStrings();
  const text = (value: CellValue) =>
    cellText(isSharedString(value) ? strings.get(value.sharedString) : value);
  let sheets = 0;
  try {
    for await (const event of workbook.parse() as unknown as AsyncIterable<WorkbookEvent>) {
      // exceljs 4.4 hands each shared string over as `{ index, text }`, in order, before any sheet.
      if (isSharedStringEntry(event)) {
        const shared = cellText(event.text);
        if (shared.length > maxCell) {
          throw new InputError(
            `${name}: shared string ${event.index} is longer than ${megabytes(maxCell)}; if it is genuine, raise the limit with --max-cell-mb`,
          );
        }
        strings.add(shared);
        continue;
      }
      if (event.eventType !== 'worksheet') continue;
      const worksheet = event.value as WorksheetRows;
      const sheetName = worksheet.name;
      sheets++;
      onSheet?.(sheetName);
      const take = wanted(sheetName);
      let batch: RawRow[] = [];
      for await (const row of worksheet) {
        if (!take) continue;
        // `values` is sparse (empty cells are not stored): Array.from turns its holes into '' cells.
        const values = Array.from((row.values as CellValue[]).slice(1), text);
        while (values.length > 0 && values[values.length - 1] === '') values.pop();
        batch.push({ cells: values, line: row.number, text: null });
        if (batch.length >= 4096) {
          yield { sheet: sheetName, rows: batch };
          batch = [];
        }
      }
      if (take) yield { sheet: sheetName, rows: batch };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    // exceljs fails on a missing or damaged part with a bare TypeError ("Cannot read properties of
    // undefined"), which says nothing to a user; its XML errors name the place (first line only).
    const why =
      error instanceof TypeError || error instanceof RangeError
        ? 'a part of it is missing or damaged'
        : error instanceof RowOrderError
          ? `its rows are out of order: ${error.message}`
          : ((error as Error).message.split('\n')[0] ?? '');
    throw new InputError(
      `${name} is not a readable .xlsx workbook (${why}); re-save it from Excel, or export it as CSV`,
    );
  }
  if (sheets === 0) throw new InputError(`${name} has no worksheet`);
}
