/**
 * A hash table from strings to 32-bit numbers that keeps no strings: each key is stored as a 64-bit hash
 * (two 32-bit halves) in typed arrays. A million SKU codes take 16 MB instead of the ~100 MB of a
 * Map<string, number>, and hold no slice of the input alive. Two different keys share a 64-bit hash with
 * a probability of about n² / 2⁶⁵ (3 × 10⁻⁸ for a million keys); that is the price of flat memory.
 */
export class KeyTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private values: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.hi = shared32(capacity);
    this.lo = shared32(capacity);
    this.values = shared32(capacity);
    this.used = new Uint8Array(new SharedArrayBuffer(capacity));
  }

  /** The table's memory, to hand to worker threads without a copy (it lives in shared buffers). */
  share(): SharedKeyTable {
    return { hi: this.hi, lo: this.lo, values: this.values, used: this.used, count: this.count };
  }

  /** A table over memory shared by another thread; read it only. */
  static fromShared(state: SharedKeyTable): KeyTable {
    const table = new KeyTable(1);
    table.hi = state.hi;
    table.lo = state.lo;
    table.values = state.values;
    table.used = state.used;
    table.count = state.count;
    return table;
  }

  get size(): number {
    return this.count;
  }

  /** The same, for a key given as ASCII bytes (whose code units are the bytes). */
  addAscii(bytes: Uint8Array, start: number, end: number, amount: number): number {
    hashAscii(bytes, start, end);
    return this.addHashed(amount);
  }

  setIfAbsentAscii(bytes: Uint8Array, start: number, end: number, value: number): number {
    hashAscii(bytes, start, end);
    return this.put(H1, H2, value, true) ?? value;
  }

  get(key: string): number | undefined {
    hash(key);
    const slot = this.find(H1, H2);
    return this.used[slot] === 1 ? this.values[slot] : undefined;
  }

  /** Adds to the key's value (0 when new); returns the new value. */
  add(key: string, amount: number): number {
    hash(key);
    return this.addHashed(amount);
  }

  private addHashed(amount: number): number {
    const slot = this.find(H1, H2);
    const next = (this.used[slot] === 1 ? (this.values[slot] ?? 0) : 0) + amount;
    this.put(H1, H2, next, false);
    return next;
  }

  /** Sets the key's value only if the key is new; returns the value it keeps. */
  setIfAbsent(key: string, value: number): number {
    hash(key);
    return this.put(H1, H2, value, true) ?? value;
  }

  private find(h1: number, h2: number): number {
    const mask = this.used.length - 1;
    let slot = h1 & mask;
    while (this.used[slot] === 1 && (this.hi[slot] !== h1 || this.lo[slot] !== h2)) slot = (slot + 1) & mask;
    return slot;
  }

  private put(h1: number, h2: number, value: number, keepOld: boolean): number | undefined {
    let slot = this.find(h1, h2);
    if (this.used[slot] === 1) {
      const old = this.values[slot];
      if (!keepOld) this.values[slot] = value;
      return old;
    }
    if ((this.count + 1) * 2 > this.used.length) {
      this.grow();
      slot = this.find(h1, h2);
    }
    this.used[slot] = 1;
    this.hi[slot] = h1;
    this.lo[slot] = h2;
    this.values[slot] = value;
    this.count++;
    return undefined;
  }

  private grow(): void {
    const { hi, lo, values, used } = this;
    const capacity = used.length * 2;
    this.hi = shared32(capacity);
    this.lo = shared32(capacity);
    this.values = shared32(capacity);
    this.used = new Uint8Array(new SharedArrayBuffer(capacity));
    for (let i = 0; i < used.length; i++) {
      if (used[i] !== 1) continue;
      const slot = this.find(hi[i] ?? 0, lo[i] ?? 0);
      this.used[slot] = 1;
      this.hi[slot] = hi[i] ?? 0;
      this.lo[slot] = lo[i] ?? 0;
      this.values[slot] = values[i] ?? 0;
    }
  }
}

export interface SharedKeyTable {
  hi: Uint32Array;
  lo: Uint32Array;
  values: Uint32Array;
  used: Uint8Array;
  count: number;
}

function shared32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(length * 4));
}

let H1 = 0;
let H2 = 0;

/** cyrb53's two 32-bit lanes, both kept: a 64-bit hash of the string's UTF-16 code units. */
function hash(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  finish(h1, h2);
}

/** The same hash of ASCII bytes: for them, bytes and UTF-16 code units are the same numbers. */
function hashAscii(bytes: Uint8Array, start: number, end: number): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const c = bytes[i] as number;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  finish(h1, h2);
}

function finish(h1: number, h2: number): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  H1 = h1 >>> 0;
  H2 = h2 >>> 0;
}
