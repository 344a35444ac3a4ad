import { describe, expect, it } from 'vitest';
import { addDays, parseDate } from '../../src/values/dates.js';

describe('parseDate', () => {
  it.each([
    ['2026-10-24', '2026-10-24'],
    ['2026/10/24', '2026-10-24'],
    ['2026-1-5', '2026-01-05'],
    ['2026-10-24 23:59', '2026-10-24'],
    ['2026-10-24 23:59:59', '2026-10-24'],
    ['2026-10-24T23:59:59Z', '2026-10-24'],
    ['2026-10-24T08:00:00+08:00', '2026-10-24'],
    ['2026/10/24 08:30:00', '2026-10-24'],
    ['46319', '2026-10-24'],
  ])('reads %s as the calendar day %s (a time of day is ignored)', (text, day) => {
    expect(parseDate(text)).toBe(day);
  });

  it('takes an empty cell as missing', () => {
    expect(parseDate('  ')).toBeNull();
  });

  it.each(['2026-13-45', '2026-02-30', '2025-02-29', '24/10/2026', 'yesterday', '2026-10-24 25:00', '123'])(
    'rejects %s',
    (text) => {
      expect(parseDate(text)).toBe('invalid');
    },
  );

  it('adds calendar days across months and leap days', () => {
    expect(addDays('2026-10-24', 30)).toBe('2026-11-23');
    expect(addDays('2028-02-15', 30)).toBe('2028-03-16');
  });
});
