import { InputError } from '../core/errors.js';
import { megabytes, type ReadLimits } from './limits.js';
import { openXls as readXls } from './read-xls.js';
import { readXlsxSheets, type SheetRows } from './read-xlsx.js';
import type { RawRow } from './tokenize-csv.js';
import { orderedWorkbookStream } from './workbook-stream.js';
import { readWorkbookInfo, type WorkbookInfo, type WorkbookSheet } from './workbook-info.js';
import { checkZipLimits } from './zip-limits.js';

export type WorkbookKind = 'xlsx' | 'xls';

/** `--sheet all`: every visible sheet. */
export const ALL_SHEETS = 'all';

/** A workbook of either kind: its sheets in workbook order, and the rows of the ones asked for. */
export interface Workbook {
  info: WorkbookInfo;
  /** The rows of the chosen sheets, sheet by sheet (in the file's order, which may not be the workbook's). */
  rows(
    chosen: readonly WorkbookSheet[],
    onSheet?: (sheet: string) => void,
  ): AsyncGenerator<SheetRows & { chosen: WorkbookSheet }>;
}

/**
 * A workbook opened within the limits: an .xlsx whose zip would unzip past them is refused before it is
 * read, and a cell longer than the limit ends the read.
 */
export async function openWorkbook(
  path: string,
  name: string,
  kind: WorkbookKind,
  limits: ReadLimits,
): Promise<Workbook> {
  const book = kind === 'xls' ? await openXls(path, name) : await openXlsx(path, name, limits);
  return {
    info: book.info,
    async *rows(chosen, onSheet) {
      for await (const batch of book.rows(chosen, onSheet)) {
        for (const row of batch.rows)
          for (const cell of row.cells)
            if (cell.length > limits.cellChars) {
              throw new InputError(
                `${name}: the cell on row ${row.line} of sheet "${batch.chosen.name}" is longer than ${megabytes(limits.cellChars)}; if it is genuine, raise the limit with --max-cell-mb`,
              );
            }
        yield batch;
      }
    },
  };
}

async function openXls(path: string, name: string): Promise<Workbook> {
  const book = await readXls(path, name);
  return {
    info: book.info,
    async *rows(chosen) {
      const byName = new Map(chosen.map((s) => [s.streamName, s]));
      for await (const batch of book.rows((sheet) => byName.has(sheet)))
        yield { ...batch, chosen: byName.get(batch.sheet) as WorkbookSheet };
    },
  };
}

async function openXlsx(path: string, name: string, limits: ReadLimits): Promise<Workbook> {
  await checkZipLimits(path, name, limits);
  const info = await readWorkbookInfo(path);
  const names = new Set<string>();
  for (const sheet of info.sheets) {
    // Excel does not open such a workbook; which of the two a row came from could not be told.
    if (names.has(sheet.name))
      throw new InputError(
        `${name} is damaged: two sheets are named "${sheet.name}"; re-save it from Excel, or export it as CSV`,
      );
    names.add(sheet.name);
  }
  return {
    info,
    async *rows(chosen, onSheet) {
      const byName = new Map(chosen.map((s) => [s.streamName, s]));
      // A workbook whose sheet list could not be read: the first sheet the stream meets stands for it.
      let stand: WorkbookSheet | undefined;
      const pick = (sheet: string) => {
        const known = byName.get(sheet);
        if (known !== undefined) return known;
        if (info.sheets.length === 0 && chosen.some((s) => s.streamName === '') && stand === undefined) {
          stand = { name: sheet, hidden: false, streamName: sheet, part: '' };
          byName.set(sheet, stand);
          return stand;
        }
        return undefined;
      };
      // The parts the reader needs, in the order it needs them (`workbook-stream.ts`); the file as it is
      // when its sheet list could not be read.
      const ordered = info.sheets.length > 0 ? await orderedWorkbookStream(path, info, chosen) : undefined;
      for await (const batch of readXlsxSheets(
        ordered ?? path,
        name,
        (sheet) => pick(sheet) !== undefined,
        onSheet,
        limits.cellChars,
      ))
        yield { ...batch, chosen: byName.get(batch.sheet) as WorkbookSheet };
    },
  };
}

/**
 * The sheets `--sheet` asks for: the one named (hidden or not), every visible one (`all`), or by default
 * the first visible one in workbook order. When the sheet list is unreadable, a placeholder that the first
 * sheet met stands for.
 */
export function chooseSheets(info: WorkbookInfo, sheet: string | undefined, name: string): WorkbookSheet[] {
  if (info.sheets.length === 0) {
    if (sheet !== undefined && sheet !== ALL_SHEETS)
      return [{ name: sheet, hidden: false, streamName: sheet, part: '' }];
    return [{ name: '', hidden: false, streamName: '', part: '' }];
  }
  const visible = info.sheets.filter((s) => !s.hidden);
  if (sheet === undefined) {
    const first = visible[0];
    if (first === undefined) throw new InputError(`${name} has no visible sheet; name one with --sheet`);
    return [first];
  }
  if (sheet === ALL_SHEETS && !info.sheets.some((s) => s.name === ALL_SHEETS)) return visible;
  const named = info.sheets.find((s) => s.name === sheet);
  if (named === undefined) {
    throw new InputError(
      `${name} has no sheet "${sheet}" (sheets: ${info.sheets.map((s) => `${JSON.stringify(s.name)}${s.hidden ? ' (hidden)' : ''}`).join(', ')}); name one with --sheet, or read every visible one with --sheet all`,
    );
  }
  return [named];
}

/** The rows of the one sheet `--sheet` names (or the first visible one), read straight from the workbook. */
export async function* workbookRows(
  path: string,
  name: string,
  kind: WorkbookKind,
  sheet: string | undefined,
  limits: ReadLimits,
): AsyncGenerator<RawRow[]> {
  const book = await openWorkbook(path, name, kind, limits);
  const chosen = chooseSheets(book.info, sheet === ALL_SHEETS ? undefined : sheet, name);
  for await (const batch of book.rows(chosen.slice(0, 1))) yield batch.rows;
}
