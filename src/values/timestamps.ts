const STAMP =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date-time cell → minutes since 1970 in the shared zone. Timestamps without a zone are all taken to be
 * in one zone (read as UTC), so the time between two of them is exact; one with `Z` or an offset is
 * converted. A date alone is that day at 00:00. Empty → null; unreadable → NaN.
 */
export function parseTimestamp(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  const m = STAMP.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return Number.NaN;
  // Date.UTC reads years 0-99 as 1900-1999: such a year is no order date.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s));
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const [zh, zm] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    // Real offsets run from -12:00 to +14:00.
    if (zh > 14 || zm > 59) return Number.NaN;
    ms -= sign * (zh * 60 + zm) * 60_000;
  }
  // Seconds count: minutes are kept exact to the second as a fraction.
  return ms / 60_000;
}

const MINUTES_PER_DAY = 1440;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Minutes since 1970 → `YYYY-MM-DDTHH:mm`. */
export function formatMinutes(minutes: number): string {
  const whole = Math.floor(minutes);
  const inDay = whole - Math.floor(whole / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  const hh = Math.floor(inDay / 60);
  const mm = inDay % 60;
  return `${dayOf(whole)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}

/** The calendar day (`YYYY-MM-DD`) of a time in minutes. */
export function dayOf(minutes: number): string {
  // Orders fall on a few hundred days: each day's text is made once.
  const day = Math.floor(Math.floor(minutes) / MINUTES_PER_DAY);
  let text = dayTexts.get(day);
  if (text === undefined) {
    const iso = new Date(day * MINUTES_PER_DAY * 60_000).toISOString();
    text = iso.slice(0, iso.indexOf('T'));
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

const dayTexts = new Map<number, string>();

/** A span in words, exact to the second: `73 h`, `72 h 1 min`, `72 h 0 min 10 s`. */
export function duration(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return s > 0 ? `${h} h ${m} min ${s} s` : m > 0 ? `${h} h ${m} min` : `${h} h`;
}
