import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/report/describe.js';
import { auditRow, ruleIds } from '../../helpers.js';

const NEW_DRESS = { category: 'Women > Dresses', listed_at: '2026-11-01' }; // 96 h until 2026-12-01

describe('handling-exceeds-window', () => {
  it('fires when handling is longer than the window, not when equal', async () => {
    expect(ruleIds(await auditRow({ handling_days: 4 }))).toContain('handling-exceeds-window');
    expect(ruleIds(await auditRow({ handling_days: 3 }))).not.toContain('handling-exceeds-window');
    expect(ruleIds(await auditRow({ ...NEW_DRESS, handling_days: 4 }))).not.toContain(
      'handling-exceeds-window',
    );
    expect(ruleIds(await auditRow({ ...NEW_DRESS, handling_days: 5 }))).toContain('handling-exceeds-window');
  });

  it('reads handling_hours exactly: 73 h exceeds 72 h', async () => {
    const { auditText } = await import('../../helpers.js');
    const { skus } = await auditText('sku,handling_hours\nA,72\nB,73\n');
    expect(skus.map((s) => ruleIds(s).includes('handling-exceeds-window'))).toEqual([false, true]);
  });

  it('does not fire for full-managed SKUs (the warehouse ships them)', async () => {
    expect(ruleIds(await auditRow({ handling_days: 5, channel: 'full-managed' }))).not.toContain(
      'handling-exceeds-window',
    );
  });

  it('says the hours', async () => {
    const sku = await auditRow({ handling_days: 4 });
    const finding = sku.findings.find((f) => f.rule === 'handling-exceeds-window');
    expect(finding && formatMessage(finding)).toBe('declares 96 h to ship; the window is 72 h');
  });
});

describe('new-window-ending', () => {
  it('fires when the 96 h window ends within 7 days and handling needs more than 72 h', async () => {
    // newUntil 2026-11-30 = audit date + 7.
    const sku = await auditRow({ ...NEW_DRESS, listed_at: '2026-10-31', handling_days: 4 });
    const finding = sku.findings.find((f) => f.rule === 'new-window-ending');
    expect(finding && formatMessage(finding)).toBe(
      'the window drops to 72 h on 2026-11-30; the declared 96 h will then be too long',
    );
  });

  it('does not fire 8 days ahead, nor when handling fits 72 h', async () => {
    expect(
      ruleIds(await auditRow({ ...NEW_DRESS, listed_at: '2026-11-01', handling_days: 4 })),
    ).not.toContain('new-window-ending');
    expect(
      ruleIds(await auditRow({ ...NEW_DRESS, listed_at: '2026-10-31', handling_days: 3 })),
    ).not.toContain('new-window-ending');
  });
});

describe('channel advice', () => {
  it('warehouse-candidate: standard light-small on pop or jit', async () => {
    expect(ruleIds(await auditRow({ channel: 'pop' }))).toContain('warehouse-candidate');
    expect(ruleIds(await auditRow({ channel: 'jit' }))).toContain('warehouse-candidate');
    expect(ruleIds(await auditRow({ channel: 'full-managed' }))).not.toContain('warehouse-candidate');
    // Special goods are standard light-small but not on the warehouse track.
    expect(ruleIds(await auditRow({ channel: 'pop', logistics_attribute: 'battery' }))).not.toContain(
      'warehouse-candidate',
    );
  });

  it('full-managed-available: standard light-small on semi-managed', async () => {
    expect(ruleIds(await auditRow({ channel: 'semi' }))).toEqual(['full-managed-available']);
    expect(
      ruleIds(await auditRow({ channel: 'semi', weight_kg: 3, length_cm: 30, width_cm: 20, height_cm: 10 })),
    ).toEqual([]);
  });

  it('variety-in-warehouse: non-standard on full-managed', async () => {
    expect(ruleIds(await auditRow({ category: 'Jewelry > Necklaces', channel: 'choice' }))).toContain(
      'variety-in-warehouse',
    );
    expect(ruleIds(await auditRow({ category: 'Jewelry > Necklaces', channel: 'pop' }))).not.toContain(
      'variety-in-warehouse',
    );
  });

  it('special-goods-in-warehouse: special goods on full-managed', async () => {
    expect(ruleIds(await auditRow({ logistics_attribute: '纯电', channel: '全托管' }))).toContain(
      'special-goods-in-warehouse',
    );
    expect(ruleIds(await auditRow({ logistics_attribute: '普货', channel: '全托管' }))).not.toContain(
      'special-goods-in-warehouse',
    );
  });
});

describe('severities', () => {
  it('come from the config, and off silences a rule', async () => {
    const config = { rules: { 'warehouse-candidate': 'warning', 'handling-exceeds-window': 'off' } } as const;
    const sku = await auditRow({ handling_days: 4 }, { config });
    expect(sku.findings.map((f) => [f.rule, f.severity])).toEqual([['warehouse-candidate', 'warning']]);
  });
});
