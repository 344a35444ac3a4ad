import { describe, expect, it } from 'vitest';
import { RowAuditor } from '../src/audit/audit-row.js';
import { parseConfig } from '../src/config/load-config.js';
import { mapColumns } from '../src/read/map-columns.js';

describe('RowAuditor', () => {
  it('takes each record’s facts from the index by its number, and stops on a record the index never saw', () => {
    const columns = mapColumns(['product_id', 'sku']);
    const auditor = new RowAuditor({
      config: parseConfig({}),
      asOf: '2026-11-23',
      columns,
      decimalComma: false,
      index: { productSkus: Uint32Array.of(2, 2), duplicateOf: Uint32Array.of(0, 2) },
    });
    const record = (n: number, sku: string) => ({
      line: n + 1,
      record: n,
      cells: ['P1', sku],
      rawWidth: null,
      text: null,
    });
    expect(auditor.audit(record(1, 'S1'))).toMatchObject({ productSkus: 2, duplicateOfLine: null });
    expect(auditor.audit(record(2, 'S1'))).toMatchObject({ productSkus: 2, duplicateOfLine: 2 });
    expect(() => auditor.audit(record(3, 'S2'))).toThrow(/the index pass counted 2 records and the audit 3/);
  });
});
