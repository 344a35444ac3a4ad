import chardet from 'chardet';
import { InputError } from '../errors.js';
import { HeaderPicker, type HeaderScore } from './header-row.js';

/** The encodings a catalog may be in (WHATWG names, decoded by the built-in TextDecoder). */
export const SUPPORTED_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'shift_jis',
  'windows-1252',
] as const;

const DETECTED_NAMES = new Map<string, string>([
  ['UTF-8', 'utf-8'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
  ['GB18030', 'gb18030'],
  ['Shift_JIS', 'shift_jis'],
  ['windows-1252', 'windows-1252'],
  ['ISO-8859-1', 'windows-1252'],
  ['ISO-8859-15', 'windows-1252'],
]);

/** Checks an `--encoding` value: any label the WHATWG Encoding Standard knows (gbk, sjis, latin1, …). */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new InputError(
      `--encoding ${label}: unknown encoding; use one of ${SUPPORTED_ENCODINGS.join(', ')}`,
    );
  }
}

/**
 * The encoding of a file from its first bytes: a byte-order mark, else valid UTF-8, else the most likely
 * of GB18030, Shift-JIS and Windows-1252 by byte statistics. Bytes that no text has (NUL without UTF-16,
 * control characters) are an error: the file is not a table at all.
 */
export function detectEncoding(sample: Buffer, name: string, complete: boolean): string {
  // TextDecoder drops the byte-order mark itself.
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const binary = binaryByte(sample);
  if (binary !== -1) {
    let line = 1;
    for (let i = 0; i < binary; i++) if (sample[i] === 0x0a) line++;
    throw new InputError(
      `${name} is not text: line ${line}, byte ${binary} is 0x${(sample[binary] ?? 0).toString(16).padStart(2, '0')}; export it as CSV (UTF-8) or .xlsx`,
    );
  }
  if (decodes(sample, 'utf-8', complete)) return 'utf-8';
  // Kana is Japanese and nothing else: a sample that decodes as Shift-JIS into kana is Shift-JIS, even
  // when it is too short for the statistics (which then lean to Windows-1252).
  if (decodes(sample, 'shift_jis', complete) && KANA.test(new TextDecoder('shift_jis').decode(sample))) {
    return 'shift_jis';
  }
  // Likewise, text whose every non-ASCII byte pairs up as a GB2312 character, with at least four common
  // Chinese characters, is Chinese: byte statistics need more text than a small export has (they call a
  // few Chinese headers Windows-1252).
  if (commonHanzi(sample) >= 4 && decodes(sample, 'gb18030', complete)) return 'gb18030';
  for (const candidate of chardet.analyse(sample)) {
    const encoding = DETECTED_NAMES.get(candidate.name);
    if (encoding !== undefined && encoding !== 'utf-8' && decodes(sample, encoding, complete)) {
      return encoding;
    }
  }
  return 'windows-1252';
}

/** Index of the first byte that text never holds (NUL, or C0 controls other than tab, LF, CR, ESC, FF). */
function binaryByte(sample: Buffer): number {
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return i;
  }
  return -1;
}

function decodes(sample: Buffer, encoding: string, complete: boolean): boolean {
  try {
    // A sample cut mid-character is fine: stream mode keeps the partial character back.
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const KANA = /[\u3041-\u3096\u30a1-\u30fa]{2}/;

/**
 * How many common Chinese characters (GB2312 level 1: lead byte 0xB0-0xD7) the sample holds, when every
 * byte from 0x80 up pairs up as a GB2312 character (lead 0xA1-0xF7, trail 0xA1-0xFE); else 0. Windows-1252
 * text rarely pairs all its accented letters, and more rarely still into level-1 characters: `Größe` pairs
 * `ö` with `ß` (0xF6 0xDF, level 2); `PROMOÇÃO` makes one level-1 pair.
 */
function commonHanzi(sample: Buffer): number {
  let common = 0;
  for (let i = 0; i < sample.length; i++) {
    const lead = sample[i] ?? 0;
    if (lead < 0x80) continue;
    if (i + 1 === sample.length) break; // cut mid-character at the end of the sample
    const trail = sample[i + 1] ?? 0;
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) return 0;
    if (lead >= 0xb0 && lead <= 0xd7) common++;
    i++;
  }
  return common;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

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
