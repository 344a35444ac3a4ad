import { describe, expect, it } from 'vitest';
import { auditText } from '../helpers.js';

describe('Amazon flat-file templates', () => {
  it('skip the template line and the labels row above the field names, keeping physical line numbers', async () => {
    const text =
      'TemplateType=fptcustom\tVersion=2021.1014\n' +
      'SKU\tParent SKU\tProduct Name\tShipping Weight\tWeight Unit\n' +
      'item_sku\tparent_sku\titem_name\twebsite_shipping_weight\twebsite_shipping_weight_unit_of_measure\n' +
      'A1\tP\tShoe\t2\tLB\n' +
      'A2\tP\tShoe\t500\tGR\n';
    const { result, skus } = await auditText(text);
    expect(result.meta.input.rows).toBe(2);
    expect(result.meta.input.columns).toMatchObject({ sku: 'item_sku', weight: 'website_shipping_weight' });
    expect(skus.map((s) => [s.line, s.record, s.sku, s.weightKg])).toEqual([
      [4, 1, 'A1', 0.90718474],
      [5, 2, 'A2', 0.5],
    ]);
    expect(skus.every((s) => s.productSkus === 2)).toBe(true);
  });
});
