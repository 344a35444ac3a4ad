// npm run bench:encoding (after npm run build): runs encoding detection over the corpus in test/encodings
// (manifest.json: each file and the encoding it was written in) and prints, per encoding and for each approach,
// how many files were read right, read wrong but flagged doubtful, and read wrong without a flag (mojibake
// that nobody is told of: the number that must be 0). A guess is right when it decodes the file to the same
// text as the true encoding (Windows-1252 for an ISO-8859-1 file; Windows-1253 for ISO-8859-7 Greek without Ά).
//
// A second table, the holdout, is text the detector was not tuned on: the project's other CSV fixtures that are
// UTF-8 with characters beyond ASCII (written by other people for other tests), each re-encoded in every legacy
// encoding that can write all of it.
//
// Approaches:
//   old     the detection before detect-encoding.ts (bench/old-detect-encoding.js) (kana and hanzi heuristics, then chardet over six encodings);
//           it never flags a guess.
//   chardet chardet.analyse's first answer, flagged when its confidence is under 50.
//   new     detect-encoding.ts's detectEncoding, flagged when its confidence is `doubtful`.
import chardet from 'chardet';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectEncoding as oldDetect } from './old-detect-encoding.js';
import { detectEncoding, SUPPORTED_ENCODINGS } from '../dist/read/detect-encoding.js';
import { encode } from '../test/encodings/encode.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'test/encodings/');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));

function whatwg(label) {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const APPROACHES = {
  old(bytes) {
    try {
      return { encoding: oldDetect(bytes, 'bench.csv', true), flagged: false };
    } catch {
      return { encoding: undefined, flagged: true }; // "not text": at least it says so
    }
  },
  chardet(bytes) {
    const [top] = chardet.analyse(bytes);
    return { encoding: top && whatwg(top.name), flagged: !top || top.confidence < 50 };
  },
  new(bytes) {
    const guess = detectEncoding(bytes, true);
    return { encoding: guess.encoding, flagged: guess.confidence === 'doubtful', guess };
  },
};

function decode(bytes, encoding) {
  // Stream mode, then flushed: Node 20 decodes windows-1252 as ISO-8859-1 in one call (src/read/decode.ts).
  const decoder = new TextDecoder(encoding);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

const rows = new Map();
const misses = [];
const newTimes = [];
for (const entry of manifest) {
  const bytes = readFileSync(join(CORPUS, entry.file));
  const truth = decode(bytes, entry.encoding);
  const group = entry.file.startsWith('files/cases/') ? 'cases (hand-written)' : entry.file.split('/')[1];
  if (!rows.has(group)) rows.set(group, { files: 0 });
  const row = rows.get(group);
  row.files++;
  for (const [name, detect] of Object.entries(APPROACHES)) {
    const started = process.hrtime.bigint();
    const result = detect(bytes);
    if (name === 'new') newTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    const right = result.encoding !== undefined && decode(bytes, result.encoding) === truth;
    const key = right ? 'right' : result.flagged ? 'flagged' : 'silent';
    row[`${name}.${key}`] = (row[`${name}.${key}`] ?? 0) + 1;
    if (name === 'new') {
      if (right && result.flagged) row['new.rightDoubtful'] = (row['new.rightDoubtful'] ?? 0) + 1;
      if (!right && result.guess.runnerUp && decode(bytes, result.guess.runnerUp) === truth) {
        row['new.runnerUpRight'] = (row['new.runnerUpRight'] ?? 0) + 1;
      }
      if (!right || process.argv.includes('--verbose')) {
        misses.push(`${entry.file} (${entry.encoding}): ${JSON.stringify(result.guess)}`);
      }
    }
  }
}

const header = [
  'encoding (as written)',
  'files',
  'old: right / silent wrong',
  'chardet: right / flagged / silent wrong',
  'new: right (of them doubtful) / wrong flagged (runner-up right) / silent wrong',
];
const lines = [
  `| ${header.join(' | ')} |`,
  `|${header.map((h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
];
const totals = { files: 0 };
const n = (row, key) => row[key] ?? 0;
for (const [group, row] of [...rows].sort()) {
  for (const [key, value] of Object.entries(row)) totals[key] = (totals[key] ?? 0) + value;
  lines.push(line(group, row));
}
lines.push(line('**all**', totals));
function line(group, row) {
  return `| ${group} | ${row.files} | ${n(row, 'old.right')} / ${n(row, 'old.silent')} | ${n(row, 'chardet.right')} / ${n(row, 'chardet.flagged')} / ${n(row, 'chardet.silent')} | ${n(row, 'new.right')} (${n(row, 'new.rightDoubtful')}) / ${n(row, 'new.flagged')} (${n(row, 'new.runnerUpRight')}) / ${n(row, 'new.silent')} |`;
}
process.stdout.write(`${lines.join('\n')}\n\n`);
newTimes.sort((a, b) => a - b);
process.stdout.write(
  `new detector: median ${newTimes[newTimes.length >> 1].toFixed(2)} ms, slowest ${newTimes[newTimes.length - 1].toFixed(1)} ms per file\n`,
);
if (misses.length > 0) process.stdout.write(`\nnew detector, files not read right:\n${misses.join('\n')}\n`);

// The holdout: the project's other UTF-8 CSV fixtures, re-encoded.
const LEGACY = SUPPORTED_ENCODINGS.filter((encoding) => !encoding.startsWith('utf-'));
const holdout = new Map();
const holdoutMisses = [];
for (const dir of ['fixtures', 'test/dialects', 'test/layouts', 'test/fixtures', 'test/bad-input']) {
  for (const name of readdirSync(join(ROOT, dir), { recursive: true })) {
    if (!String(name).endsWith('.csv')) continue;
    const file = join(dir, String(name));
    const bytes = readFileSync(join(ROOT, file));
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
    } catch {
      continue;
    }
    if (![...text].some((char) => char.charCodeAt(0) > 0x7f)) continue;
    for (const encoding of LEGACY) {
      let encoded;
      try {
        encoded = encode(text, encoding);
      } catch {
        continue; // the encoding cannot write this text
      }
      if (!holdout.has(encoding)) holdout.set(encoding, { files: 0 });
      const row = holdout.get(encoding);
      row.files++;
      for (const [approach, detect] of Object.entries(APPROACHES)) {
        const result = detect(encoded);
        const right = result.encoding !== undefined && decode(encoded, result.encoding) === text;
        const key = right ? 'right' : result.flagged ? 'flagged' : 'silent';
        row[`${approach}.${key}`] = (row[`${approach}.${key}`] ?? 0) + 1;
        if (approach === 'new') {
          if (right && result.flagged) row['new.rightDoubtful'] = (row['new.rightDoubtful'] ?? 0) + 1;
          if (!right && result.guess.runnerUp && decode(encoded, result.guess.runnerUp) === text) {
            row['new.runnerUpRight'] = (row['new.runnerUpRight'] ?? 0) + 1;
          }
          if (!right) holdoutMisses.push(`${file} as ${encoding}: ${JSON.stringify(result.guess)}`);
        }
      }
    }
  }
}
const holdoutLines = [lines[0].replace('encoding (as written)', 'holdout, re-encoded as'), lines[1]];
const holdoutTotals = { files: 0 };
for (const [group, row] of [...holdout].sort()) {
  for (const [key, value] of Object.entries(row)) holdoutTotals[key] = (holdoutTotals[key] ?? 0) + value;
  holdoutLines.push(line(group, row));
}
holdoutLines.push(line('**all**', holdoutTotals));
process.stdout.write(`\n${holdoutLines.join('\n')}\n`);
if (holdoutMisses.length > 0) {
  process.stdout.write(`\nnew detector, holdout files not read right:\n${holdoutMisses.join('\n')}\n`);
}
