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
 * archive); an entry whose size is in a ZIP64 field is left out.
 */
export async function zipEntrySizes(path: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const [name, entry] of await zipDirectory(path)) sizes.set(name, entry.size);
  return sizes;
}

/** The entries of a zip file's central directory, by name; those with ZIP64 fields are left out. */
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
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      const uncompressed = directory.readUInt32LE(at + 24);
      const compressedSize = directory.readUInt32LE(at + 20);
      const offset = directory.readUInt32LE(at + 42);
      // 0xFFFFFFFF: the size is in a ZIP64 field, which is not read; the entry's size is unknown.
      if (uncompressed !== 0xffffffff && compressedSize !== 0xffffffff && offset !== 0xffffffff)
        sizes.set(name.replace(/^\//, ''), {
          size: uncompressed,
          compressedSize,
          method: directory.readUInt16LE(at + 10),
          offset,
          crc: directory.readUInt32LE(at + 16),
        });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return sizes;
  } finally {
    await file.close();
  }
}
