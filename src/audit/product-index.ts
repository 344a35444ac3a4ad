import { KeyTable } from '../core/key-table.js';
import { SharedColumn } from '../read/shared-column.js';

/** A place where a record starts: where a part of the file can begin. */
export interface RecordStart {
  byte: number;
  line: number;
  /** 0-based index of the data record that starts there. */
  record: number;
}

/**
 * What the first pass learns for each data record (0-based, in file order), that the audit of the record
 * needs and cannot see from the record alone. Both arrays live in shared memory: worker threads read
 * them without a copy.
 */
export interface ProductIndex {
  /** Data records in the file. */
  rows: number;
  /** How many SKU rows the record's product has in the whole file; 0 when the record has no product key. */
  productSkus: Uint32Array;
  /** The line where the record's SKU code (or product id, without a SKU column) first appears, when
   * that is an earlier line; else 0. */
  duplicateOf: Uint32Array;
  /** Where the data starts, then record starts near equal fractions of the file, for reading it in parts. */
  starts: RecordStart[];
}

/**
 * Builds the index record by record. Keys are kept only while it is built, as 64-bit hashes (`KeyTable`);
 * a product is numbered when first seen, and each record keeps its product's number, replaced at the end
 * by the product's count of SKUs. Lookups by key are thus done once, in the first pass, not again per
 * record in the audit.
 */
export class IndexBuilder {
  /** Product key → product number. */
  private readonly products = new KeyTable();
  /** SKU key → the first line it is on. */
  private readonly firstLines = new KeyTable();
  private counts = new Uint32Array(1 << 12);
  private productCount = 0;
  private readonly productOf = new SharedColumn();
  private readonly duplicateOf = new SharedColumn();
  /** Parent rows (their product id empty, their SKU the product) and child rows per product. */
  private parentRows = new Uint32Array(0);
  private childRows = new Uint32Array(0);

  /**
   * `parents`: a row with an empty product id is the parent of the rows whose product id is its SKU
   * (WooCommerce's `Parent`), and not one of their product's SKUs when it has any.
   */
  constructor(private readonly parents = false) {
    if (parents) [this.parentRows, this.childRows] = [new Uint32Array(1 << 12), new Uint32Array(1 << 12)];
  }

  /**
   * One data record. The product (text, or ASCII bytes hashed where they lie; '' for none) and whether the
   * record is one of its SKUs; the duplicate key the same way, and the record's line.
   */
  record(product: Key, countsAsSku: boolean, duplicate: Key, line: number, child = false): void {
    if (product === '') this.productOf.push(0);
    else {
      const next = this.productCount + 1;
      const number =
        typeof product === 'string'
          ? this.products.setIfAbsent(product, next)
          : this.products.setIfAbsentAscii(product.bytes, product.start, product.end, next);
      if (number === next) this.newProduct();
      if (countsAsSku) this.counts[number] = (this.counts[number] ?? 0) + 1;
      if (this.parents) {
        const rows = child ? this.childRows : this.parentRows;
        rows[number] = (rows[number] ?? 0) + 1;
      }
      this.productOf.push(number);
    }
    if (duplicate === '') this.duplicateOf.push(0);
    else {
      const first =
        typeof duplicate === 'string'
          ? this.firstLines.setIfAbsent(duplicate, line)
          : this.firstLines.setIfAbsentAscii(duplicate.bytes, duplicate.start, duplicate.end, line);
      this.duplicateOf.push(first === line ? 0 : first);
    }
  }

  finish(starts: RecordStart[]): ProductIndex {
    const rows = this.productOf.length;
    const productSkus = this.productOf.values();
    // A product with child rows: its parent row is the product, not one of its SKUs.
    if (this.parents)
      for (let n = 1; n <= this.productCount; n++)
        if ((this.childRows[n] ?? 0) > 0) this.counts[n] = (this.counts[n] ?? 0) - (this.parentRows[n] ?? 0);
    // Each record's product number becomes its product's count (product 0 is "none", counted 0).
    for (let i = 0; i < rows; i++) productSkus[i] = this.counts[productSkus[i] ?? 0] ?? 0;
    return { rows, productSkus, duplicateOf: this.duplicateOf.values(), starts };
  }

  private newProduct(): void {
    this.productCount++;
    if (this.productCount >= this.counts.length) {
      this.counts = grown(this.counts);
      if (this.parents) [this.parentRows, this.childRows] = [grown(this.parentRows), grown(this.childRows)];
    }
  }
}

function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** A key given as text, or as plain ASCII bytes in a buffer (hashed alike); '' for no key. */
export type Key = string | { bytes: Uint8Array; start: number; end: number };
