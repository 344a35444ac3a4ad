import { open } from 'node:fs/promises';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** A directory larger than this is not a workbook's (a few dozen entries). */
const MAX_DIRECTORY = 16 * 2 ** 20;

/** An entry of a zip file's central directory. */
export interface ZipEntry {
  /** Uncompressed size. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where its local header starts. */
  offset: number;
  crc: number;
}

/**
 * The uncompressed size of each entry of a zip file, read from its central directory at the end of the
 * file, without inflating anything. Empty when there is no directory to read (not a zip, or a ZIP64
 * archive's end record, which is not read).
 */
export async function zipEntrySizes(path: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const [name, entry] of await zipDirectory(path)) sizes.set(name, entry.size);
  return sizes;
}

/**
 * The entries of a zip file's central directory, by name, their ZIP64 sizes and offsets read; an entry
 * whose ZIP64 field lacks a value it needs is left out.
 */
export async function zipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const sizes = new Map<string, ZipEntry>();
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    // The end-of-directory record is 22 bytes, followed by a comment of at most 65,535.
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await file.read(tail, 0, tail.length, size - tail.length);
    // The record whose comment reaches exactly to the end of the file (a comment may hold the signature).
    let end = tail.length - 22;
    while (
      end >= 0 &&
      (tail.readUInt32LE(end) !== END_OF_DIRECTORY || end + 22 + tail.readUInt16LE(end + 20) !== tail.length)
    )
      end--;
    if (end < 0) return sizes;
    const length = tail.readUInt32LE(end + 12);
    const offset = tail.readUInt32LE(end + 16);
    if (offset + length > size || length > MAX_DIRECTORY) return sizes;
    const directory = Buffer.alloc(length);
    await file.read(directory, 0, length, offset);
    for (let at = 0; at + 46 <= length && directory.readUInt32LE(at) === DIRECTORY_ENTRY;) {
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      // 0xFFFFFFFF: the value is in the entry's ZIP64 extra field (some writers use it for every entry).
      const wide = zip64Values(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      const value = (narrow: number) => (narrow === 0xffffffff ? wide.shift() : narrow);
      const size = value(directory.readUInt32LE(at + 24));
      const compressedSize = value(directory.readUInt32LE(at + 20));
      const offset = value(directory.readUInt32LE(at + 42));
      if (size !== undefined && compressedSize !== undefined && offset !== undefined)
        sizes.set(name.replace(/^\//, ''), {
          size,
          compressedSize,
          method: directory.readUInt16LE(at + 10),
          offset,
          crc: directory.readUInt32LE(at + 16),
        });
      at += 46 + nameLength + extraLength + directory.readUInt16LE(at + 32);
    }
    return sizes;
  } finally {
    await file.close();
  }
}

/** The 8-byte values of a ZIP64 extended-information field (id 1), in the order they stand. */
function zip64Values(extra: Buffer): number[] {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 1) {
      const values: number[] = [];
      for (let v = at + 4; v + 8 <= at + 4 + size && v + 8 <= extra.length; v += 8)
        values.push(Number(extra.readBigUInt64LE(v)));
      return values;
    }
    at += 4 + size;
  }
  return [];
}
