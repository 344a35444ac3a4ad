import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../core/errors.js';
import { megabytes, RATIO_FLOOR_BYTES, type ReadLimits } from './limits.js';
import { type ZipEntry, zipDirectory } from './zip-directory.js';

/**
 * Refuses a workbook that would unzip to more than the limits allow, before any of it is parsed or
 * written to disk: by the sizes its zip directory states (the whole, and each part against its zipped
 * size), then by unzipping each part once and counting, since a crafted zip can state any size. A part
 * that unzips to more than it states is refused as soon as it does.
 */
export async function checkZipLimits(path: string, name: string, limits: ReadLimits): Promise<void> {
  const entries = await zipDirectory(path);
  let total = 0;
  for (const [part, entry] of entries) {
    total += entry.size;
    if (total > limits.unzippedBytes) {
      throw new InputError(
        `${name} unzips to more than ${megabytes(limits.unzippedBytes)}; if the workbook is genuine, raise the limit with --max-unzipped-mb`,
      );
    }
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (entry.size > RATIO_FLOOR_BYTES && ratio > limits.zipRatio) {
      throw new InputError(
        `${name}: ${part} unzips to ${Math.round(ratio)} times its zipped size (${megabytes(entry.size)}), more than ${limits.zipRatio}; if the workbook is genuine, raise the limit with --max-zip-ratio`,
      );
    }
  }
  for (const [part, entry] of entries) {
    if (entry.method === 8) await checkInflated(path, name, part, entry);
  }
}

/** Unzips one part, counting: more bytes than its stated size is a crafted or damaged zip. */
async function checkInflated(path: string, name: string, part: string, entry: ZipEntry): Promise<void> {
  const file = await open(path, 'r');
  const header = Buffer.alloc(30);
  try {
    await file.read(header, 0, 30, entry.offset);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw damaged(name, part);
  if (entry.compressedSize === 0) return;
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  let count = 0;
  let overran = false;
  const inflate = createInflateRaw();
  const overrun = new InputError(
    `${name}: ${part} unzips to more than the ${megabytes(entry.size)} its zip directory states (a damaged or crafted file); re-save it from Excel, or export it as CSV`,
  );
  try {
    await pipeline(
      createReadStream(path, { start, end: start + entry.compressedSize - 1 }),
      inflate,
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          count += chunk.length;
          if (count > entry.size) {
            overran = true;
            throw overrun;
          }
        }
      },
    );
  } catch {
    if (overran) throw overrun;
    throw damaged(name, part);
  }
}

const damaged = (name: string, part: string) =>
  new InputError(
    `${name} is not a readable .xlsx workbook (${part} is damaged); re-save it from Excel, or export it as CSV`,
  );
