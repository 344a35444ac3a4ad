import { detach } from '../core/detach.js';
import { KeyTable } from '../core/key-table.js';

/** A key's late rate: late and overdue orders among its orders with a verdict. */
export interface LateRate {
  key: string;
  /** Orders with a verdict: on time, late or overdue. */
  orders: number;
  late: number;
  lateRate: number;
}

/**
 * Orders and late orders per key (SKU, product, country), for the worst lists. Counts are kept for every
 * key as two numbers behind a hashed key; a key's text only once it has a late order, since only those
 * can be among the worst. A million SKUs in the orders take tens of megabytes, not a map of their texts.
 */
export class LateTally {
  private readonly numbers = new KeyTable();
  private orders = new Uint32Array(1 << 10);
  private late = new Uint32Array(1 << 10);
  private count = 0;
  private readonly texts = new Map<number, string>();

  add(key: string, late: boolean): void {
    const next = this.count + 1;
    const n = this.numbers.setIfAbsent(key, next);
    if (n === next) this.grow(++this.count);
    this.orders[n] = (this.orders[n] ?? 0) + 1;
    if (!late) return;
    this.late[n] = (this.late[n] ?? 0) + 1;
    if (!this.texts.has(n)) this.texts.set(n, detach(key));
  }

  /** The highest late rates, then the most late orders, then by key. */
  worst(limit: number, share: (n: number, of: number) => number): LateRate[] {
    const rates: LateRate[] = [];
    for (const [n, key] of this.texts) {
      const orders = this.orders[n] ?? 0;
      const late = this.late[n] ?? 0;
      rates.push({ key, orders, late, lateRate: share(late, orders) });
    }
    return rates
      .sort((a, b) => b.lateRate - a.lateRate || b.late - a.late || a.key.localeCompare(b.key))
      .slice(0, limit);
  }

  private grow(n: number): void {
    if (n < this.orders.length) return;
    const size = this.orders.length * 2;
    const orders = new Uint32Array(size);
    const late = new Uint32Array(size);
    orders.set(this.orders);
    late.set(this.late);
    this.orders = orders;
    this.late = late;
  }
}
