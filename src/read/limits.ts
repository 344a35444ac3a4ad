import { InputError } from '../core/errors.js';

/**
 * What one run may take from its input, whatever the input says of itself: a cell's length, a workbook's
 * unzipped size and how much more than its zipped size that is. Each has an option that raises it, named
 * in the refusal; the README's "Limits and safety" lists them.
 */
export interface ReadLimits {
  /** The longest cell, in characters (`--max-cell-mb`). */
  cellChars: number;
  /** A workbook's parts, unzipped, in bytes (`--max-unzipped-mb`). */
  unzippedBytes: number;
  /** How many times its zipped size a workbook's part may unzip to (`--max-zip-ratio`). */
  zipRatio: number;
}

const MB = 2 ** 20;

/**
 * A catalog cell is a few hundred characters; a product description with inline images, a few MB. The
 * largest real workbook (1,048,576 rows of a wide export) unzips to under 1.5 GB, and sheet XML zips
 * 5 to 30 times; 200 times is a zip made to expand.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  cellChars: 64 * MB,
  unzippedBytes: 2048 * MB,
  zipRatio: 200,
};

/** Parts smaller than this may zip as well as they like (an empty sheet of styled cells). */
export const RATIO_FLOOR_BYTES = 1 * MB;

/** A limit in words: MB to a tenth, or the exact bytes of a limit under 0.1 MB (a test's, say). */
export const megabytes = (bytes: number) =>
  bytes < MB / 10 ? `${Math.round(bytes)} bytes` : `${Math.round((bytes / MB) * 10) / 10} MB`;

export function readLimits(given: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...given };
}

/**
 * The disk a spill may take: no more than the workbook's unzipped size may hold (its parts are counted
 * before, `zip-limits.ts`; this holds when the zip's directory could not be read and exceljs reads it as is).
 */
export class SpillBudget {
  private written = 0;
  constructor(private readonly task: { name: string; limits: ReadLimits }) {}

  add(chars: number): void {
    this.written += chars;
    if (this.written > this.task.limits.unzippedBytes) {
      throw new InputError(
        `${this.task.name} holds more than ${megabytes(this.task.limits.unzippedBytes)} of cells; if the workbook is genuine, raise the limit with --max-unzipped-mb`,
      );
    }
  }
}
