/**
 * A workbook's table of shared strings, which any cell may point into and which must therefore be kept
 * whole while the sheet is read. A million rows hold a few million of them; kept as separate strings
 * they cost three to four times their text. Here each block of 4,096 is joined into one string, with
 * the end of each in a typed array.
 */
export class SharedStrings {
  private readonly blocks: string[] = [];
  private readonly ends: Uint32Array[] = [];
  private pending: string[] = [];

  get size(): number {
    return this.blocks.length * BLOCK + this.pending.length;
  }

  add(text: string): void {
    this.pending.push(text);
    if (this.pending.length === BLOCK) this.seal();
  }

  /** The string at `index`; '' past the end (a cell pointing at no string is empty, as Excel shows it). */
  get(index: number): string {
    const block = Math.floor(index / BLOCK);
    const at = index % BLOCK;
    if (block === this.blocks.length) return this.pending[at] ?? '';
    const ends = this.ends[block];
    if (ends === undefined || at < 0) return '';
    return (this.blocks[block] as string).slice(at === 0 ? 0 : ends[at - 1], ends[at]);
  }

  private seal(): void {
    const ends = new Uint32Array(this.pending.length);
    let end = 0;
    for (const [k, text] of this.pending.entries()) ends[k] = end += text.length;
    this.blocks.push(this.pending.join(''));
    this.ends.push(ends);
    this.pending = [];
  }
}

const BLOCK = 4096;
