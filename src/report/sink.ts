import { randomBytes } from 'node:crypto';
import { createWriteStream, fstatSync, realpathSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../core/errors.js';
import { forgetTemp, removeTemp, sweepBeside, tempNameBeside } from '../core/temp-files.js';

/** Where a reporter writes: buffered, with back-pressure checked between batches of SKUs. */
export interface OutputSink {
  write(text: string): void;
  /** Bytes already encoded as UTF-8 (parts written by worker threads, spooled items). */
  writeBytes(bytes: Buffer): void;
  /** Resolves once the destination has taken what was written (call between batches). */
  ready(): Promise<void>;
  close(): Promise<void>;
  /** Drops a half-written output after a failure. */
  abort(): Promise<void>;
}

/** Text is encoded straight into a buffer of this size, written out when full. */
const BUFFER_BYTES = 1 << 18;

function bufferedSink(
  stream: Writable,
  label: string,
  onClose: () => Promise<void>,
  onAbort: () => Promise<void>,
): OutputSink {
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let blocked: Promise<void> | null = null;
  let release = () => {};
  // A reader that goes away (`| head`) is not a failure: the rest of the output is dropped.
  let gone = false;
  let failure: Error | null = null;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') gone = true;
    else failure ??= error;
    release();
  });
  const check = () => {
    if (failure)
      throw new UsageError(
        `cannot write ${label}: ${(failure as NodeJS.ErrnoException).code ?? failure.message}`,
      );
  };
  const flush = () => {
    if (gone || failure) {
      used = 0;
      return;
    }
    if (used === 0) return;
    const ok = stream.write(buffer.subarray(0, used));
    // The stream keeps the bytes it was given until it has written them: the next ones go elsewhere.
    buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    used = 0;
    if (!ok && blocked === null) {
      blocked = new Promise((done) => {
        release = () => {
          blocked = null;
          done();
        };
        stream.once('drain', release);
      });
    }
  };
  return {
    writeBytes(bytes) {
      flush();
      if (gone || failure) return;
      if (!stream.write(bytes) && blocked === null) {
        blocked = new Promise((done) => {
          release = () => {
            blocked = null;
            done();
          };
          stream.once('drain', release);
        });
      }
    },
    write(text) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (used + text.length * 3 > buffer.length) {
        flush();
        if (text.length * 3 > buffer.length) {
          if (!gone && !failure) stream.write(text);
          return;
        }
      }
      used += buffer.write(text, used);
    },
    async ready() {
      flush();
      if (blocked) await blocked;
      check();
    },
    async close() {
      flush();
      if (blocked) await blocked;
      check();
      await onClose();
    },
    abort: onAbort,
  };
}

/** Standard output (or any stream the caller owns: it is flushed, not closed). */
export function streamSink(stream: Writable): OutputSink {
  return bufferedSink(
    stream,
    'standard output',
    async () => {},
    async () => {},
  );
}

/**
 * A file, written under a temporary name and renamed when complete, so that a failed run never leaves a
 * half-written report; it refuses to write over the input.
 */
export function fileSink(path: string, input: string | number | null): OutputSink {
  const target = resolve(path);
  if (
    input !== null &&
    (typeof input === 'number' ? sameFileAsFd(target, input) : sameFile(target, resolve(input)))
  ) {
    throw new UsageError(
      `--out ${path} is the input file${typeof input === 'number' ? ' (standard input reads it)' : ''}; the input is never overwritten: choose another name`,
    );
  }
  const swept = sweepBeside(target);
  const temp = tempNameBeside(target, randomBytes(4).toString('hex'));
  const stream = createWriteStream(temp);
  const opened = new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', fail);
  });
  opened.catch(() => {});
  const finished = () =>
    new Promise<void>((ok, fail) => {
      stream.once('error', fail);
      stream.end(ok);
    });
  return bufferedSink(
    stream,
    path,
    async () => {
      try {
        await opened;
      } catch (error) {
        throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
      }
      await finished();
      await rename(temp, target);
      forgetTemp(temp);
      await swept;
    },
    async () => {
      stream.destroy();
      await removeTemp(temp);
      await swept;
    },
  );
}

/**
 * Whether a file descriptor (standard input) reads the file at `path`: a file or named pipe redirected
 * in (`< catalog.csv`), by device and inode. A pipe from another program (`cat catalog.csv |`) does not
 * say what it reads: that cannot be told.
 */
function sameFileAsFd(path: string, fd: number): boolean {
  try {
    const a = fstatSync(fd);
    const b = statSync(path);
    return (a.isFile() || a.isFIFO()) && a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}
