import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../core/errors.js';
import { makeTempDir, removeTemp } from '../core/temp-files.js';

/** The bytes of a catalog, which the audit may read more than once (an index pass, then the audit). */
export interface CatalogSource {
  /** The name reports use: the path, or the name given to standard input. */
  name: string;
  /** The file on disk that holds the bytes. */
  path: string;
  /** Its size in bytes. */
  size: number;
  /** The bytes, or those from `start` up to (not including) `end`. */
  open(range?: { start: number; end: number }): Readable;
  /** The first `bytes` bytes, and whether that is the whole file. */
  sample(bytes: number): Promise<{ bytes: Buffer; complete: boolean }>;
  /** Removes the temporary copy of a stream; a no-op for a file. */
  dispose(): Promise<void>;
}

const CHUNK = 1 << 16;

export async function fileSource(path: string, name = path): Promise<CatalogSource> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new InputError(`cannot read ${name}: ${why}`);
  }
  if (info.isDirectory()) throw new InputError(`cannot read ${name}: it is a directory, not a catalog file`);
  return {
    name,
    path,
    size: info.size,
    open: (range) =>
      createReadStream(path, {
        highWaterMark: CHUNK,
        ...(range ? { start: range.start, end: range.end - 1 } : {}),
      }),
    sample: async (bytes) => {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(bytes, info.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return { bytes: buffer.subarray(0, bytesRead), complete: bytesRead >= info.size };
      } finally {
        await handle.close();
      }
    },
    dispose: async () => {},
  };
}

/** A temporary file that `write` fills, read as a source named `name`; `dispose` removes it. */
export async function temporarySource(
  name: string,
  write: (path: string) => Promise<void>,
): Promise<CatalogSource> {
  const dir = await makeTempDir('input');
  const remove = () => removeTemp(dir);
  const path = join(dir, 'input');
  try {
    await write(path);
  } catch (error) {
    await remove();
    throw error;
  }
  return { ...(await fileSource(path, name)), dispose: remove };
}

/**
 * A stream (standard input) is copied to a temporary file first, so that it can be read twice like a
 * file; memory stays flat whatever its size.
 */
export function streamSource(stream: Readable, name: string): Promise<CatalogSource> {
  return temporarySource(name, (path) => pipeline(stream, createWriteStream(path)));
}
