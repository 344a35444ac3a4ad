/**
 * A hash table from strings to 32-bit numbers that keeps no strings: each key is stored as a 64-bit hash
 * (two 32-bit halves) in a typed array. A million SKU codes take 24 to 48 MB (12 bytes a slot, at most
 * half the slots used) instead of the ~100 MB of a Map<string, number>, and hold no slice of the input
 * alive. Two different keys share a 64-bit hash with a probability of about n² / 2⁶⁵ (3 × 10⁻⁸ for a
 * million keys); that is the price of flat memory.
 *
 * A slot is three numbers side by side — hash high, hash low, value — so that a lookup in a table much
 * larger than the CPU's caches costs one memory access; a hash of 0, 0 marks an empty slot (a key whose
 * hash is 0, 0 is stored as 0, 1).
 */
export class KeyTable {
  private slots: Uint32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.slots = emptySlots(capacity);
  }

  private get capacity(): number {
    return this.slots.length / STRIDE;
  }

  get size(): number {
    return this.count;
  }

  /** `setIfAbsent` for a key given as ASCII bytes (whose code units are the bytes). */
  setIfAbsentAscii(bytes: Uint8Array, start: number, end: number, value: number): number {
    hashAscii(bytes, start, end);
    return this.setHashedIfAbsent(value);
  }

  get(key: string): number | undefined {
    hash(key);
    const at = this.find(H1, H2);
    return isUsed(this.slots, at) ? this.slots[at + VALUE] : undefined;
  }

  /** Sets the key's value only if the key is new; returns the value it keeps. */
  setIfAbsent(key: string, value: number): number {
    hash(key);
    return this.setHashedIfAbsent(value);
  }

  /** Where the key's slot starts in `slots`: its own, or the empty one where it would go. */
  private find(h1: number, h2: number): number {
    const slots = this.slots;
    const mask = this.capacity - 1;
    let slot = h1 & mask;
    for (;;) {
      const at = slot * STRIDE;
      const hi = slots[at];
      const lo = slots[at + LO];
      if ((hi === 0 && lo === 0) || (hi === h1 && lo === h2)) return at;
      slot = (slot + 1) & mask;
    }
  }

  /** `setIfAbsent` for the key just hashed (`H1`, `H2`). */
  private setHashedIfAbsent(value: number): number {
    let at = this.find(H1, H2);
    if (isUsed(this.slots, at)) return this.slots[at + VALUE] ?? 0;
    if ((this.count + 1) * 2 > this.capacity) {
      this.grow();
      at = this.find(H1, H2);
    }
    this.fill(at, H1, H2, value);
    this.count++;
    return value;
  }

  private fill(at: number, h1: number, h2: number, value: number): void {
    const slots = this.slots;
    slots[at] = h1;
    slots[at + LO] = h2;
    slots[at + VALUE] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = emptySlots(this.capacity * 2);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (!isUsed(old, at)) continue;
      const h1 = old[at] ?? 0;
      const h2 = old[at + LO] ?? 0;
      this.fill(this.find(h1, h2), h1, h2, old[at + VALUE] ?? 0);
    }
  }
}

const STRIDE = 3;
const LO = 1;
const VALUE = 2;

function isUsed(slots: Uint32Array, at: number): boolean {
  return slots[at] !== 0 || slots[at + LO] !== 0;
}

function emptySlots(capacity: number): Uint32Array {
  return new Uint32Array(capacity * STRIDE);
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
  // 0, 0 marks an empty slot.
  H2 = H1 === 0 && h2 === 0 ? 1 : h2 >>> 0;
}
