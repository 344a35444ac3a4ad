// One measured run, in a process of its own so that its peak memory is its own:
//   node bench/child.js parse FILE            read every record with the tool's reader, nothing else
//   node bench/child.js csv-parse FILE        the same file through csv-parse, for reference
//   node bench/child.js index FILE            the audit's first pass alone (product sizes, first lines)
//   node bench/child.js passes FILE           a two-thread audit's passes with nothing audited: the
//                                             index, then each half of the file read in its own thread
//   node bench/child.js audit FILE OUT.csv [WORKERS]   the full audit, with the annotated CSV written
//   node bench/child.js audit FILE -                    the audit itself: the summary only, no file written
//   node bench/child.js orders ORDERS OUT.csv CATALOG   the orders audit, with the annotated orders written
//   node bench/child.js workbook CATALOG.csv OUT.xlsx   saves a generated catalog as a workbook (not
//                                                        measured: done here so that the benchmark's own
//                                                        process stays small, as its children inherit
//                                                        its peak memory figure)
// Prints one JSON line: { ms, rows, maxRssMb }.
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (!isMainThread) {
  // The second half for `passes`: its records read and counted, in this worker thread.
  parentPort.postMessage(await readHalf(workerData));
  process.exit(0);
}

const [mode, file, out, workers] = process.argv.slice(2);
const started = performance.now();
let rows = 0;

if (mode === 'parse') {
  const { fileSource } = await import('../dist/read/open-source.js');
  const { detectTableFormat, openCatalog } = await import('../dist/read/read-catalog.js');
  const source = await fileSource(file);
  const reader = await openCatalog(source, await detectTableFormat(source));
  for await (const batch of reader.records) rows += batch.length;
} else if (mode === 'index' || mode === 'passes') {
  const { fileSource } = await import('../dist/read/open-source.js');
  const { detectTableFormat, openCatalog } = await import('../dist/read/read-catalog.js');
  const { mapColumns } = await import('../dist/read/map-columns.js');
  const { scanIndex } = await import('../dist/scale/scan-index.js');
  const source = await fileSource(file);
  const format = await detectTableFormat(source);
  const reader = await openCatalog(source, format);
  const columns = mapColumns(reader.headers, {}, '');
  await reader.close();
  const index = await scanIndex(source, format, columns, 2, source.size, reader.headerRecords);
  rows = index.rows;
  if (mode === 'passes') {
    const [first, second] = index.starts;
    const half = (start, next) => ({
      file,
      format,
      width: columns.headers.length,
      part: { start: start.byte, end: next?.byte ?? source.size, line: start.line, record: start.record },
    });
    // A file too small to split (one record) has one part: read here alone.
    const other =
      second === undefined
        ? Promise.resolve(0)
        : new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: half(second) });
            worker.once('message', resolve).once('error', reject);
          });
    const counted = (await readHalf(half(first, second))) + (await other);
    if (counted !== rows) throw new Error(`the passes read ${counted} records, the index ${rows}`);
  }
} else if (mode === 'workbook') {
  const { generateWorkbook } = await import('./generate.js');
  await generateWorkbook(out, file);
} else if (mode === 'csv-parse') {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(file).pipe(parse({ relax_column_count: true }));
  for await (const _record of parser) rows++;
  rows--;
} else if (mode === 'audit') {
  await runCli([
    file,
    '--as-of',
    '2026-11-23',
    ...(out === '-' ? [] : ['--out', out]),
    ...(workers ? ['--workers', workers] : []),
  ]);
  rows = -1; // the parse run of the same file counts them
} else if (mode === 'orders') {
  await runCli(['orders', file, '--catalog', workers, '--as-of', '2026-11-23T12:00', '--out', out]);
  rows = -1;
} else {
  throw new Error(`unknown mode ${mode}`);
}

const ms = performance.now() - started;

/** The records of one part of the file, counted. */
async function readHalf({ file, format, part, width }) {
  const { fileSource } = await import('../dist/read/open-source.js');
  const { readPart } = await import('../dist/read/read-catalog.js');
  let count = 0;
  for await (const batch of readPart(await fileSource(file), format, part, width)) count += batch.length;
  return count;
}

/** The command line in this process, its standard output thrown away (the table is not measured). */
async function runCli(argv) {
  const { run } = await import('../dist/cli/cli.js');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const code = await run({
    argv,
    stdin: process.stdin,
    stdout: sink,
    stderr: process.stderr,
    env: {},
    cwd: process.cwd(),
  });
  if (code === 2) process.exit(2);
}
process.stdout.write(`${JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
