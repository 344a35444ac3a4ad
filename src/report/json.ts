import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skuToJson } from './describe.js';
import type { ReporterFactory } from './reporter.js';
import { type OutputSink, streamSink } from './sink.js';

const indent = (json: string, spaces: string) => json.replace(/\n/g, `\n${spaces}`);

/**
 * The JSON report of SPEC §6. The summary comes before the SKUs, but is known only after them: the SKUs
 * are spooled to a temporary file and copied after the summary, so memory stays flat.
 */
export const jsonReporter: ReporterFactory = (sink) => {
  let dir: string | undefined;
  let spoolStream: ReturnType<typeof createWriteStream> | undefined;
  let spool: OutputSink | undefined;
  let count = 0;
  return {
    async start() {
      dir = await mkdtemp(join(tmpdir(), 'channel-audit-json-'));
      spoolStream = createWriteStream(join(dir, 'skus'));
      spool = streamSink(spoolStream);
    },
    sku(sku) {
      spool?.write(
        `${count++ === 0 ? '' : ',\n'}    ${indent(JSON.stringify(skuToJson(sku), null, 2), '    ')}`,
      );
    },
    ready: async () => {
      await spool?.ready();
    },
    async finish({ meta, summary }) {
      const stream = spoolStream;
      if (stream === undefined || spool === undefined || dir === undefined) {
        throw new Error('json reporter finished before it started');
      }
      await spool.ready();
      await new Promise<void>((done, fail) => {
        stream.once('error', fail);
        stream.end(done);
      });
      const head = JSON.stringify({ ...meta, summary }, null, 2);
      sink.write(`${head.slice(0, -2)},\n  "skus": [${count === 0 ? '' : '\n'}`);
      for await (const chunk of createReadStream(join(dir, 'skus'), { encoding: 'utf8' })) {
        sink.write(chunk as string);
        await sink.ready();
      }
      sink.write(`${count === 0 ? '' : '\n  '}]\n}\n`);
      await rm(dir, { recursive: true, force: true });
      await sink.close();
    },
  };
};
