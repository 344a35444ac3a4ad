#!/usr/bin/env node
// A seeded, deterministic generator of damaged catalog inputs for the fuzz run (`test/fuzz/run.mjs`).
//
// Every case starts from a valid seed file of the repository (the CSVs of test/dialects, test/layouts and
// test/fixtures/sample, the .xlsx workbooks and the .xls one) and applies one to three mutations. Case N
// of seed S depends on nothing but (S, N): `generateCase(S, N)` gives the same bytes on every machine, so
// a failing case is reproduced by its two numbers alone.
//
//   node test/fuzz/generate.mjs --seed 1 --count 20 --dir /tmp/fuzz-cases    writes 20 cases and a manifest
//   node test/fuzz/generate.mjs --seed 1 --case 17 --dir /tmp/one            writes case 17 only
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mulberry32 } from '../../bench/generate.js';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per case from (seed, index) through a string hash (xmur3).

function xmur3(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** A small deterministic random source: mulberry32 with helpers. */
export function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Picks by weight from [[weight, value], …]. */
    weighted: (entries) => {
      const total = entries.reduce((sum, [w]) => sum + w, 0);
      let r = next() * total;
      for (const [w, value] of entries) {
        if ((r -= w) < 0) return value;
      }
      return entries[entries.length - 1][1];
    },
    /** A size, mostly small, sometimes large: log-uniform between min and max. */
    size: (min, max) => Math.floor(Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)))),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The seeds.

const CSV_FOLDERS = ['test/dialects', 'test/layouts', 'test/fixtures/sample'];
const CSV_EXTS = new Set(['.csv', '.tsv', '.txt']);
const XLSX_SEEDS = [
  'test/dialects/catalog.xlsx',
  'test/layouts/date1904.xlsx',
  'test/layouts/no-header-first.xlsx',
  'test/layouts/seller-portal.xlsx',
];
const XLS_SEEDS = ['test/layouts/seller-portal.xls'];

let seedCache;
/** The seed files, read once: { csv: [{path, bytes}], xlsx: […], xls: […] }. */
export function loadSeeds() {
  if (seedCache) return seedCache;
  const read = (path) => ({ path, bytes: readFileSync(join(ROOT, path)) });
  const csv = [];
  for (const folder of CSV_FOLDERS) {
    for (const name of readdirSync(join(ROOT, folder)).sort()) {
      if (CSV_EXTS.has(extname(name).toLowerCase())) csv.push(read(`${folder}/${name}`));
    }
  }
  const xlsx = [];
  for (const path of XLSX_SEEDS) xlsx.push(read(path));
  for (const name of readdirSync(join(ROOT, 'test/layouts')).sort()) {
    const path = `test/layouts/${name}`;
    if (name.endsWith('.xlsx') && !xlsx.some((s) => s.path === path)) xlsx.push(read(path));
  }
  seedCache = { csv, xlsx, xls: XLS_SEEDS.map(read) };
  return seedCache;
}

// ---------------------------------------------------------------------------------------------------------
// Byte helpers.

const splice = (bytes, at, remove, insert) =>
  Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at + remove)]);

function flipBytes(r, bytes, count) {
  const out = Buffer.from(bytes);
  if (out.length === 0) return out;
  for (let i = 0; i < count; i++) {
    const at = r.int(0, out.length - 1);
    out[at] = r.chance(0.5) ? out[at] ^ (1 << r.int(0, 7)) : r.int(0, 255);
  }
  return out;
}

const truncateAt = (r, bytes) => bytes.subarray(0, bytes.length === 0 ? 0 : r.int(0, bytes.length - 1));

/** Line starts (offsets just after \n) of a byte string, with 0. */
function lineStarts(bytes) {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && i + 1 < bytes.length) starts.push(i + 1);
  return starts;
}

function guessDelimiter(text) {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let count = -1;
  for (const d of [',', ';', '\t', '|']) {
    const n = first.split(d).length;
    if (n > count) [best, count] = [d, n];
  }
  return best;
}

const randomText = (r, length, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 -_.') => {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[r.int(0, alphabet.length - 1)];
  return s;
};

// ---------------------------------------------------------------------------------------------------------
// CSV mutations: each takes (r, bytes, ctx) and returns the new bytes.

const CONTROL_BYTES = [
  0x00, 0x01, 0x02, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1a, 0x1b, 0x1c, 0x1e, 0x1f, 0x7f, 0x85,
];
const INVALID_UTF8 = [
  [0xff],
  [0xfe],
  [0xc3],
  [0x80],
  [0xbf, 0xbf],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf0, 0x9f, 0x98],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];

const csvMutations = {
  byteFlip: (r, b) => flipBytes(r, b, r.size(1, 200)),
  truncate: (r, b) => truncateAt(r, b),
  controlBytes: (r, b) => {
    let out = b;
    const n = r.size(1, 100);
    for (let i = 0; i < n; i++) {
      const run = Buffer.alloc(r.chance(0.8) ? 1 : r.int(2, 64), r.pick(CONTROL_BYTES));
      out = splice(out, r.int(0, out.length), 0, run);
    }
    return out;
  },
  unclosedQuote: (r, b, ctx) => {
    const starts = lineStarts(b);
    const line = starts[r.int(0, starts.length - 1)];
    // At a cell start: the line start or just after a delimiter of that line.
    let at = line;
    if (r.chance(0.7)) {
      const d = ctx.delimiter.charCodeAt(0);
      for (let i = line; i < b.length && b[i] !== 0x0a; i++) if (b[i] === d && r.chance(0.3)) at = i + 1;
    }
    return splice(b, at, 0, '"');
  },
  strayQuotes: (r, b) => {
    let out = b;
    const n = r.size(1, 50);
    for (let i = 0; i < n; i++)
      out = splice(out, r.int(0, out.length), 0, r.pick(['"', '""', "'", '"""', '\\"']));
    return out;
  },
  hugeCell: (r, b, ctx) => {
    // Mostly a few hundred KB, sometimes up to 3 MB.
    const length = r.chance(0.1) ? r.int(1_000_000, 3_000_000) : r.size(20_000, 600_000);
    const quoted = r.chance(0.5);
    const body = r.chance(0.5)
      ? 'x'.repeat(length)
      : randomText(r, Math.min(length, 200_000)).repeat(Math.ceil(length / 200_000));
    const cell = quoted
      ? `"${body.replaceAll('"', '""')}${r.chance(0.3) ? '\n' + body.slice(0, 1000) : ''}"`
      : body;
    const starts = lineStarts(b);
    const at = starts[r.int(Math.min(1, starts.length - 1), starts.length - 1)];
    return splice(b, at, 0, `X-${r.int(0, 999)}${ctx.delimiter}${cell}${ctx.delimiter}1\n`);
  },
  longLine: (r, b, ctx) => {
    const cells = r.size(1_000, 100_000);
    const row = Array.from({ length: Math.min(cells, 200) }, () => randomText(r, r.int(0, 8)));
    const line = Array.from({ length: cells }, (_, i) => row[i % row.length]).join(ctx.delimiter);
    const starts = lineStarts(b);
    return splice(b, starts[r.int(0, starts.length - 1)], 0, `${line}\n`);
  },
  manyColumns: (r, b, ctx) => {
    const columns = r.chance(0.7) ? 10_000 : r.size(500, 16_384);
    const header = Array.from({ length: columns }, (_, i) => (i === 0 ? 'sku' : `col${i}`)).join(
      ctx.delimiter,
    );
    const rows = [];
    for (let n = r.int(0, 3); n > 0; n--) {
      rows.push(
        Array.from({ length: columns }, (_, i) => (i === 0 ? `SKU-${n}` : i % 7 === 0 ? '' : `${i}`)).join(
          ctx.delimiter,
        ),
      );
    }
    const text = `${header}\n${rows.join('\n')}\n`;
    return r.chance(0.5) ? Buffer.from(text) : Buffer.concat([Buffer.from(text), b]);
  },
  mixedLineEndings: (r, b) => {
    const text = b.toString('latin1').split(/\r\n|\n|\r/);
    let out = '';
    for (let i = 0; i < text.length; i++)
      out += text[i] + (i < text.length - 1 ? r.pick(['\n', '\r\n', '\r', '\n\r', '\r\r\n', '\u2028']) : '');
    return Buffer.from(out, 'latin1');
  },
  invalidUtf8: (r, b) => {
    let out = b;
    const n = r.size(1, 60);
    for (let i = 0; i < n; i++) out = splice(out, r.int(0, out.length), 0, Buffer.from(r.pick(INVALID_UTF8)));
    return out;
  },
  bomDamage: (r, b) => {
    const boms = {
      utf8: [0xef, 0xbb, 0xbf],
      utf16le: [0xff, 0xfe],
      utf16be: [0xfe, 0xff],
      utf32le: [0xff, 0xfe, 0x00, 0x00],
      partial: [0xef, 0xbb],
      gb18030: [0x84, 0x31, 0x95, 0x33],
    };
    const hasBom = (b[0] === 0xef && b[1] === 0xbb) || b[0] === 0xff || b[0] === 0xfe;
    const kind = r.pick(['prepend', 'double', 'strip', 'middle', 'replace']);
    const bom = Buffer.from(boms[r.pick(Object.keys(boms))]);
    if (kind === 'prepend') return Buffer.concat([bom, b]);
    if (kind === 'double') return Buffer.concat([bom, bom, b]);
    if (kind === 'strip' && hasBom) return b.subarray(b[0] === 0xef ? r.int(1, 3) : r.int(1, 2));
    if (kind === 'middle') return splice(b, r.int(0, b.length), 0, bom);
    return Buffer.concat([bom, b.subarray(hasBom ? (b[0] === 0xef ? 3 : 2) : 0)]);
  },
  encodingSwitch: (r, b, ctx) => {
    const at = r.int(0, b.length);
    if (r.chance(0.5)) {
      // The rest of the file in another encoding Node can write.
      const rest = b.subarray(at).toString('utf8');
      return Buffer.concat([b.subarray(0, at), Buffer.from(rest, r.pick(['utf16le', 'latin1', 'ucs2']))]);
    }
    // A piece of another seed in another encoding (GBK, Shift-JIS, UTF-16, windows-1252…).
    const other = r.pick(ctx.seeds.csv.filter((s) => /gbk|shift|utf16|1252|bom/.test(s.path)));
    const from = r.int(0, Math.max(0, other.bytes.length - 1));
    return splice(
      b,
      at,
      r.chance(0.5) ? r.int(0, b.length - at) : 0,
      other.bytes.subarray(from, from + r.int(10, 2000)),
    );
  },
  empty: (r) =>
    r.pick([
      Buffer.alloc(0),
      Buffer.from('\n'),
      Buffer.from('\r\n\r\n'),
      Buffer.from('   '),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',,,\n,,,\n'),
    ]),
  headerOnly: (r, b) => {
    const starts = lineStarts(b);
    const end = starts.length > 1 ? starts[1] : b.length;
    return b.subarray(0, r.chance(0.5) ? end : Math.max(0, end - 1));
  },
  duplicateHeaders: (r, b, ctx) => {
    const text = b.toString('latin1');
    const eol = text.search(/\r?\n/);
    const header = eol < 0 ? text : text.slice(0, eol);
    const cells = header.split(ctx.delimiter);
    const n = r.int(1, Math.max(1, cells.length));
    for (let i = 0; i < n; i++) {
      const kind = r.int(0, 2);
      if (kind === 0) cells.splice(r.int(0, cells.length), 0, r.pick(cells) ?? 'sku');
      else if (kind === 1) cells[r.int(0, cells.length - 1)] = r.pick(cells) ?? 'sku';
      else
        cells[r.int(0, cells.length - 1)] = r.pick([
          '',
          ' ',
          'sku',
          'SKU',
          'Sku ',
          'product_id',
          'weight',
          '"sku"',
        ]);
    }
    return Buffer.from(cells.join(ctx.delimiter) + (eol < 0 ? '' : text.slice(eol)), 'latin1');
  },
  delimiterSoup: (r, b) => {
    const out = Buffer.from(b);
    const delims = [0x2c, 0x3b, 0x09, 0x7c];
    const p = r.pick([0.05, 0.2, 0.5, 1]);
    for (let i = 0; i < out.length; i++) if (delims.includes(out[i]) && r.chance(p)) out[i] = r.pick(delims);
    return out;
  },
  raggedRows: (r, b, ctx) => {
    const lines = b.toString('latin1').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!r.chance(0.3)) continue;
      const cells = lines[i].split(ctx.delimiter);
      if (r.chance(0.5)) cells.length = r.int(0, cells.length);
      else for (let n = r.int(1, 50); n > 0; n--) cells.push(randomText(r, r.int(0, 5)));
      lines[i] = cells.join(ctx.delimiter);
    }
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  weirdValues: (r, b, ctx) => {
    // Numbers, dates and formulas at their edges, in random cells.
    const values = [
      'NaN',
      '-0',
      '1e309',
      '-1e309',
      '0x1F',
      '9'.repeat(400),
      '1,5',
      '1.2.3',
      '2026-02-30',
      '0000-00-00',
      '9999-99-99',
      '=1+1',
      '=HYPERLINK("x")',
      '+cmd',
      '@SUM(A1)',
      '-',
      '∞',
      '１２３',
      'null',
      'undefined',
      '__proto__',
      'constructor',
      '%s%n',
      '\u202e',
      '\ud83d',
      ' ',
      '1 kg 2 kg',
      '-5',
      '1e-400',
      'Infinity',
    ];
    const lines = b.toString('utf8').split('\n');
    for (let n = r.int(1, 40); n > 0; n--) {
      const i = r.int(0, lines.length - 1);
      const cells = lines[i].split(ctx.delimiter);
      cells[r.int(0, cells.length - 1)] = r.pick(values);
      lines[i] = cells.join(ctx.delimiter);
    }
    return Buffer.from(lines.join('\n'));
  },
};

const CSV_WEIGHTS = [
  [10, 'byteFlip'],
  [8, 'truncate'],
  [7, 'controlBytes'],
  [7, 'unclosedQuote'],
  [6, 'strayQuotes'],
  [3, 'hugeCell'],
  [3, 'longLine'],
  [3, 'manyColumns'],
  [6, 'mixedLineEndings'],
  [7, 'invalidUtf8'],
  [6, 'bomDamage'],
  [6, 'encodingSwitch'],
  [2, 'empty'],
  [3, 'headerOnly'],
  [6, 'duplicateHeaders'],
  [6, 'delimiterSoup'],
  [5, 'raggedRows'],
  [5, 'weirdValues'],
];

// ---------------------------------------------------------------------------------------------------------
// XLSX mutations: each takes (r, zip, ctx) and changes the JSZip in place.

const SHEET_RE = /^xl\/worksheets\/[^/]+\.xml$/;
const sheetsOf = (zip) =>
  Object.keys(zip.files)
    .filter((name) => SHEET_RE.test(name) && !zip.files[name].dir)
    .sort();

async function editText(zip, name, edit) {
  const file = zip.file(name);
  if (!file) return false;
  const text = await file.async('string');
  zip.file(name, edit(text));
  return true;
}

async function editSheet(r, zip, edit) {
  const sheets = sheetsOf(zip);
  if (sheets.length === 0) return;
  const targets = r.chance(0.5) ? sheets : [r.pick(sheets)];
  for (const name of targets) await editText(zip, name, edit);
}

const xlsxMutations = {
  truncateSheetXml: (r, zip) => editSheet(r, zip, (t) => t.slice(0, r.int(0, t.length - 1))),
  dropCellRefs: (r, zip) => {
    const p = r.pick([1, 1, 0.5, 0.1]);
    return editSheet(r, zip, (t) =>
      t.replace(/(<c\b[^>]*?)\s+r="[^"]*"/g, (m, head) => (r.chance(p) ? head : m)),
    );
  },
  dropRowRefs: (r, zip) => {
    const p = r.pick([1, 1, 0.5]);
    return editSheet(r, zip, (t) =>
      t.replace(/(<row\b[^>]*?)\s+r="[^"]*"/g, (m, head) => (r.chance(p) ? head : m)),
    );
  },
  dropAllRefs: (r, zip) =>
    editSheet(r, zip, (t) =>
      t.replace(/(<(?:c|row)\b[^>]*?)\s+r="[^"]*"/g, '$1').replace(/\s+spans="[^"]*"/g, ''),
    ),
  removeSharedStrings: async (r, zip) => {
    zip.remove('xl/sharedStrings.xml');
    if (r.chance(0.3)) {
      await editText(zip, 'xl/_rels/workbook.xml.rels', (t) =>
        t.replace(/<Relationship[^>]*sharedStrings[^>]*\/>/, ''),
      );
    }
  },
  badSharedStringIndex: (r, zip) =>
    editSheet(r, zip, (t) =>
      t.replace(/(<c\b[^>]*t="s"[^>]*>\s*<v>)(\d+)(<\/v>)/g, (m, a, _v, c) =>
        r.chance(0.3)
          ? a + r.pick(['-1', '99999', '4294967296', '1.5', 'abc', '', 'NaN', '1e9', ' 0 ']) + c
          : m,
      ),
    ),
  truncateSharedStrings: (r, zip) =>
    editText(zip, 'xl/sharedStrings.xml', (t) => t.slice(0, r.int(0, t.length))),
  badStyles: async (r, zip) => {
    const kind = r.int(0, 4);
    if (kind === 0) zip.remove('xl/styles.xml');
    else if (kind === 1) await editText(zip, 'xl/styles.xml', (t) => t.slice(0, r.int(0, t.length)));
    else if (kind === 2)
      await editText(zip, 'xl/styles.xml', (t) => t.replace(/<cellXfs[\s\S]*?<\/cellXfs>/, ''));
    else if (kind === 3) {
      await editText(zip, 'xl/styles.xml', (t) =>
        t.replace(
          /formatCode="[^"]*"/g,
          () =>
            `formatCode="${r.pick(['', '[', ';;;', 'yyyy-mm-dd"', '[$-F800]dddd', '0.00E+00;@;@;@;@', 'd/m/yyyy h:mm:ss AM/PM', '[<0]"x";[>0]"y"', '&quot;&amp;'])}"`,
        ),
      );
      await editText(zip, 'xl/styles.xml', (t) =>
        t.replace(/numFmtId="\d+"/g, () => `numFmtId="${r.pick(['14', '22', '164', '999', '-1', 'x'])}"`),
      );
    }
    await editSheet(r, zip, (t) =>
      t.replace(/\ss="\d+"/g, () =>
        r.chance(0.5) ? ` s="${r.pick(['999', '-1', '4294967296', 'x', ''])}"` : ' s="2"',
      ),
    );
  },
  garbageXml: async (r, zip) => {
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    for (let n = r.int(1, 3); n > 0; n--) {
      const name = r.pick(names);
      const file = zip.file(name);
      if (!file) continue;
      let bytes = await file.async('nodebuffer');
      const kind = r.int(0, 3);
      if (kind === 0) bytes = flipBytes(r, bytes, r.size(1, 50));
      else if (kind === 1)
        bytes = splice(
          bytes,
          r.int(0, bytes.length),
          0,
          Buffer.from(Array.from({ length: r.int(1, 200) }, () => r.int(0, 255))),
        );
      else if (kind === 2)
        bytes = splice(
          bytes,
          r.int(0, bytes.length),
          0,
          r.pick([
            '<',
            '</x>',
            '<!--',
            ']]>',
            '&bogus;',
            '&#0;',
            '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
            '\u0000',
            '<c r="A1"><v>',
            '"',
          ]),
        );
      else
        bytes = Buffer.from(
          bytes
            .toString('utf8')
            .replace(/encoding="UTF-8"/, r.pick(['encoding="UTF-16"', 'encoding="bogus"', 'encoding="GBK"'])),
        );
      zip.file(name, bytes);
    }
  },
  hugeRowNumbers: (r, zip) =>
    editSheet(r, zip, (t) => {
      const big = () =>
        r.pick(['1048576', '1048577', '99999999', '4294967297', '0', '-1', '-100', '1e6', 'x', '2147483648']);
      let out = t.replace(/<row\b([^>]*?)\sr="(\d+)"/g, (m, a) =>
        r.chance(0.3) ? `<row${a} r="${big()}"` : m,
      );
      out = out.replace(/<c\b([^>]*?)\sr="([A-Z]+)(\d+)"/g, (m, a, col, row) =>
        r.chance(0.2)
          ? `<c${a} r="${r.pick([col, 'XFD', 'XFE', 'ZZZZ', 'A', ''])}${r.pick([row, big(), ''])}"`
          : m,
      );
      if (r.chance(0.5)) {
        const rowNumber = big();
        out = out.replace(
          '</sheetData>',
          `<row r="${rowNumber}"><c r="A${rowNumber}" t="inlineStr"><is><t>SKU-FAR</t></is></c></row></sheetData>`,
        );
      }
      return out;
    }),
  date1904: (r, zip) =>
    editText(zip, 'xl/workbook.xml', (t) => {
      const value = r.pick(['1', 'true', '0', 'false', 'yes', '']);
      return /<workbookPr\b/.test(t)
        ? t
            .replace(/<workbookPr\b/, `<workbookPr date1904="${value}"`)
            .replace(/(date1904="[^"]*")(\s+date1904="[^"]*")+/, '$1')
        : t.replace('<sheets>', `<workbookPr date1904="${value}"/><sheets>`);
    }),
  missingWorkbookRels: async (r, zip) => {
    if (r.chance(0.6)) zip.remove('xl/_rels/workbook.xml.rels');
    else
      await editText(zip, 'xl/_rels/workbook.xml.rels', (t) =>
        t.replace(/<Relationship[^>]*worksheet[^>]*\/>/, ''),
      );
    if (r.chance(0.2)) zip.remove('_rels/.rels');
  },
  sheetListedMissing: async (r, zip) => {
    const sheets = sheetsOf(zip);
    if (r.chance(0.5) && sheets.length > 0) {
      zip.remove(r.pick(sheets));
      return;
    }
    await editText(zip, 'xl/workbook.xml', (t) =>
      t.replace('<sheets>', `<sheets><sheet name="Ghost" sheetId="90" r:id="rId90"/>`),
    );
    if (r.chance(0.5)) {
      await editText(zip, 'xl/_rels/workbook.xml.rels', (t) =>
        t.replace(
          '</Relationships>',
          '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/ghost.xml"/></Relationships>',
        ),
      );
    }
  },
  emptySheetFirst: async (r, zip) => {
    const body = r.pick([
      '<sheetData/>',
      '<sheetData></sheetData>',
      '<dimension ref="A1"/><sheetData><row r="1"/></sheetData>',
      '<sheetData><row r="1"><c r="A1"/></row></sheetData>',
      '',
    ]);
    zip.file(
      'xl/worksheets/empty0.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`,
    );
    await editText(zip, 'xl/_rels/workbook.xml.rels', (t) =>
      t.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/empty0.xml"/></Relationships>',
      ),
    );
    await editText(zip, '[Content_Types].xml', (t) =>
      t.replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/empty0.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    );
    const count = r.int(1, 3);
    await editText(zip, 'xl/workbook.xml', (t) =>
      t.replace(
        '<sheets>',
        '<sheets>' +
          Array.from(
            { length: count },
            (_, i) => `<sheet name="Empty${i}" sheetId="${99 + i}" r:id="rId99"/>`,
          ).join(''),
      ),
    );
  },
  hiddenSheets: (r, zip) =>
    editText(zip, 'xl/workbook.xml', (t) => {
      const all = r.chance(0.3);
      let first = true;
      return t.replace(/<sheet\b([^>]*?)(\s+state="[^"]*")?(\s*\/>)/g, (m, a, _s, end) => {
        const hide = all || first || r.chance(0.3);
        first = false;
        return hide ? `<sheet${a} state="${r.pick(['hidden', 'veryHidden', 'HIDDEN', 'bogus'])}"${end}` : m;
      });
    }),
  duplicateSheetNames: (r, zip) =>
    editText(zip, 'xl/workbook.xml', (t) =>
      t.replace(
        /\sname="[^"]*"/g,
        () => ` name="${r.pick(['Sheet', 'Sheet', '', 'all', '../x', 'a'.repeat(300)])}"`,
      ),
    ),
  cellTypeDamage: (r, zip) =>
    editSheet(r, zip, (t) =>
      t.replace(/<c\b([^>]*?)(\s+t="[^"]*")?>(\s*<v>)([^<]*)(<\/v>)/g, (m, a, _t, open, v, close) => {
        if (!r.chance(0.3)) return m;
        const type = r.pick(['n', 'd', 'b', 'e', 'str', 'inlineStr', 's', 'bogus']);
        const value = r.pick([
          v,
          'abc',
          '',
          '1e400',
          '-1',
          '2026-13-45T99:99',
          '#DIV/0!',
          '7',
          '  ',
          '1.7976931348623157e309',
        ]);
        return `<c${a} t="${type}">${open}${value}${close}`;
      }),
    ),
  mergeAndDimension: (r, zip) =>
    editSheet(r, zip, (t) => {
      const ref = r.pick(['A1:XFD1048576', 'Z9:A1', 'A0:B0', 'bogus', '', 'A1:A1:A1']);
      let out = t.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);
      out = out.replace(
        '</sheetData>',
        `</sheetData><mergeCells count="1"><mergeCell ref="${r.pick(['A1:C1', 'A2:A99999', ref])}"/></mergeCells>`,
      );
      return out;
    }),
  removeWorkbookXml: async (r, zip) => {
    const which = r.pick(['xl/workbook.xml', '[Content_Types].xml', 'xl/workbook.xml']);
    zip.remove(which);
  },
  manyColumnsXlsx: (r, zip) =>
    editSheet(r, zip, (t) => {
      const n = r.chance(0.5) ? 10_000 : r.size(100, 16_384);
      let cells = '';
      for (let i = 0; i < n; i++)
        cells += `<c t="inlineStr"${r.chance(0.5) ? '' : ` r="${columnName(i)}1"`}><is><t>h${i}</t></is></c>`;
      return t.replace(/<sheetData>/, `<sheetData><row>${cells}</row>`);
    }),
};

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const XLSX_WEIGHTS = [
  [6, 'truncateSheetXml'],
  [8, 'dropCellRefs'],
  [6, 'dropRowRefs'],
  [4, 'dropAllRefs'],
  [5, 'removeSharedStrings'],
  [6, 'badSharedStringIndex'],
  [3, 'truncateSharedStrings'],
  [5, 'badStyles'],
  [6, 'garbageXml'],
  [5, 'hugeRowNumbers'],
  [4, 'date1904'],
  [4, 'missingWorkbookRels'],
  [4, 'sheetListedMissing'],
  [4, 'emptySheetFirst'],
  [4, 'hiddenSheets'],
  [2, 'duplicateSheetNames'],
  [5, 'cellTypeDamage'],
  [3, 'mergeAndDimension'],
  [2, 'removeWorkbookXml'],
  [2, 'manyColumnsXlsx'],
];

// ---------------------------------------------------------------------------------------------------------
// Raw damage to a zip file's bytes.

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

function findSignatures(bytes, signature) {
  const found = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (bytes.readUInt32LE(i) === signature) found.push(i);
  return found;
}

const zipMutations = {
  zipByteFlip: (r, b) => flipBytes(r, b, r.size(1, 40)),
  zipTruncate: (r, b) => truncateAt(r, b),
  zipTruncateCentralDirectory: (r, b) => {
    const cd = findSignatures(b, CDH);
    const start = cd[0] ?? Math.floor(b.length / 2);
    return b.subarray(0, r.int(start, b.length - 1));
  },
  zipWrongSizes: (r, b) => {
    const out = Buffer.from(b);
    // Local header: compressed size at +18, uncompressed at +22; central header: +20 and +24.
    const fields = [
      ...findSignatures(out, LFH).flatMap((at) => [at + 18, at + 22]),
      ...findSignatures(out, CDH).flatMap((at) => [at + 20, at + 24, at + 42]),
    ].filter((at) => at + 4 <= out.length);
    for (let n = r.int(1, 4); n > 0 && fields.length > 0; n--) {
      const at = r.pick(fields);
      const old = out.readUInt32LE(at);
      out.writeUInt32LE(
        r.pick([
          0,
          1,
          0xffffffff,
          old + r.int(1, 1000),
          Math.max(0, old - r.int(1, 1000)),
          r.int(0, 2 ** 31),
        ]) >>> 0,
        at,
      );
    }
    return out;
  },
  zipBadEndRecord: (r, b) => {
    const out = Buffer.from(b);
    const at = findSignatures(out, EOCD).pop();
    if (at === undefined || at + 22 > out.length) return flipBytes(r, out, 4);
    // Entries on disk (+8), total (+10), CD size (+12), CD offset (+16), comment length (+20).
    const field = r.pick([8, 10, 12, 16, 20]);
    if (field <= 10 || field === 20)
      out.writeUInt16LE(r.pick([0, 1, 0xffff, out.readUInt16LE(at + field) + 1]), at + field);
    else
      out.writeUInt32LE(
        r.pick([0, 0xffffffff, out.readUInt32LE(at + field) + r.int(1, 100), r.int(0, out.length)]) >>> 0,
        at + field,
      );
    return out;
  },
  zipGarbagePrefix: (r, b) =>
    Buffer.concat([Buffer.from(Array.from({ length: r.int(1, 100) }, () => r.int(0, 255))), b]),
};

const ZIP_WEIGHTS = [
  [5, 'zipByteFlip'],
  [4, 'zipTruncate'],
  [3, 'zipTruncateCentralDirectory'],
  [4, 'zipWrongSizes'],
  [3, 'zipBadEndRecord'],
  [1, 'zipGarbagePrefix'],
];

// ---------------------------------------------------------------------------------------------------------
// XLS (OLE2 compound file) damage.

const xlsMutations = {
  xlsByteFlip: (r, b) => flipBytes(r, b, r.size(1, 300)),
  xlsTruncate: (r, b) => truncateAt(r, b),
  xlsZeroSector: (r, b) => {
    const out = Buffer.from(b);
    const sectors = Math.floor(out.length / 512);
    for (let n = r.int(1, 3); n > 0; n--) {
      const at = 512 * r.int(0, Math.max(0, sectors - 1));
      out.fill(r.pick([0, 0xff]), at, Math.min(out.length, at + 512));
    }
    return out;
  },
  xlsHeaderDamage: (r, b) => {
    const out = Buffer.from(b);
    // Sector shift (+30), FAT sector count (+44), first directory sector (+48), first DIFAT entries (+76…).
    const at = r.pick([30, 32, 44, 48, 60, 64, 68, 72, 76, 80]);
    if (at + 4 <= out.length)
      out.writeUInt32LE(r.pick([0, 0xfffffffe, 0xffffffff, r.int(0, 10_000), 1 << 20]) >>> 0, at);
    return out;
  },
};

const XLS_WEIGHTS = [
  [5, 'xlsByteFlip'],
  [4, 'xlsTruncate'],
  [2, 'xlsZeroSector'],
  [2, 'xlsHeaderDamage'],
];

// ---------------------------------------------------------------------------------------------------------
// The cases.

function pickMutations(r, weights, max = 3) {
  const n = r.weighted([
    [6, 1],
    [3, 2],
    [1, max],
  ]);
  return Array.from({ length: n }, () => r.weighted(weights));
}

/** Sometimes a file named with the wrong extension (a CSV named .xlsx, a workbook named .csv…). */
function fileName(r, index, natural) {
  const ext = r.chance(0.05)
    ? r.pick(['.csv', '.tsv', '.txt', '.xlsx', '.xls', '', '.CSV', '.XLSX'])
    : natural;
  return `case-${String(index).padStart(5, '0')}${ext}`;
}

/**
 * Case `index` of `seed`: { index, seed, kind: 'csv'|'xlsx'|'xls', base (the seed file), mutations (names),
 * name (a file name with its extension), bytes (a Buffer) }.
 */
export async function generateCase(seed, index) {
  const r = makeRandom(xmur3(`channel-audit-fuzz:${seed}:${index}`));
  const seeds = loadSeeds();
  const kind = r.weighted([
    [55, 'csv'],
    [37, 'xlsx'],
    [8, 'xls'],
  ]);
  const mutations = [];
  let bytes;
  let base;
  let natural;

  if (kind === 'csv') {
    const s = r.pick(seeds.csv);
    base = s.path;
    natural = extname(s.path) || '.csv';
    bytes = s.bytes;
    const ctx = { delimiter: guessDelimiter(bytes.toString('latin1')), seeds };
    for (const name of pickMutations(r, CSV_WEIGHTS)) {
      bytes = csvMutations[name](r, bytes, ctx);
      mutations.push(name);
    }
  } else if (kind === 'xlsx') {
    const s = r.pick(seeds.xlsx);
    base = s.path;
    natural = '.xlsx';
    bytes = s.bytes;
    if (r.chance(0.8)) {
      const zip = await JSZip.loadAsync(s.bytes);
      for (const name of pickMutations(r, XLSX_WEIGHTS)) {
        await xlsxMutations[name](r, zip, { seeds });
        mutations.push(name);
      }
      const compression = r.chance(0.3) ? 'STORE' : 'DEFLATE';
      const level = r.int(1, 9);
      bytes = await zip.generateAsync({
        type: 'nodebuffer',
        compression,
        compressionOptions: { level },
        platform: r.pick(['DOS', 'UNIX']),
        streamFiles: r.chance(0.3),
        comment: r.chance(0.1) ? randomText(r, r.int(1, 200)) : undefined,
      });
      mutations.push(`zip:${compression === 'STORE' ? 'store' : `deflate${level}`}`);
    }
    if (mutations.length === 0 || r.chance(0.25)) {
      const name = r.weighted(ZIP_WEIGHTS);
      bytes = zipMutations[name](r, bytes);
      mutations.push(name);
    }
  } else {
    const s = r.pick(seeds.xls);
    base = s.path;
    natural = '.xls';
    bytes = s.bytes;
    for (const name of pickMutations(r, XLS_WEIGHTS, 2)) {
      bytes = xlsMutations[name](r, bytes);
      mutations.push(name);
    }
  }
  return { seed, index, kind, base, mutations, name: fileName(r, index, natural), bytes };
}

/** The mutation names of a case without the re-zip settings (for tallies). */
export const mutationKinds = (testCase) => [
  ...new Set(testCase.mutations.filter((m) => !m.startsWith('zip:'))),
];

// ---------------------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv) {
  const args = { seed: 1, count: 10, start: 0, dir: undefined, case: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--seed') args.seed = Number(value);
    else if (flag === '--count') args.count = Number(value);
    else if (flag === '--start') args.start = Number(value);
    else if (flag === '--case') args.case = Number(value);
    else if (flag === '--dir') args.dir = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!args.dir) throw new Error('--dir DIR is required');
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `generate.mjs: ${error.message}\nusage: node test/fuzz/generate.mjs --dir DIR [--seed N] [--count N] [--start N] [--case N]\n`,
    );
    process.exit(2);
  }
  mkdirSync(args.dir, { recursive: true });
  const indexes =
    args.case !== undefined ? [args.case] : Array.from({ length: args.count }, (_, i) => args.start + i);
  const manifest = [];
  for (const index of indexes) {
    const c = await generateCase(args.seed, index);
    writeFileSync(join(args.dir, c.name), c.bytes);
    manifest.push({
      file: c.name,
      index,
      seed: c.seed,
      kind: c.kind,
      base: basename(c.base),
      mutations: c.mutations,
      bytes: c.bytes.length,
    });
  }
  writeFileSync(join(args.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${manifest.length} case(s) written to ${args.dir}\n`);
}
