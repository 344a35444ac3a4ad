import { describe, expect, it } from 'vitest';
import { describeColumns, mapColumns } from '../../src/read/map-columns.js';

describe('mapColumns', () => {
  it('prefers the canonical names and reports which header fed which field', () => {
    const map = mapColumns(['SKU ', 'sku_code', 'Weight_KG', 'notes']);
    expect(describeColumns(map)).toEqual({ sku: 'SKU ', weight: 'Weight_KG' });
    expect(map.unit.weight).toBe('kg');
  });

  it('reads the unit at the end of a header, also for a header it knows only without the unit', () => {
    expect(mapColumns(['sku', 'Weight (lb)']).unit.weight).toBe('lb');
    expect(mapColumns(['sku', '重量(克)']).unit.weight).toBe('g');
    expect(mapColumns(['sku', '重量（kg）']).unit.weight).toBe('kg');
    expect(mapColumns(['sku', 'weight_g']).unit.weight).toBe('g');
    const sides = mapColumns(['sku', 'Length (in)', 'width_mm', 'height [cm]']);
    expect([sides.unit.length, sides.unit.width, sides.unit.height]).toEqual(['in', 'mm', 'cm']);
    expect(mapColumns(['sku', 'length', 'width', 'height']).index.height).toBe(3);
    expect(
      mapColumns(['item_sku', 'item_package_length', 'item_package_dimensions_unit_of_measure']).unitColumn
        .length,
    ).toBe(2);
  });

  it('lets --map win over the alias table, and names a missing header', () => {
    const map = mapColumns(['sku', 'Item Code'], { sku: 'Item Code' });
    expect(describeColumns(map).sku).toBe('Item Code');
    expect(() => mapColumns(['sku'], { weight: 'Gewicht' })).toThrow(
      /weight=Gewicht \(named by --map, --catalog-map or the config.s columns\): the file has no column "Gewicht"/,
    );
  });

  it('marks Shopify files, whose rows with an empty Handle continue the product above', () => {
    expect(mapColumns(['Handle', 'Title', 'Variant SKU']).continuationRows).toBe(true);
    expect(mapColumns(['product_id', 'sku']).continuationRows).toBe(false);
  });

  it('stops when no column maps to a SKU or product id, listing what it saw', () => {
    expect(() => mapColumns(['name', 'price'])).toThrow(
      'no column maps to sku or product_id (headers seen: "name", "price"); name one with --map sku=HEADER',
    );
  });
});
