import { describe, expect, it } from 'vitest';
import {
  parseDecimal,
  parseHandlingHours,
  parseLengthCm,
  parsePrice,
  parseWeightKg,
} from '../../src/values/units.js';

const comma = { decimalComma: false };
const euro = { decimalComma: true };

describe('parseDecimal', () => {
  it.each([
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['0,25', 0.25],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['-3', -3],
    [' 2 ', 2],
  ])('reads %s as %d', (text, value) => {
    expect(parseDecimal(text, comma)).toBe(value);
  });

  it('reads the ambiguous 1,500 as thousands, unless the file uses decimal commas', () => {
    expect(parseDecimal('1,500', comma)).toBe(1500);
    expect(parseDecimal('1,500', euro)).toBe(1.5);
  });

  it('reads 1.200 as twelve hundred in a file with decimal commas', () => {
    expect(parseDecimal('1.200', euro)).toBe(1200);
    expect(parseDecimal('1.200', comma)).toBe(1.2);
    expect(parseDecimal('1.234.567', euro)).toBe(1234567);
  });

  it.each(['abc', '1.2.3', '', '1,2,3,4'])('rejects %s', (text) => {
    expect(parseDecimal(text, comma)).toBeNaN();
  });
});

describe('measures', () => {
  it('uses the header unit for bare numbers and the cell unit when written', () => {
    expect(parseWeightKg('850', 'g', comma)).toBeCloseTo(0.85);
    expect(parseWeightKg('1.2 kg', 'g', comma)).toBe(1.2);
    expect(parseWeightKg('2 lb', 'kg', comma)).toBeCloseTo(0.907185);
    expect(parseWeightKg('16oz', 'kg', comma)).toBeCloseTo(0.45359);
    expect(parseLengthCm('4 in', 'cm', comma)).toBeCloseTo(10.16);
    expect(parseLengthCm('600', 'mm', comma)).toBeCloseTo(60);
    expect(parseLengthCm('2 ft', 'cm', comma)).toBeCloseTo(60.96);
    expect(parseLengthCm('12 centimetres', 'mm', comma)).toBe(12);
  });

  it('returns null for an empty cell and NaN for an unknown unit', () => {
    expect(parseWeightKg('', 'kg', comma)).toBeNull();
    expect(parseWeightKg('3 stone', 'kg', comma)).toBeNaN();
  });

  it('reads handling time in days or hours', () => {
    expect(parseHandlingHours('3', 'days', comma)).toBe(72);
    expect(parseHandlingHours('72h', 'days', comma)).toBe(72);
    expect(parseHandlingHours('48', 'hours', comma)).toBe(48);
    expect(parseHandlingHours('3天', 'hours', comma)).toBe(72);
  });
});

describe('parsePrice', () => {
  it.each([
    ['3.99', 3.99],
    ['$3.99', 3.99],
    ['US$ 3.99', 3.99],
    ['3.99 USD', 3.99],
    ['EUR 4,50', 4.5],
    ['¥25', 25],
    ['25元', 25],
  ])('reads %s as %d', (text, value) => {
    expect(parsePrice(text, { decimalComma: false })).toBe(value);
  });

  it('rejects what is not a price', () => {
    expect(parsePrice('call us', { decimalComma: false })).toBeNaN();
  });
});
