import { describe, expect, it } from 'vitest';
import { auditRow } from '../helpers.js';

const size = async (row: Parameters<typeof auditRow>[0], config?: object) =>
  (await auditRow(row, config ? { config } : {})).sizeClass;

describe('size class (ae-light-small: ≤ 2.0 kg, longest ≤ 60 cm, sum ≤ 90 cm, inclusive)', () => {
  it('is light-small at exactly 2.0 kg', async () => {
    expect(await size({ weight_kg: 2.0 })).toBe('light-small');
    expect(await size({ weight_kg: 2.01 })).toBe('regular');
  });

  it('is light-small at a longest side of exactly 60 cm', async () => {
    expect(await size({ length_cm: 60, width_cm: 20, height_cm: 10 })).toBe('light-small');
    expect(await size({ length_cm: 60.1, width_cm: 20, height_cm: 9 })).toBe('regular');
  });

  it('is light-small at a sum of sides of exactly 90 cm', async () => {
    expect(await size({ length_cm: 40, width_cm: 30, height_cm: 20 })).toBe('light-small');
    expect(await size({ length_cm: 40, width_cm: 30, height_cm: 21 })).toBe('regular');
  });

  it('holds the boundaries after unit conversion (600 mm is 60 cm)', async () => {
    const { skus } = await import('../helpers.js').then(({ auditText }) =>
      auditText('sku,weight_g,length_mm,width_mm,height_mm\nA,2000,600,200,100\n', {
        columns: { length: 'length_mm', width: 'width_mm', height: 'height_mm' },
      }),
    );
    expect(skus[0]?.sizeClass).toBe('light-small');
  });

  it('is unknown when the weight or a side is missing, invalid or zero', async () => {
    expect(await size({ weight_kg: '' })).toBe('unknown');
    expect(await size({ height_cm: '' })).toBe('unknown');
    expect(await size({ width_cm: 'abc' })).toBe('unknown');
    expect(await size({ weight_kg: 0 })).toBe('unknown');
  });

  it('applies the Amazon presets on sorted sides', async () => {
    const us = { size: { preset: 'amazon-us-small-standard' } };
    expect(await size({ weight_kg: 0.45, length_cm: 1.9, width_cm: 38, height_cm: 30 }, us)).toBe(
      'light-small',
    );
    expect(await size({ weight_kg: 0.46, length_cm: 1.9, width_cm: 38, height_cm: 30 }, us)).toBe('regular');
    expect(await size({ weight_kg: 0.1, length_cm: 2, width_cm: 38, height_cm: 30 }, us)).toBe('regular');
    const eu = { size: { preset: 'amazon-eu-small-parcel' } };
    expect(await size({ weight_kg: 3.9, length_cm: 12, width_cm: 35, height_cm: 25 }, eu)).toBe(
      'light-small',
    );
    expect(await size({ weight_kg: 3.9, length_cm: 13, width_cm: 35, height_cm: 25 }, eu)).toBe('regular');
  });

  it('lets the config change one limit of a preset', async () => {
    expect(await size({ weight_kg: 2.5 }, { size: { maxWeightKg: 3 } })).toBe('light-small');
  });
});
