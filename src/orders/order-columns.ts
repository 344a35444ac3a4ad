import { InputError } from '../core/errors.js';
import { normalizeHeader } from '../read/header-aliases.js';

export const ORDER_FIELDS = [
  'orderId',
  'sku',
  'productId',
  'paidAt',
  'onlineAt',
  'shippedAt',
  'country',
  'carrier',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Header names of order exports, canonical first, then the back offices' (Chinese included). Data. */
const ORDER_ALIASES: Record<OrderField, readonly string[]> = {
  orderId: ['order_id', '订单号', '订单编号', 'order id', 'order no', 'order_no'],
  sku: ['sku', '商品编码', 'sku_code', 'sku编码', 'item_sku', 'variant sku'],
  productId: ['product_id', '商品id', '产品id'],
  paidAt: ['paid_at', '付款时间', '支付时间', 'gmt_pay_success', 'pay_time', 'payment time'],
  onlineAt: ['online_at', '上网时间', '揽收时间', 'first_scan_at', 'tracking_online_at', 'first scan time'],
  shippedAt: ['shipped_at', '发货时间', 'ship_time'],
  country: ['country', '收货国家', 'ship_to_country', 'destination country', 'buyer_country'],
  carrier: ['carrier', '物流商', '承运商', 'logistics_company', 'shipping carrier'],
};

export interface OrderColumns {
  headers: readonly string[];
  index: Partial<Record<OrderField, number>>;
}

/** Which column feeds which order field; `--map field=Header` wins. */
export function mapOrderColumns(
  headers: readonly string[],
  overrides: Partial<Record<string, string>> = {},
): OrderColumns {
  const position = new Map<string, number>();
  headers.forEach((header, i) => {
    const key = normalizeHeader(header);
    if (!position.has(key)) position.set(key, i);
  });
  const index: Partial<Record<OrderField, number>> = {};
  for (const field of ORDER_FIELDS) {
    const wanted = overrides[field];
    const names = wanted !== undefined ? [normalizeHeader(wanted)] : ORDER_ALIASES[field];
    for (const name of names) {
      const i = position.get(name);
      if (i !== undefined) {
        index[field] = i;
        break;
      }
    }
    if (wanted !== undefined && index[field] === undefined) {
      throw new InputError(`--map ${field}=${wanted}: the orders file has no column "${wanted}"`);
    }
  }
  for (const field of Object.keys(overrides)) {
    if (!(ORDER_FIELDS as readonly string[]).includes(field)) {
      throw new InputError(`--map ${field}=…: not an order field; one of ${ORDER_FIELDS.join(', ')}`);
    }
  }
  const canonical: Record<string, string> = { sku: 'sku', paidAt: 'paid_at', onlineAt: 'online_at' };
  for (const needed of ['sku', 'paidAt', 'onlineAt'] as const) {
    if (index[needed] === undefined) {
      throw new InputError(
        `no column of the orders file maps to ${canonical[needed]} (headers seen: ${headers
          .map((h) => JSON.stringify(h))
          .join(', ')}); name one with --map ${needed}=HEADER`,
      );
    }
  }
  return { headers, index };
}

export function orderCell(cells: readonly string[], columns: OrderColumns, field: OrderField): string {
  const i = columns.index[field];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}
