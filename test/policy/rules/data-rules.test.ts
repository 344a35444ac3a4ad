import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/report/describe.js';
import { auditRow, auditText, catalog, HEADERS, ruleIds } from '../../helpers.js';

const findingsOf = async (row: Parameters<typeof auditRow>[0], rule: string) =>
  (await auditRow(row)).findings.filter((f) => f.rule === rule);

describe('missing-sku', () => {
  it('fires without SKU and product id, not with either', async () => {
    expect(ruleIds(await auditRow({ sku: '', product_id: '' }))).toContain('missing-sku');
    expect(ruleIds(await auditRow({ sku: '', product_id: 'P9' }))).not.toContain('missing-sku');
    expect(ruleIds(await auditRow({ sku: 'S9', product_id: '' }))).not.toContain('missing-sku');
  });
});

describe('duplicate-sku', () => {
  it('fires on each repeat, naming the first line, never on the first occurrence', async () => {
    const { skus } = await auditText(catalog([{ sku: 'A' }, { sku: 'B' }, { sku: 'A' }, { sku: 'A' }]));
    expect(skus.map((s) => ruleIds(s).includes('duplicate-sku'))).toEqual([false, false, true, true]);
    const finding = skus[3]?.findings.find((f) => f.rule === 'duplicate-sku');
    expect(finding && formatMessage(finding)).toBe('SKU "A" repeats the one on line 2');
  });

  it('does not pair rows whose SKU is empty', async () => {
    const { skus } = await auditText(catalog([{ sku: '' }, { sku: '' }]));
    expect(skus.flatMap(ruleIds)).not.toContain('duplicate-sku');
  });
});

describe('invalid-number', () => {
  it.each([
    ['weight_kg', 'abc'],
    ['weight_kg', '-1'],
    ['length_cm', '0'],
    ['handling_days', 'soon'],
    ['handling_days', '0'],
    ['price', '-2'],
    ['stock', '-3'],
    ['stock', 'many'],
  ] as const)('fires for %s = %s', async (column, value) => {
    const found = await findingsOf({ [column]: value }, 'invalid-number');
    expect(found).toHaveLength(1);
    expect(formatMessage(found[0] as never)).toContain(`${column} is "${value}"`);
  });

  it('accepts stock 0, and leaves weight 0 to placeholder-dimensions', async () => {
    expect(await findingsOf({ stock: 0 }, 'invalid-number')).toHaveLength(0);
    expect(await findingsOf({ weight_kg: 0 }, 'invalid-number')).toHaveLength(0);
  });

  it('reports each bad number of a row', async () => {
    expect(await findingsOf({ weight_kg: 'x', price: 'y' }, 'invalid-number')).toHaveLength(2);
  });
});

describe('invalid-date', () => {
  it('fires for an unreadable date and for one after the audit date', async () => {
    expect(ruleIds(await auditRow({ listed_at: '2026-13-45' }))).toContain('invalid-date');
    expect(ruleIds(await auditRow({ listed_at: '2026-11-24' }))).toContain('invalid-date');
    expect(ruleIds(await auditRow({ listed_at: '2026-11-23' }))).not.toContain('invalid-date');
  });
});

describe('missing-size-data', () => {
  it('names what is missing', async () => {
    const [finding] = await findingsOf({ weight_kg: '', height_cm: '' }, 'missing-size-data');
    expect(finding && formatMessage(finding)).toBe('no weight, height: the size class is unknown');
  });

  it('does not fire for a present but invalid value (invalid-number does)', async () => {
    expect(await findingsOf({ weight_kg: 'abc' }, 'missing-size-data')).toHaveLength(0);
  });
});

describe('missing-listing-date', () => {
  it('is info when the listing date is empty', async () => {
    const [finding] = await findingsOf({ listed_at: '' }, 'missing-listing-date');
    expect(finding?.severity).toBe('info');
  });
});

describe('placeholder-dimensions', () => {
  it('fires for a 15 × 15 × 15 cm package and for a zero weight', async () => {
    expect(
      await findingsOf({ length_cm: 15, width_cm: 15, height_cm: 15 }, 'placeholder-dimensions'),
    ).toHaveLength(1);
    expect(await findingsOf({ weight_kg: 0 }, 'placeholder-dimensions')).toHaveLength(1);
    expect(
      await findingsOf({ length_cm: 15, width_cm: 15, height_cm: 14 }, 'placeholder-dimensions'),
    ).toHaveLength(0);
  });
});

describe('implausible-weight', () => {
  it('fires above 5 kg per litre, not at it', async () => {
    // 10 × 10 × 10 cm = 1 L.
    expect(
      await findingsOf({ weight_kg: 850, length_cm: 10, width_cm: 10, height_cm: 10 }, 'implausible-weight'),
    ).toHaveLength(1);
    expect(
      await findingsOf({ weight_kg: 5, length_cm: 10, width_cm: 10, height_cm: 10 }, 'implausible-weight'),
    ).toHaveLength(0);
    expect(
      await findingsOf({ weight_kg: 5.1, length_cm: 10, width_cm: 10, height_cm: 10 }, 'implausible-weight'),
    ).toHaveLength(1);
  });
});

describe('invalid-gtin', () => {
  it('fires for a wrong check digit, not for a valid or empty GTIN', async () => {
    expect(await findingsOf({ gtin: '4006381333932' }, 'invalid-gtin')).toHaveLength(1);
    expect(await findingsOf({ gtin: '4006381333931' }, 'invalid-gtin')).toHaveLength(0);
    expect(await findingsOf({ gtin: '' }, 'invalid-gtin')).toHaveLength(0);
  });

  it('says when a spreadsheet turned the GTIN into a number', async () => {
    const [finding] = await findingsOf({ gtin: '4.00638E+12' }, 'invalid-gtin');
    expect(finding && formatMessage(finding)).toContain('turned into a number by a spreadsheet');
  });
});

describe('handling-out-of-range', () => {
  it('fires under 1 day and over 7 days, not at 1 or 7', async () => {
    expect(await findingsOf({ handling_days: 0.5 }, 'handling-out-of-range')).toHaveLength(1);
    expect(await findingsOf({ handling_days: 8 }, 'handling-out-of-range')).toHaveLength(1);
    expect(await findingsOf({ handling_days: 1 }, 'handling-out-of-range')).toHaveLength(0);
    expect(await findingsOf({ handling_days: 7 }, 'handling-out-of-range')).toHaveLength(0);
  });
});

describe('formula-like-cell', () => {
  it.each(['=HYPERLINK("http://x")', '+cmd', '-x', '@SUM(A1)', '\tTab'])('fires for %j', async (title) => {
    expect(await findingsOf({ title }, 'formula-like-cell')).toHaveLength(1);
  });

  it('does not fire for numbers that start with a sign', async () => {
    expect(await findingsOf({ title: '-5', mpn: '+1.5' }, 'formula-like-cell')).toHaveLength(0);
  });

  it('checks pass-through columns too, by header', async () => {
    const { skus } = await auditText('sku,notes\nA,=1+1\n');
    expect(skus[0]?.findings.map((f) => [f.rule, f.field])).toContainEqual(['formula-like-cell', 'notes']);
  });
});

describe('malformed-row', () => {
  it('fires for a row with too many or too few cells; the row is kept', async () => {
    const header = HEADERS.join(',');
    const good = catalog([{}]).split('\n')[1];
    const text = `${header}\n${good},extra\n${good?.split(',').slice(0, 5).join(',')}\n${good}\n`;
    const { skus } = await auditText(text);
    expect(skus.map((s) => ruleIds(s).includes('malformed-row'))).toEqual([true, true, false]);
    expect(skus[1]?.cells).toHaveLength(HEADERS.length);
    expect(formatMessage(skus[0]?.findings[0] as never)).toBe(
      `row has ${HEADERS.length + 1} cells, the header ${HEADERS.length}: extra cells are cut`,
    );
  });
});

describe('unknown-channel', () => {
  it('fires for a channel value it cannot read, and accepts every documented spelling', async () => {
    expect(ruleIds(await auditRow({ channel: 'marketplace' }))).toContain('unknown-channel');
    for (const channel of [
      'pop',
      'POP',
      'semi',
      'full',
      'choice',
      'warehouse',
      'jit',
      '自运营',
      '半托管',
      '全托管',
      '仓发',
    ]) {
      expect(ruleIds(await auditRow({ channel })), channel).not.toContain('unknown-channel');
    }
  });
});
