import { describe, expect, it } from 'vitest';
import { auditRow } from '../helpers.js';

describe('segment, track and fulfilment', () => {
  it('standard light-small → warehouse, full-managed', async () => {
    const sku = await auditRow({});
    expect([sku.segment, sku.track, sku.fulfilment]).toEqual([
      'standard-light-small',
      'warehouse',
      ['full-managed'],
    ]);
  });

  it('standard light-small special goods → pop, jit', async () => {
    for (const attribute of ['battery', '内电', 'liquid', '强磁']) {
      const sku = await auditRow({ logistics_attribute: attribute });
      expect([sku.segment, sku.track, sku.fulfilment], attribute).toEqual([
        'standard-light-small',
        'pop',
        ['jit'],
      ]);
    }
    expect((await auditRow({ logistics_attribute: '普货' })).track).toBe('warehouse');
  });

  it('standard regular → pop, semi-managed or jit', async () => {
    const sku = await auditRow({ weight_kg: 5 });
    expect([sku.segment, sku.track, sku.fulfilment]).toEqual([
      'standard-regular',
      'pop',
      ['semi-managed', 'jit'],
    ]);
  });

  it('non-standard → pop, semi-managed or jit, whatever the size', async () => {
    const sku = await auditRow({ category: 'Women > Dresses', weight_kg: '' });
    expect([sku.segment, sku.track, sku.fulfilment]).toEqual([
      'non-standard-high-variety',
      'pop',
      ['semi-managed', 'jit'],
    ]);
  });

  it('standard without a size → unclassified, review', async () => {
    const sku = await auditRow({ length_cm: '' });
    expect([sku.segment, sku.track, sku.fulfilment]).toEqual(['unclassified', 'review', []]);
  });
});
