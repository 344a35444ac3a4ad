import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../src/values/gtin.js';

describe('isValidGtin', () => {
  it.each([
    ['EAN-13', '4006381333931'],
    ['UPC-A (12)', '036000291452'],
    ['GTIN-8', '96385074'],
    ['GTIN-14', '10614141000415'],
    ['with spaces and a spreadsheet apostrophe', "'4006381 333931"],
    ['in full-width digits', '４００６３８１３３３９３１'],
  ])('accepts a valid %s', (_kind, gtin) => {
    expect(isValidGtin(gtin)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '4006381333932'],
    ['every other check digit of a valid EAN', '4006381333930'],
    ['a wrong UPC check digit', '036000291453'],
    ['a length of 11', '03600029145'],
    ['a length of 10', '0360002914'],
    ['letters', '40063813339A1'],
    ['scientific notation from a spreadsheet', '4.00638E+12'],
    ['an empty cell', ''],
    ['the all-zero placeholder', '00000000'],
  ])('rejects %s', (_kind, gtin) => {
    expect(isValidGtin(gtin)).toBe(false);
  });
});
