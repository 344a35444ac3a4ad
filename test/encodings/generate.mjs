// node test/encodings/generate.mjs: writes the encoding corpus (test/encodings/<written>/<lang>-<rows>.csv and
// manifest.json) from the UTF-8 seller text in source.json. Deterministic: the same source gives the same bytes.
// Each encoder is built from Node's own TextDecoder tables (the reverse of what the tool decodes with), so every
// file decodes back to exactly its text with the encoding named in the manifest. A character the encoding lacks
// (€ in ISO-8859-2, ґ in ISO-8859-5) is written as a seller's export would write it (EUR, г); any other is an error.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mulberry32 } from '../../bench/generate.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode, writable } from './encode.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = JSON.parse(readFileSync(join(HERE, 'source.json'), 'utf8'));

const random = mulberry32;

function cell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A catalog: a header and `rows` product rows in the language, as text. */
function catalog(lang, rows, seed, { localHeader, crlf }) {
  const s = SOURCE[lang];
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const lines = [localHeader ? s.header : 'sku,title,category,weight_kg'];
  for (let i = 1; i <= rows; i++) {
    const words = [pick(s.adjectives), pick(s.products), pick(s.materials), pick(s.colors)];
    if (next() < 0.5) words.push(pick(s.extras));
    const sku = `${lang.slice(0, 2).toUpperCase()}-${String(seed % 1000).padStart(3, '0')}-${String(i).padStart(4, '0')}`;
    const weight = (0.05 + next() * 4).toFixed(2);
    lines.push([sku, words.join(s.space), pick(s.categories), weight].map(cell).join(','));
  }
  const eol = crlf ? '\r\n' : '\n';
  return lines.join(eol) + eol;
}

// [written as, truth (the WHATWG name TextDecoder decodes it with), languages, row counts, BOM]
const CJK_SIZES = [1, 2, 3, 5, 10, 30, 100, 500];
const SBCS_SIZES = [1, 2, 3, 10, 30, 500];
const LATIN_SIZES = [1, 3, 30, 500];
const PLAN = [
  ['gb18030', 'gb18030', ['zh-Hans'], CJK_SIZES],
  ['big5', 'big5', ['zh-Hant'], CJK_SIZES],
  ['shift_jis', 'shift_jis', ['ja'], CJK_SIZES],
  ['euc-kr', 'euc-kr', ['ko'], CJK_SIZES],
  ['windows-1250', 'windows-1250', ['pl', 'cs'], SBCS_SIZES],
  ['iso-8859-2', 'iso-8859-2', ['pl', 'cs'], SBCS_SIZES],
  ['windows-1251', 'windows-1251', ['ru', 'uk'], SBCS_SIZES],
  ['iso-8859-5', 'iso-8859-5', ['ru', 'uk'], SBCS_SIZES],
  ['windows-1252', 'windows-1252', ['fr', 'de', 'es', 'pt'], LATIN_SIZES],
  ['iso-8859-1', 'windows-1252', ['fr', 'de', 'es', 'pt'], LATIN_SIZES],
  ['iso-8859-15', 'iso-8859-15', ['fr', 'de', 'es', 'pt'], LATIN_SIZES],
  ['windows-1253', 'windows-1253', ['el'], SBCS_SIZES],
  ['iso-8859-7', 'iso-8859-7', ['el'], SBCS_SIZES],
  ['utf-16le', 'utf-16le', ['zh-Hans', 'ru', 'fr', 'ja'], [3, 30], 'bom'],
  ['utf-16be', 'utf-16be', ['zh-Hans', 'ru', 'fr', 'ja'], [3, 30], 'bom'],
  ['utf-16le', 'utf-16le', ['zh-Hant', 'uk', 'de', 'ko'], [3, 30]],
  ['utf-16be', 'utf-16be', ['zh-Hant', 'uk', 'de', 'ko'], [3, 30]],
  ['utf-8', 'utf-8', ['zh-Hans', 'ko', 'el', 'de'], [1, 30]],
  ['utf-8', 'utf-8', ['ja', 'pl'], [3], 'bom'],
  ['utf-8', 'utf-8', ['en'], [1, 30, 500]],
];

const BOMS = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

/** Files written by hand: the cases seen in the field, and small files that sit between encodings. */
const CASES = [
  // Seen: detected as Shift-JIS (the © read as the half-width ｩ).
  [
    'seen-latin1-copyright',
    'iso-8859-1',
    'windows-1252',
    'sku,title,category,weight_kg\nA1,Desk lamp © Lumina,Lighting,1.2\n',
  ],
  // Seen: read as Windows-1252.
  [
    'seen-greek-iso-8859-7',
    'iso-8859-7',
    'iso-8859-7',
    'sku,title,category,weight_kg\nGR-1,Ελαιόλαδο παρθένο 500ml,Τρόφιμα,0.6\nGR-2,Μέλι θυμαρίσιο 450g,Τρόφιμα,0.5\n',
  ],
  [
    'one-accent-cafe',
    'iso-8859-1',
    'windows-1252',
    'sku,title,category,weight_kg\nA1,Café table,Furniture,12\n',
  ],
  [
    'registered-degree',
    'windows-1252',
    'windows-1252',
    'sku,title,category,weight_kg\nA1,Kettle® 100°C 20×15 cm,Kitchen,1.1\n',
  ],
  [
    'euro-iso-8859-15',
    'iso-8859-15',
    'iso-8859-15',
    'sku,title,category,weight_kg\nA1,Prix 19,90 €,Cuisine,1\n',
  ],
  ['one-hanzi-title', 'gb18030', 'gb18030', 'sku,title,category,weight_kg\nA1,女装,Dress,0.5\n'],
  ['one-kana-title', 'shift_jis', 'shift_jis', 'sku,title,category,weight_kg\nA1,セーター,Knit,0.5\n'],
  ['polish-one-word', 'windows-1250', 'windows-1250', 'sku,title,category,weight_kg\nA1,Łóżko,Meble,40\n'],
  [
    'russian-one-word',
    'windows-1251',
    'windows-1251',
    'sku,title,category,weight_kg\nA1,Платье,Одежда,0.3\n',
  ],
];

rmSync(join(HERE, 'files'), { recursive: true, force: true });
const manifest = [];
let seed = 1;
for (const [written, truth, langs, sizes, bom] of PLAN) {
  const dir = `${written}${bom === 'bom' ? '-bom' : written.startsWith('utf-16') ? '-nobom' : ''}`;
  mkdirSync(join(HERE, 'files', dir), { recursive: true });
  for (const lang of langs) {
    for (const [n, rows] of sizes.entries()) {
      seed++;
      const text = writable(
        catalog(lang, rows, seed, { localHeader: n % 2 === 0, crlf: seed % 3 === 0 }),
        written,
      );
      let bytes = encode(text, written);
      if (bom === 'bom') bytes = Buffer.concat([Buffer.from(BOMS[written]), bytes]);
      const file = `files/${dir}/${lang}-${rows}.csv`;
      checkRoundTrip(file, truth, bytes, text);
      writeFileSync(join(HERE, file), bytes);
      manifest.push({ file, encoding: truth, written, lang, rows, bom: bom === 'bom' });
    }
  }
}
mkdirSync(join(HERE, 'files', 'cases'), { recursive: true });
for (const [name, written, truth, text] of CASES) {
  const bytes = encode(text, written);
  const file = `files/cases/${name}.csv`;
  checkRoundTrip(file, truth, bytes, text);
  writeFileSync(join(HERE, file), bytes);
  manifest.push({
    file,
    encoding: truth,
    written,
    lang: name,
    rows: text.split('\n').length - 2,
    bom: false,
  });
}
writeFileSync(join(HERE, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
process.stdout.write(`${manifest.length} files\n`);

/** Stream mode, then flushed: Node 20 decodes windows-1252 as ISO-8859-1 in one call (src/read/decode.ts). */
function decodeWhole(encoding, bytes) {
  const decoder = new TextDecoder(encoding);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** Every file must decode back to its source text in its true encoding, or the corpus would lie. */
function checkRoundTrip(file, truth, bytes, text) {
  if (decodeWhole(truth, bytes) === text) return;
  const back = [...decodeWhole(truth, bytes)];
  const chars = [...text];
  const at = back.findIndex((c, i) => c !== chars[i]);
  throw new Error(
    `${file} does not decode back at ${JSON.stringify(back.slice(at - 5, at + 5).join(''))} vs ${JSON.stringify(chars.slice(at - 5, at + 5).join(''))}`,
  );
}
