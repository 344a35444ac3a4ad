import { createRequire } from 'node:module';

/**
 * ECMA-376 makes the `r` attribute of a row (its number) and of a cell (its address) optional: a row
 * without one is the row after the one before, a cell without one the cell after the one before. Several
 * generators leave them out. exceljs 4.4 reads every row's and cell's `r` and fails without it ("Cannot
 * read properties of undefined"). Its stream reader takes a sheet's XML events from one module
 * (`lib/utils/parse-sax.js`); this puts a wrapper in that module's place, before exceljs loads, which
 * fills in each missing `r` from the row and cell before it. Nothing else of exceljs changes; exceljs is
 * pinned to the version this was written for (`docs/decisions.md`).
 */
export function fillMissingReferences(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('exceljs/lib/utils/parse-sax.js');
  const cached = require.cache[path];
  if (cached !== undefined && (cached.exports as { filled?: boolean }).filled === true) return;
  const parseSax = require(path) as (input: unknown) => AsyncIterable<SaxEvent[]>;
  const filled = Object.assign((input: unknown) => withReferences(parseSax(input)), { filled: true });
  (require.cache[path] as NodeJS.Module).exports = filled;
}

/**
 * A sheet's rows come in ascending order (ECMA-376); one numbered at or before the row above it is damage
 * (two rows 1 would be two headers, or two records on one line).
 */
export class RowOrderError extends Error {
  constructor(
    readonly row: number,
    readonly after: number,
  ) {
    super(`row ${row} comes after row ${after}`);
  }
}

interface SaxEvent {
  eventType: string;
  value: unknown;
}

interface SaxTag {
  name: string;
  attributes: Record<string, string | undefined>;
}

async function* withReferences(events: AsyncIterable<SaxEvent[]>): AsyncGenerator<SaxEvent[]> {
  let inRows = false;
  let row = 0;
  let column = 0;
  for await (const batch of events) {
    for (const event of batch) {
      const tag = event.value as SaxTag;
      if (event.eventType === 'closetag') {
        if (tag.name === 'sheetData') inRows = false;
        continue;
      }
      if (event.eventType !== 'opentag') continue;
      if (tag.name === 'sheetData') {
        inRows = true;
        row = 0;
      } else if (!inRows) {
        continue;
      } else if (tag.name === 'row') {
        const given = Number.parseInt(tag.attributes.r ?? '', 10);
        if (Number.isInteger(given) && given > 0 && given <= row) throw new RowOrderError(given, row);
        row = Number.isInteger(given) && given > 0 ? given : row + 1;
        tag.attributes.r = String(row);
        column = 0;
      } else if (tag.name === 'c') {
        const given = /^([A-Z]{1,3})\d*$/i.exec(tag.attributes.r ?? '')?.[1];
        column = given === undefined ? column + 1 : columnNumber(given);
        if (given === undefined) tag.attributes.r = `${columnLetters(column)}${row}`;
      }
    }
    yield batch;
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
