import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { SheetRows } from './read-xlsx.js';
import type { WorkbookInfo } from './workbook-info.js';
import type { RawRow } from './tokenize-csv.js';

type SheetJs = typeof import('@e965/xlsx');
type Book = ReturnType<SheetJs['read']>;
type Cell = { t?: string; v?: unknown; w?: string; z?: string | number };

/** A legacy workbook (.xls, Excel 97-2003), read whole: a sheet of one holds at most 65,536 rows. */
export interface XlsWorkbook {
  info: WorkbookInfo;
  rows(wanted: (sheet: string) => boolean): AsyncGenerator<SheetRows>;
}

/**
 * Opens an .xls workbook (BIFF8, and the BIFF5 and XML 2003 forms SheetJS also reads) with SheetJS's
 * maintained build (`@e965/xlsx`, the same code as SheetJS's own 0.20.3 release). Cells keep their
 * meaning as for .xlsx: numbers as numbers, date cells as dates (1900 or 1904 system), text as text.
 */
export async function openXls(path: string, name: string): Promise<XlsWorkbook> {
  const XLSX: SheetJs = await import('@e965/xlsx');
  let book: Book;
  try {
    book = XLSX.read(await readFile(path), { type: 'buffer', dense: true, cellNF: true, cellDates: false });
  } catch {
    // SheetJS's own words for a damaged file are about its internals (`Cannot set properties of …`).
    throw new InputError(
      `${name} is not a readable .xls workbook (it is damaged, or not an Excel 97-2003 file); re-save it from Excel, or export it as CSV`,
    );
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const hidden = new Map((book.Workbook?.Sheets ?? []).map((s) => [s.name ?? '', (s.Hidden ?? 0) !== 0]));
  const info: WorkbookInfo = {
    sheets: book.SheetNames.map((sheet) => ({
      name: sheet,
      hidden: hidden.get(sheet) ?? false,
      streamName: sheet,
      part: '',
    })),
    date1904,
  };
  return {
    info,
    async *rows(wanted) {
      for (const sheet of book.SheetNames) {
        if (!wanted(sheet)) continue;
        const data =
          (book.Sheets[sheet] as { '!data'?: (Cell | undefined)[][] } | undefined)?.['!data'] ?? [];
        let batch: RawRow[] = [];
        for (let r = 0; r < data.length; r++) {
          const row = data[r];
          if (row === undefined) continue;
          const cells = Array.from(row, (cell) => xlsCellText(XLSX, cell, date1904));
          while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
          batch.push({ cells, line: r + 1, text: null });
          if (batch.length >= 4096) {
            yield { sheet, rows: batch };
            batch = [];
          }
        }
        yield { sheet, rows: batch };
      }
    },
  };
}

const DAY_MS = 86_400_000;
/** Day 0 of each date system, as the spreadsheet counts (1900's includes its phantom 29 February). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A cell as the text a CSV export of it would hold, as `cellText` does for .xlsx. */
function xlsCellText(XLSX: SheetJs, cell: Cell | undefined, date1904: boolean): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
    case 'str':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '';
    case 'n': {
      const n = cell.v as number;
      if (!Number.isFinite(n)) return '';
      const format =
        typeof cell.z === 'string'
          ? cell.z
          : typeof cell.z === 'number'
            ? XLSX.SSF.get_table()[cell.z]
            : undefined;
      if (format !== undefined && XLSX.SSF.is_date(format)) return dateText(n, date1904);
      return String(n);
    }
    case 'd':
      return cell.v instanceof Date
        ? dateText((cell.v.getTime() - EPOCH_1900) / DAY_MS, false)
        : String(cell.v);
    default:
      return String(cell.v);
  }
}

/** A date serial as `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time of day (rounded to the second). */
function dateText(serial: number, date1904: boolean): string {
  const ms = Math.round(((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * DAY_MS) / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
