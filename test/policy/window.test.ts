import { describe, expect, it } from 'vitest';
import { auditRow } from '../helpers.js';

// Audit date 2026-11-23 (the helpers' default).
const NEW_DRESS = { category: 'Women > Dresses', listed_at: '2026-11-01' };

describe('shipping window', () => {
  it('is 96 h for a new product in an eligible category', async () => {
    const { window } = await auditRow(NEW_DRESS);
    expect(window).toEqual({ hours: 96, newUntil: '2026-12-01', handlingHours: 48 });
  });

  it('is 72 h once newUntil equals the audit date (new while asOf < newUntil)', async () => {
    expect((await auditRow({ ...NEW_DRESS, listed_at: '2026-10-24' })).window).toMatchObject({
      hours: 72,
      newUntil: '2026-11-23',
    });
    expect((await auditRow({ ...NEW_DRESS, listed_at: '2026-10-25' })).window).toMatchObject({
      hours: 96,
      newUntil: '2026-11-24',
    });
  });

  it('ignores the time of day of the listing', async () => {
    expect((await auditRow({ ...NEW_DRESS, listed_at: '2026-10-24 23:59:59' })).window.hours).toBe(72);
  });

  it('is 72 h for a new product outside the eligible categories', async () => {
    expect((await auditRow({ listed_at: '2026-11-01' })).window.hours).toBe(72);
  });

  it('is 72 h before the extension took effect (2024-09-09)', async () => {
    const sku = await auditRow({ ...NEW_DRESS, listed_at: '2024-09-01' }, { asOf: '2024-09-08' });
    expect(sku.window.hours).toBe(72);
    expect(
      (await auditRow({ ...NEW_DRESS, listed_at: '2024-09-01' }, { asOf: '2024-09-09' })).window.hours,
    ).toBe(96);
  });

  it('is 72 h with newUntil null without a listing date, or with an invalid or future one', async () => {
    for (const listed_at of ['', '2026-02-30', '2026-12-01']) {
      expect((await auditRow({ ...NEW_DRESS, listed_at })).window, listed_at).toMatchObject({
        hours: 72,
        newUntil: null,
      });
    }
  });

  it('takes the eligible categories from the config ("*" = all)', async () => {
    const config = { window: { eligibleCategories: '*' } } as const;
    expect((await auditRow({ listed_at: '2026-11-01' }, { config })).window.hours).toBe(96);
  });

  it('converts handling days to hours, or reads handling_hours', async () => {
    expect((await auditRow({ handling_days: 3 })).window.handlingHours).toBe(72);
  });
});
