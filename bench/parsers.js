// Widely used npm CSV parsers against the tool's reader (bench/child.js parse), one process a run:
//   node bench/parsers.js speed NAME FILE   read every record of FILE with NAME (papaparse, csv-parser,
//                                           fast-csv, udsv) and count them, nothing else; prints one
//                                           JSON line: { ms, rows, maxRssMb }, rows without the header
//   node bench/parsers.js lines             whether each parser can give the physical line a record
//                                           starts on, as the tool counts it; prints one JSON line a
//                                           parser: { parser, version, startLines, matches, how, mixed }
// Each parser reads the file as a stream, in its cheapest mode: cells as arrays where it has one, no
// header mapping, no column-count check.
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';

const PARSERS = {
  papaparse: 'papaparse',
  'csv-parser': 'csv-parser',
  'fast-csv': '@fast-csv/parse',
  udsv: 'udsv',
};

// Start lines as the tool counts them: `\r\n`, `\n` and a lone `\r` are one line break each, inside
// quoted cells too, and each of them ends a record outside quotes.
const SAMPLES = {
  // The data records start on lines 2 (1,"x / y"), 4, 5 (3,"p / q / r") and 8.
  crlf: { text: 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n3,"p\nq\rr"\r\n4,w\r\n', startLines: [2, 4, 5, 8] },
  // Line ends of all three kinds in one file, between records too, and no line break at the end.
  mixed: { text: 'a,b\n1,x\r\n2,"y\r\nz"\r3,w\n4,v', startLines: [2, 3, 5, 6] },
};

const HOW = {
  tool: 'reference: CsvTokenizer (dist) gives RawRow.line',
  'csv-parse':
    'info: the bytes read when a record ended, so a record starts where the one before ended; lines counted up to there',
  papaparse:
    'step: meta.cursor is the character offset where a record ends, after its line break, so a record starts at the cursor of the one before; lines counted up to there. One line ending a file, guessed from the text',
  'csv-parser':
    'outputByteOffset: each record comes with the byte offset it starts at; lines counted up to there. Records end at \\n only (at \\r only when the first line ends with a lone \\r)',
  'fast-csv': 'no line, offset or position in any event or record: cells only',
  udsv: "no line, offset or position: the record callback gets the cells and the output buffer only. One row delimiter a file, the header line's",
};

const [mode, name, file] = process.argv.slice(2);

if (mode === 'speed') {
  if (!(name in PARSERS)) throw new Error(`unknown parser ${name}`);
  const started = performance.now();
  const rows = await count(name, file);
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} else if (mode === 'lines') {
  await lines();
} else {
  throw new Error(`unknown mode ${mode}`);
}

/** The data records of `file`: the header is read as a record by all but udsv, and taken off. */
async function count(parser, file) {
  let records = 0;
  if (parser === 'papaparse') {
    // Arrays of cells; the chunk callback gets every record of a chunk at once (step would call once a
    // record). Decoded by the stream: papaparse would decode each buffer alone, splitting characters.
    const { default: Papa } = await import('papaparse');
    await new Promise((resolve, reject) => {
      Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
        delimiter: ',',
        chunk: (results) => {
          records += results.data.length;
        },
        complete: resolve,
        error: reject,
      });
    });
    records--;
  } else if (parser === 'csv-parser') {
    // No array mode: with `headers: false` every record is an object keyed 0, 1, 2…, the header too.
    // A record may have any number of cells unless `strict`.
    const { default: csv } = await import('csv-parser');
    for await (const _record of createReadStream(file).pipe(csv({ headers: false }))) records++;
    records--;
  } else if (parser === 'fast-csv') {
    // Arrays of cells without `headers`; column counts are checked only with `strictColumnHandling`.
    const { parse } = await import('@fast-csv/parse');
    for await (const _record of createReadStream(file).pipe(parse())) records++;
    records--;
  } else if (parser === 'udsv') {
    // udsv has no stream of its own but an incremental API, fed chunk by chunk as its README shows: the
    // schema (delimiters, header) inferred from the first chunk, then each chunk parsed to arrays, every
    // record handed to a callback instead of being kept; the header is skipped by udsv itself. It has
    // no relaxed mode: a record must have the header's number of cells (a short one swallows the next
    // record). A chunk without a quote in it takes a split-at-delimiters path.
    const { inferSchema, initParser } = await import('udsv');
    let parser = null;
    const onRecord = () => {
      records++;
    };
    for await (const text of createReadStream(file, { encoding: 'utf8' })) {
      parser ??= initParser(inferSchema(text));
      parser.chunk(text, parser.stringArrs, onRecord);
    }
    parser?.end();
  }
  return records;
}

/** One JSON line a parser, the tool's reader first: its start lines on each sample. */
async function lines() {
  const manifest = (dir) =>
    JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'));
  for (const parser of ['tool', 'csv-parse', ...Object.keys(PARSERS)]) {
    const version = manifest(parser === 'tool' ? '.' : `node_modules/${PARSERS[parser] ?? parser}`).version;
    const result = {};
    for (const [sample, { text, startLines: expected }] of Object.entries(SAMPLES)) {
      try {
        const startLines = await startLinesOf(parser, text);
        result[sample] = { startLines, matches: JSON.stringify(startLines) === JSON.stringify(expected) };
      } catch (error) {
        // A parser that refuses the sample gives no start lines.
        result[sample] = { startLines: null, matches: false, error: error.message.split('\n')[0] };
      }
    }
    const { crlf, mixed } = result;
    process.stdout.write(`${JSON.stringify({ parser, version, ...crlf, how: HOW[parser], mixed })}\n`);
  }
}

/** The start lines of the data records of `text` (header excluded) as `parser` gives them, or null. */
async function startLinesOf(parser, text) {
  if (parser === 'tool') {
    const { CsvTokenizer } = await import('../dist/read/tokenize-csv.js');
    const tokenizer = new CsvTokenizer(',');
    const rows = [];
    tokenizer.push(text, rows);
    tokenizer.end(rows);
    return rows.slice(1).map((row) => row.line);
  }
  if (parser === 'papaparse') {
    const { default: Papa } = await import('papaparse');
    const starts = [];
    let next = 0;
    Papa.parse(text, {
      step: (results) => {
        starts.push(next);
        next = results.meta.cursor;
      },
    });
    // The empty record papaparse reports after a final line break starts at the very end: not one.
    return starts
      .slice(1)
      .filter((start) => start < text.length)
      .map((start) => 1 + lineBreaks(text, start));
  }
  if (parser === 'csv-parse') {
    // `info`: each record comes with the bytes read when it ended (its line break included, except the
    // file's last), so a record starts where the one before ended; lines counted up to there. Its own
    // `info.lines` is the line a record ends on.
    const { parse } = await import('csv-parse/sync');
    const bytes = Buffer.from(text);
    const ends = parse(bytes, { info: true, relax_column_count: true }).map((r) => r.info.bytes);
    return ends.slice(0, -1).map((start) => 1 + lineBreaks(bytes, start));
  }
  if (parser === 'csv-parser') {
    const { default: csv } = await import('csv-parser');
    const bytes = Buffer.from(text);
    const starts = [];
    const records = Readable.from([bytes]).pipe(csv({ headers: false, outputByteOffset: true }));
    for await (const { byteOffset } of records) starts.push(byteOffset);
    return starts.slice(1).map((start) => 1 + lineBreaks(bytes, start));
  }
  return null;
}

/** Line breaks before `end` in a string or a buffer of text: `\r\n`, `\n` and a lone `\r` one each. */
function lineBreaks(text, end) {
  const at = typeof text === 'string' ? (i) => text.charCodeAt(i) : (i) => text[i];
  let breaks = 0;
  for (let i = 0; i < end; i++) {
    const c = at(i);
    if (c === 10 || (c === 13 && at(i + 1) !== 10)) breaks++;
  }
  return breaks;
}
