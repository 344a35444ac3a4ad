import { detach } from '../core/detach.js';
import type { IsoDate } from '../core/types.js';

const DATE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T\s]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
// Spreadsheet day numbers (1900 date system) from 1954 to 2119: a bare number in that range in a date
// column is a date cell that lost its format, not a year or an id.
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date cell → its calendar day. A time of day is ignored: the policy counts days online.
 * Returns null for an empty cell and 'invalid' for anything that is not a real calendar day.
 */
export function parseDate(text: string): IsoDate | 'invalid' | null {
  // A catalog has a few hundred distinct listing days over a million rows.
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const result = parseDateUncached(text);
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(detach(text), result);
  return result;
}

const CACHE_LIMIT = 10_000;
const parsed = new Map<string, IsoDate | 'invalid' | null>();
const added = new Map<number, Map<string, IsoDate>>();

function parseDateUncached(text: string): IsoDate | 'invalid' | null {
  const value = text.trim();
  if (value === '') return null;
  const match = DATE.exec(value);
  if (match) {
    const [, y, m, d, hh, mm, ss] = match;
    const year = Number(y);
    const month = Number(m);
    const day = Number(d);
    if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return 'invalid';
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      return 'invalid';
    }
    return toIsoDate(time);
  }
  if (SERIAL.test(value)) {
    const serial = Number(value);
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX)
      return toIsoDate(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  }
  return 'invalid';
}

function toIsoDate(timeMs: number): IsoDate {
  return new Date(timeMs).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  let byDate = added.get(days);
  if (byDate === undefined) {
    byDate = new Map();
    added.set(days, byDate);
  }
  let result = byDate.get(date);
  if (result === undefined) {
    result = toIsoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
    if (byDate.size >= CACHE_LIMIT) byDate.clear();
    byDate.set(date, result);
  }
  return result;
}

export function todayUtc(now: Date = new Date()): IsoDate {
  return toIsoDate(now.getTime());
}
