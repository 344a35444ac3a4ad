// The encoders of the corpus: each built from Node's own TextDecoder tables (the reverse of what the tool decodes
// with). Used by generate.mjs, and by bench/encoding-accuracy.js to re-encode the project's other fixtures.

/** What an export writes for a character its encoding lacks. */
const FALLBACK = {
  '€': 'EUR',
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '’': "'",
  '©': '(c)',
  '®': '(R)',
  '°': ' deg ',
  '×': 'x',
  '№': 'No.',
  ґ: 'г',
  Ґ: 'Г',
  '¡': '!',
};

/** char → bytes, from the decoder's table. */
function encoderTable(encoding) {
  const table = new Map();
  const decoder = new TextDecoder(encoding);
  const add = (bytes) => {
    // Stream mode, then flushed: Node 20 decodes windows-1252 as ISO-8859-1 in one call (src/read/decode.ts).
    const text = decoder.decode(Buffer.from(bytes), { stream: true }) + decoder.decode();
    if (text.length === 0 || text.includes('\ufffd') || [...text].length !== 1) return;
    const code = text.codePointAt(0);
    if (code >= 0x80 && code <= 0x9f) return; // C1 controls: no text holds them
    if (!table.has(text)) table.set(text, Buffer.from(bytes));
  };
  for (let b = 0; b < 0x80; b++) table.set(String.fromCharCode(b), Buffer.from([b]));
  if (['gb18030', 'big5', 'shift_jis', 'euc-kr'].includes(encoding)) {
    if (encoding === 'shift_jis') for (let b = 0xa1; b <= 0xdf; b++) add([b]);
    // Big5: the standard's own range before the Hong Kong additions.
    const leads = [];
    for (let lead = 0xa1; lead <= 0xfe; lead++) leads.push(lead);
    for (let lead = 0x81; lead < 0xa1; lead++) leads.push(lead);
    for (const lead of leads) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  } else {
    for (let b = 0x80; b <= 0xff; b++) add([b]);
  }
  return table;
}

const tables = new Map();
export function encode(text, written) {
  if (written === 'utf-8') return Buffer.from(text, 'utf8');
  if (written === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (written === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  // ISO-8859-1 is the Windows-1252 table without 0x80-0x9F (which TextDecoder reads as Windows-1252).
  const name = written === 'iso-8859-1' ? 'windows-1252' : written;
  if (!tables.has(written)) {
    const table = encoderTable(name);
    if (written === 'iso-8859-1')
      for (const [char, bytes] of table) if (bytes[0] >= 0x80 && bytes[0] <= 0x9f) table.delete(char);
    tables.set(written, table);
  }
  const table = tables.get(written);
  const parts = [];
  for (const char of text) {
    const bytes = table.get(char);
    if (bytes === undefined) throw new Error(`${written} cannot write ${JSON.stringify(char)} in ${text}`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/** The text with each character the encoding lacks replaced by its fallback. */
export function writable(text, written) {
  return [...text]
    .map((char) => {
      try {
        encode(char, written);
        return char;
      } catch {
        return FALLBACK[char] ?? char;
      }
    })
    .join('');
}
