/** A growing array of 32-bit numbers in shared memory. */
export class SharedColumn {
  private array = new Uint32Array(new SharedArrayBuffer(4 << 12));
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(this.array.length * 2);
    this.array[this.length++] = value;
  }

  /** Makes room for `count` numbers in all. */
  reserve(count: number): void {
    if (count <= this.array.length) return;
    const grown = new Uint32Array(new SharedArrayBuffer(count * 4));
    grown.set(this.array.subarray(0, this.length));
    this.array = grown;
  }

  /** The numbers pushed, over the same memory. */
  values(): Uint32Array {
    return this.array.subarray(0, this.length);
  }
}
