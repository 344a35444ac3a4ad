import { randomBytes } from 'node:crypto';
import { createWriteStream, realpathSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';

/** Where a reporter writes: buffered, with back-pressure checked between batches of SKUs. */
export interface OutputSink {
  write(text: string): void;
  /** Resolves once the destination has taken what was written (call between batches). */
  ready(): Promise<void>;
  close(): Promise<void>;
  /** Drops a half-written output after a failure. */
  abort(): Promise<void>;
}

const FLUSH_AT = 1 << 16;

function bufferedSink(
  stream: Writable,
  label: string,
  onClose: () => Promise<void>,
  onAbort: () => Promise<void>,
): OutputSink {
  let parts: string[] = [];
  let size = 0;
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
      parts = [];
      size = 0;
      return;
    }
    if (size === 0) return;
    const ok = stream.write(parts.join(''));
    parts = [];
    size = 0;
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
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= FLUSH_AT) flush();
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
export function fileSink(path: string, inputPath: string | null): OutputSink {
  const target = resolve(path);
  if (inputPath !== null && sameFile(target, resolve(inputPath))) {
    throw new UsageError(
      `--out ${path} is the input file; the input is never overwritten: choose another name`,
    );
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
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
    },
    async () => {
      stream.destroy();
      await rm(temp, { force: true });
    },
  );
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}
