// A worker thread: audits one part of the file and writes each output's items for it to a file.
import { createWriteStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { RowAuditor } from '../audit/audit-row.js';
import { threadError } from '../core/errors.js';
import { fileSource } from '../read/open-source.js';
import { readPart } from '../read/read-catalog.js';
import { ItemWriter } from '../report/emit.js';
import { OUTPUT_FORMATS } from '../report/index.js';
import { streamSink } from '../report/sink.js';
import { SummaryCollector } from '../audit/summarize.js';
import type { PartMessage, PartTask } from './messages.js';

const task = workerData as PartTask;
const post = (message: PartMessage) => parentPort?.postMessage(message);

async function run(): Promise<void> {
  const source = await fileSource(task.path, task.name);
  const auditor = new RowAuditor(task.auditor);
  const collector = new SummaryCollector(task.limits);
  const outputs = task.outputs.map((output) => {
    const stream = createWriteStream(output.path);
    const sink = streamSink(stream);
    const format = OUTPUT_FORMATS[output.format as keyof typeof OUTPUT_FORMATS];
    return { stream, sink, writer: new ItemWriter(format, sink, output.options, task.start) };
  });
  let rows = 0;
  for await (const batch of readPart(source, task.format, task.part, task.auditor.columns.headers.length)) {
    for (const record of batch) {
      const audited = auditor.audit(record);
      collector.add(audited);
      for (const output of outputs) output.writer.sku(audited);
    }
    rows += batch.length;
    await Promise.all(outputs.map((output) => output.sink.ready()));
    post({ type: 'progress', rows, bytes: 0 });
  }
  for (const output of outputs) {
    await output.sink.ready();
    await new Promise<void>((done, fail) => {
      output.stream.once('error', fail);
      output.stream.end(done);
    });
  }
  const { summary, highlights } = collector.finish();
  post({
    type: 'done',
    summary,
    highlights,
    hidden: auditor.hidden,
    counts: outputs.map((output) => output.writer.count),
  });
}

run().catch((error: Error) => post({ type: 'error', ...threadError(error) }));
