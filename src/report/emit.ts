import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { AuditedSku } from '../core/types.js';
import type { OutputFormat, Reporter, ReportEnd, ReporterOptions, ReportStart } from './reporter.js';
import { type OutputSink, streamSink } from './sink.js';
import { makeTempDir, removeTemp } from '../core/temp-files.js';

/** Joins items with the format's separator, counting them. */
export class ItemWriter<Item = AuditedSku, Start = ReportStart> {
  count = 0;

  constructor(
    private readonly format: OutputFormat<Item, Start, never>,
    private readonly sink: OutputSink,
    private readonly options: ReporterOptions,
    private readonly start: Start,
  ) {}

  sku(item: Item): void {
    const items = this.format.items?.(item, this.options, this.start);
    if (items === undefined) return;
    if (typeof items === 'string') this.write(items);
    else for (const text of items) this.write(text);
  }

  private write(text: string): void {
    this.sink.write(
      this.count++ === 0 || this.format.separator === undefined ? text : this.format.separator + text,
    );
  }
}

/** A format written to one sink as the SKUs come (the JSON report's SKUs via a spool file). */
export function reporterFor<Item = AuditedSku, Start = ReportStart, End = ReportEnd>(
  format: OutputFormat<Item, Start, End>,
  sink: OutputSink,
  options: ReporterOptions,
): Reporter<Item, Start, End> {
  let start: Start | undefined;
  let spool: { dir: string; stream: ReturnType<typeof createWriteStream>; sink: OutputSink } | undefined;
  let items: ItemWriter<Item, Start>;
  // Items written by workers, joined here: a separator between two non-empty runs of items.
  let partItems = 0;
  return {
    format,
    options,
    async addPart(path, count) {
      if (count === 0) return;
      const target = spool?.sink ?? sink;
      if (items.count + partItems > 0) target.write(format.separator ?? '');
      partItems += count;
      await copyInto(target, path);
    },
    async start(s) {
      start = s;
      if (format.wrap) {
        const dir = await makeTempDir('spool');
        const stream = createWriteStream(join(dir, 'items'));
        spool = { dir, stream, sink: streamSink(stream) };
      } else if (format.head) {
        sink.write(format.head(s, options));
      }
      items = new ItemWriter<Item, Start>(
        format as OutputFormat<Item, Start, never>,
        spool?.sink ?? sink,
        options,
        s,
      );
    },
    sku(sku) {
      items.sku(sku);
    },
    async ready() {
      await (spool?.sink ?? sink).ready();
    },
    async finish(end) {
      if (start === undefined) throw new Error('reporter finished before it started');
      if (format.wrap && spool) {
        const { dir, stream } = spool;
        await spool.sink.ready();
        await new Promise<void>((done, fail) => {
          stream.once('error', fail);
          stream.end(done);
        });
        const { before, after } = format.wrap(end, options, items.count + partItems);
        sink.write(before);
        await copyInto(sink, join(dir, 'items'));
        sink.write(after);
        await removeTemp(dir);
      }
      if (format.tail) sink.write(format.tail(end, options, items.count + partItems));
      await sink.close();
      await format.after?.(end, options);
    },
  };
}

/** Copies a file into a sink, with back-pressure. */
async function copyInto(sink: OutputSink, path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    sink.writeBytes(chunk as Buffer);
    await sink.ready();
  }
}
