// One measured run, in a process of its own so that its peak memory is its own:
//   node bench/child.js parse FILE            read every record with the tool's reader, nothing else
//   node bench/child.js csv-parse FILE        the same file through csv-parse, for reference
//   node bench/child.js audit FILE OUT.csv [WORKERS]   the full audit, with the annotated CSV written
//   node bench/child.js audit FILE -                    the audit itself: the summary only, no file written
//   node bench/child.js orders ORDERS OUT.csv CATALOG   the orders audit, with the annotated orders written
// Prints one JSON line: { ms, rows, maxRssMb }.
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';

const [mode, file, out, workers] = process.argv.slice(2);
const started = performance.now();
let rows = 0;

if (mode === 'parse') {
  const { fileSource } = await import('../dist/read/open-source.js');
  const { detectTableFormat, openCatalog } = await import('../dist/read/read-catalog.js');
  const source = await fileSource(file);
  const reader = await openCatalog(source, await detectTableFormat(source));
  for await (const batch of reader.records) rows += batch.length;
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

/** The command line in this process, its standard output thrown away (the table is not measured). */
async function runCli(argv) {
  const { run } = await import('../dist/cli.js');
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
