// npm run bench [-- SIZES…]: generates deterministic catalogs (100k and 1M SKUs by default, and 2M for
// the memory ratio), and measures, each in a fresh process: a bare parse with the tool's reader, the
// same with csv-parse for reference, the audit's first pass alone, both of its passes with nothing
// audited in them, the audit itself (summary only) and the full audit writing the annotated CSV. Prints
// the tables and records them, with the machine, in docs/performance.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalog, generateOrders } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [100_000, 1_000_000, 2_000_000];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

mkdirSync(OUT, { recursive: true });

/** One run of a bench script in a fresh process: its lines of output. */
function node(script, ...args) {
  const text = execFileSync(process.execPath, [join(ROOT, 'bench', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return text.trim().split('\n');
}

/** One measured run of bench/child.js: its last line, `{ ms, rows, maxRssMb }`. */
function measure(mode, file, out, workers) {
  return JSON.parse(node('child.js', mode, file, ...(out ? [out] : []), ...(workers ? [workers] : [])).pop());
}

/**
 * REPEAT runs of a measurement: the best time (a shared, noisy machine only ever makes a run slower) and
 * the highest peak memory of them all.
 */
function best(mode, file, out, workers) {
  return bestOf(() => measure(mode, file, out, workers));
}

function bestOf(run) {
  const runs = Array.from({ length: REPEAT }, run);
  const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

const results = [];
for (const size of SIZES) {
  const file = join(OUT, `catalog-${size}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${size} SKUs…\n`);
    await generateCatalog(file, size);
  }
  const mb = statSync(file).size / 1e6;
  const out = join(OUT, `annotated-${size}.csv`);
  process.stderr.write(`${size} SKUs (${mb.toFixed(0)} MB): parse…`);
  const parse = best('parse', file);
  process.stderr.write(' csv-parse…');
  const csvParse = size <= 1_000_000 ? best('csv-parse', file) : null;
  process.stderr.write(' index pass…');
  const index = best('index', file);
  process.stderr.write(' both passes, nothing audited…');
  const passes = best('passes', file);
  process.stderr.write(' audit, summary only…');
  const bare = best('audit', file, '-');
  process.stderr.write(' audit…\n');
  const audit = best('audit', file, out);
  process.stderr.write('  audit, one thread…\n');
  const single = best('audit', file, out, '1');
  rmSync(out, { force: true });
  results.push({ size, mb, rows: parse.rows, parse, csvParse, index, passes, bare, audit, single });
}

const f = (n, d = 2) => n.toFixed(d);
const s = (run) => `${f(run.ms / 1000)} s`;
const ratio = (run, r) => f(run.ms / r.parse.ms);
const lines = [
  '| SKUs | file | bare parse (tool reader) | csv-parse, parse only | index pass alone | both passes, nothing audited | ÷ parse | audit, summary only | ÷ parse | audit + annotated CSV | ÷ parse | rows/s (audit + CSV) | audit + CSV, one thread |',
  '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...results.map(
    (r) =>
      `| ${r.size.toLocaleString('en')} | ${f(r.mb, 0)} MB | ${s(r.parse)} | ${r.csvParse ? s(r.csvParse) : '—'} | ${s(r.index)} | ${s(r.passes)} | ${ratio(r.passes, r)} | ${s(r.bare)} | ${ratio(r.bare, r)} | ${s(r.audit)} | ${ratio(r.audit, r)} | ${Math.round((r.rows / r.audit.ms) * 1000).toLocaleString('en')} | ${s(r.single)} |`,
  ),
  '',
  '| SKUs | peak RSS: bare parse | index pass alone | both passes | audit, summary only | audit + annotated CSV | audit + CSV, one thread |',
  '|--:|--:|--:|--:|--:|--:|--:|',
  ...results.map(
    (r) =>
      `| ${r.size.toLocaleString('en')} | ${[r.parse, r.index, r.passes, r.bare, r.audit, r.single].map((run) => `${f(run.maxRssMb, 0)} MB`).join(' | ')} |`,
  ),
];
const oneM = results.find((r) => r.size === 1_000_000);
const twoM = results.find((r) => r.size === 2_000_000);
if (oneM && twoM) lines.push('', `Memory 2M / 1M: ${f(twoM.audit.maxRssMb / oneM.audit.maxRssMb)}.`);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; best of ${REPEAT} runs`;
console.log(`${machine}\n\n${lines.join('\n')}`);

// Widely used CSV parsers on the 1M file (or the largest), parse only, and whether each can give the
// line a record starts on (bench/parsers.js).
const parsersSize = SIZES.includes(1_000_000) ? 1_000_000 : SIZES[SIZES.length - 1];
const parsersFile = join(OUT, `catalog-${parsersSize}.csv`);
const toolParse = results.find((r) => r.size === parsersSize)?.parse;
const startLines = new Map(
  node('parsers.js', 'lines').map((line) => [JSON.parse(line).parser, JSON.parse(line)]),
);
const lineCheck = (check) =>
  check.matches
    ? 'yes'
    : check.error !== undefined
      ? 'no (stops with an error)'
      : `no (${check.startLines === null ? 'none given' : check.startLines.join(', ')})`;
lines.push(
  '',
  `Parsers, parse only, on the ${parsersSize.toLocaleString('en')}-SKU file; start lines checked on two small files (\`bench/parsers.js lines\`): CRLF with multi-line cells (2, 4, 5, 8 expected) and all three line ends mixed (2, 3, 5, 6):`,
  '',
  '| parser | version | parse only | ÷ tool reader | peak RSS | start lines, CRLF | start lines, mixed |',
  '|---|--:|--:|--:|--:|---|---|',
);
for (const name of ['tool', 'csv-parse', 'papaparse', 'csv-parser', 'fast-csv', 'udsv']) {
  process.stderr.write(`parser: ${name}…\n`);
  const run =
    name === 'tool'
      ? toolParse
      : name === 'csv-parse'
        ? (results.find((r) => r.size === parsersSize)?.csvParse ?? best('csv-parse', parsersFile))
        : bestOf(() => JSON.parse(node('parsers.js', 'speed', name, parsersFile).pop()));
  const check = startLines.get(name);
  const version =
    check?.version ??
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  lines.push(
    `| ${name === 'tool' ? "the tool's reader" : name} | ${version} | ${f(run.ms / 1000)} s | ${f(run.ms / toolParse.ms)} | ${f(run.maxRssMb, 0)} MB | ${lineCheck(check)} | ${lineCheck(check.mixed)} |`,
  );
}
console.log(lines.slice(-8).join('\n'));

// Workbooks: the catalogs saved as .xlsx (the sizes a sheet can hold, 1,048,576 rows at most; BENCH_XLSX
// names others, 0 none) and audited with the annotated CSV written, next to the same rows as CSV.
const xlsxSizes = (process.env.BENCH_XLSX?.split(',').map(Number) ?? SIZES).filter(
  (n) => n > 0 && n < 1_048_576,
);
if (xlsxSizes.length > 0) {
  lines.push(
    '',
    'Workbooks: the same catalogs saved as .xlsx (every cell text, in the shared strings), audited with the annotated CSV written:',
    '',
    '| SKUs | workbook | audit + annotated CSV | peak RSS | the same rows as CSV | peak RSS |',
    '|--:|--:|--:|--:|--:|--:|',
  );
}
for (const size of xlsxSizes) {
  const csv = join(OUT, `catalog-${size}.csv`);
  const book = join(OUT, `catalog-${size}.xlsx`);
  if (!existsSync(csv)) await generateCatalog(csv, size);
  if (!existsSync(book)) {
    process.stderr.write(`saving ${size} SKUs as a workbook…\n`);
    node('child.js', 'workbook', csv, book);
  }
  process.stderr.write(`workbook, ${size} SKUs…\n`);
  const out = join(OUT, `annotated-${size}.csv`);
  const fromBook = best('audit', book, out);
  const fromCsv = results.find((r) => r.size === size)?.audit ?? best('audit', csv, out);
  rmSync(out, { force: true });
  lines.push(
    `| ${size.toLocaleString('en')} | ${f(statSync(book).size / 1e6, 0)} MB | ${f(fromBook.ms / 1000)} s | ${f(fromBook.maxRssMb, 0)} MB | ${f(fromCsv.ms / 1000)} s | ${f(fromCsv.maxRssMb, 0)} MB |`,
  );
  console.log(lines.at(-1));
}

// Orders: a million orders against the 1M catalog (or the largest one generated).
const catalogSize = SIZES.includes(1_000_000) ? 1_000_000 : SIZES[SIZES.length - 1];
const orderRows = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const ordersFile = join(OUT, `orders-${orderRows}.csv`);
const catalogFile = join(OUT, `catalog-${catalogSize}.csv`);
if (!existsSync(ordersFile)) {
  process.stderr.write(`generating ${orderRows} orders…\n`);
  await generateOrders(ordersFile, catalogFile, orderRows);
}
process.stderr.write('orders audit…\n');
const ordersOut = join(OUT, 'orders-annotated.csv');
const orders = best('orders', ordersFile, ordersOut, catalogFile);
rmSync(ordersOut, { force: true });
lines.push(
  '',
  `Orders: ${orderRows.toLocaleString('en')} orders (${f(statSync(ordersFile).size / 1e6, 0)} MB) against the ${catalogSize.toLocaleString('en')}-SKU catalog, annotated orders written: ${f(orders.ms / 1000)} s (${Math.round((orderRows / orders.ms) * 1000).toLocaleString('en')} orders/s), peak RSS ${f(orders.maxRssMb, 0)} MB.`,
);
console.log(lines.slice(-1)[0]);

const block = `<!-- bench:start -->\nMachine: ${machine}.\n\n${lines.join('\n')}\n<!-- bench:end -->`;
const doc = join(ROOT, 'docs', 'performance.md');
const text = existsSync(doc)
  ? readFileSync(doc, 'utf8')
  : '# Performance\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
writeFileSync(doc, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
