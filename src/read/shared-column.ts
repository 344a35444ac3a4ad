/** A growing array of 32-bit numbers in shared memory. */
export class SharedColumn {
  private array = new Uint32Array(new SharedArrayBuffer(4 << 12));
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Uint32Array(new SharedArrayBuffer(this.array.length * 8));
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  /** The numbers pushed, over the same memory. */
  values(): Uint32Array {
    return this.array.subarray(0, this.length);
  }
}
