import { HeaderPicker, type HeaderScore } from './header-row.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter from the first lines of decoded text. With `isHeader`, the header is looked for first,
 * per candidate, among the first 30 non-empty lines (a title, notes or `#` comments above it are not
 * the table): the candidate that splits a line into a header, and the lines after it into as many cells,
 * wins. Otherwise, or when no candidate finds a header: the candidate that splits the first line into the
 * most cells and gives the following lines the same count; `,` when nothing else does better.
 */
export function detectDelimiter(text: string, scoreOf?: HeaderScore): string {
  const lines = text.split(/\r\n|\n|\r/, 2000).filter((line) => line.trim() !== '');
  if (lines[0] === undefined) return ',';
  let best = ',';
  let bestScore = 0;
  let bestFound = false;
  for (const delimiter of DELIMITERS) {
    let at = 0;
    let found = false;
    if (scoreOf !== undefined) {
      const picker = new HeaderPicker(scoreOf);
      for (const line of lines) if (!picker.offer(splitLine(line, delimiter))) break;
      if (picker.choice >= 0) [at, found] = [picker.choice, true];
    }
    if (bestFound && !found) continue;
    const header = lines[at] ?? '';
    const width = countOutsideQuotes(header, delimiter) + 1;
    if (width < 2) continue;
    const rows = lines.slice(at + 1, at + 21);
    const consistent = rows.filter((line) => countOutsideQuotes(line, delimiter) + 1 === width).length;
    // Header width counts most; rows that agree with it break ties (a comma inside titles, say).
    const score = width * (rows.length === 0 ? 1 : 0.5 + consistent / rows.length / 2);
    if (score > bestScore || (found && !bestFound)) {
      best = delimiter;
      bestScore = score;
      bestFound = found;
    }
  }
  return best;
}

/** A line's cells, for a look at the header: quotes taken off, doubled quotes kept as one. */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/** An .xlsx workbook is a zip file: it starts with `PK\x03\x04`. */
export function isZip(sample: Buffer): boolean {
  return sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04;
}
