import { Readable } from 'node:stream';
import { type AuditOptions, type AuditResult, audit } from '../src/run/audit.js';
import type { AuditedSku } from '../src/core/types.js';

export const HEADERS = [
  'product_id',
  'sku',
  'title',
  'category',
  'brand',
  'gtin',
  'mpn',
  'weight_kg',
  'length_cm',
  'width_cm',
  'height_cm',
  'handling_days',
  'listed_at',
  'channel',
  'price',
  'currency',
  'stock',
  'logistics_attribute',
] as const;

export type Row = Partial<Record<(typeof HEADERS)[number], string | number>>;

/** A plain, valid standard light-small SKU on POP, listed long ago; tests override what they examine. */
const BASE: Row = {
  product_id: 'P1',
  sku: 'S1',
  title: 'USB-C cable 1m',
  category: 'Phone Accessories > Cables',
  brand: 'Voltlink',
  gtin: '4006381333931',
  mpn: 'VL-1',
  weight_kg: 0.1,
  length_cm: 10,
  width_cm: 5,
  height_cm: 2,
  handling_days: 2,
  listed_at: '2025-01-01',
  channel: 'pop',
  price: 3.99,
  currency: 'USD',
  stock: 10,
  logistics_attribute: 'general',
};

const quote = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A canonical catalog from rows; each row is BASE with its overrides, unless `base: false`. */
export function catalog(rows: Row[], { base = true } = {}): string {
  const lines = [HEADERS.join(',')];
  for (const row of rows) {
    const full = base ? { ...BASE, ...row } : row;
    lines.push(HEADERS.map((h) => quote(full[h])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export async function auditText(
  text: string,
  options: AuditOptions = {},
): Promise<{ result: AuditResult; skus: AuditedSku[] }> {
  const skus: AuditedSku[] = [];
  const result = await audit(Readable.from([Buffer.from(text)]), {
    asOf: '2026-11-23',
    ...options,
    onSku: (sku) => skus.push(sku),
  });
  return { result, skus };
}

/** Audits one row (BASE + overrides) and returns its SKU. */
export async function auditRow(row: Row, options: AuditOptions = {}): Promise<AuditedSku> {
  const { skus } = await auditText(catalog([row]), options);
  const [sku] = skus;
  if (sku === undefined) throw new Error('no SKU audited');
  return sku;
}

export const ruleIds = (sku: AuditedSku) => sku.findings.map((f) => f.rule);
