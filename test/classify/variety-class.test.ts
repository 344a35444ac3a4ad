import { describe, expect, it } from 'vitest';
import { describeReason } from '../../src/report/describe.js';
import { auditRow, auditText, catalog } from '../helpers.js';

const NEUTRAL = { category: 'Toys & Games > Puzzles', gtin: '', brand: 'NONE', mpn: '' };

describe('variety class: the first matching rule decides, every matching rule is a reason', () => {
  it('1. made to order by title words, English and Chinese', async () => {
    for (const title of [
      'Custom name necklace',
      'Personalised mug',
      'Handmade soap',
      'Made to order sofa',
      '定制T恤',
    ]) {
      const sku = await auditRow({ title, category: 'Phone Accessories' });
      expect(sku.varietyClass, title).toBe('non-standard');
      expect(sku.reasons[0]?.code).toBe('made-to-order-title');
    }
  });

  it('1. made to order by a handling time over 7 days, not at 7', async () => {
    expect((await auditRow({ handling_days: 8 })).varietyClass).toBe('non-standard');
    expect((await auditRow({ handling_days: 7 })).varietyClass).toBe('standard');
  });

  it('2. a non-standard category wins over a standard one', async () => {
    const sku = await auditRow({ category: 'Storage > Bags' });
    expect(sku.varietyClass).toBe('non-standard');
    expect(sku.reasons.map((r) => r.code)).toEqual([
      'non-standard-category',
      'standard-category',
      'valid-gtin',
      'light-small',
    ]);
  });

  it('3. a standard category decides before variety and identity', async () => {
    const sku = await auditRow({ category: 'Tools > Screwdrivers', gtin: '', brand: '', mpn: '' });
    expect(sku.varietyClass).toBe('standard');
  });

  it('4. six SKUs of one product make it high-variety; five do not', async () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...NEUTRAL, sku: `S${i}`, gtin: '4006381333931' }));
    const six = await auditText(catalog(rows(6)));
    expect(six.skus.map((s) => s.varietyClass)).toEqual(Array(6).fill('non-standard'));
    expect(six.skus[0]?.reasons.map(describeReason)[0]).toBe(
      'high variety: 6 SKUs in the product (6 or more)',
    );
    const five = await auditText(catalog(rows(5)));
    expect(five.skus.map((s) => s.varietyClass)).toEqual(Array(5).fill('standard'));
  });

  it('4. counts the SKUs of a product across the whole file, not just the rows before', async () => {
    const rows = [0, 1, 2, 3, 4, 5].map((i) => ({ ...NEUTRAL, product_id: i % 2 ? 'A' : 'B', sku: `S${i}` }));
    const { skus } = await auditText(catalog([...rows, ...rows.map((r) => ({ ...r, sku: `${r.sku}x` }))]));
    expect(skus.every((s) => s.productSkus === 6 && s.varietyClass === 'non-standard')).toBe(true);
  });

  it('5. an identified product: a valid GTIN, or a brand with an MPN', async () => {
    expect((await auditRow({ ...NEUTRAL, gtin: '4006381333931' })).varietyClass).toBe('standard');
    expect((await auditRow({ ...NEUTRAL, brand: 'Acme', mpn: 'A-1' })).varietyClass).toBe('standard');
    expect((await auditRow({ ...NEUTRAL, brand: 'NONE', mpn: 'A-1' })).varietyClass).toBe('non-standard');
    expect((await auditRow({ ...NEUTRAL, brand: 'Acme', mpn: '' })).varietyClass).toBe('non-standard');
    expect((await auditRow({ ...NEUTRAL, gtin: '4006381333932' })).varietyClass).toBe('non-standard');
  });

  it('6. otherwise non-standard, for want of a standard identity', async () => {
    const sku = await auditRow(NEUTRAL);
    expect(sku.varietyClass).toBe('non-standard');
    expect(sku.reasons[0]?.code).toBe('no-identity');
  });

  it('takes its lists from the config', async () => {
    const config = { categories: { nonStandard: ['puzzles'], standard: [] } };
    expect((await auditRow({ ...NEUTRAL, gtin: '4006381333931' }, { config })).varietyClass).toBe(
      'non-standard',
    );
  });
});
