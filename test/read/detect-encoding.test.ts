import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_ENCODINGS,
  checkEncoding,
  detectEncoding,
  isMostlyBinary,
  type EncodingGuess,
} from '../../src/read/detect-encoding.js';
import { audit } from '../../src/run/audit.js';

const CORPUS = fileURLToPath(new URL('../encodings', import.meta.url));
interface Entry {
  file: string;
  encoding: string;
  written: string;
  lang: string;
  rows: number;
}
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Entry[];
const bytesOf = (entry: Entry): Buffer => readFileSync(join(CORPUS, entry.file));
/** Each corpus file's guess, computed once. */
const guesses = new Map(manifest.map((entry) => [entry, detectEncoding(bytesOf(entry), true)]));
const readsAs = (bytes: Buffer, encoding: string, truth: string): boolean =>
  new TextDecoder(encoding).decode(bytes) === new TextDecoder(truth).decode(bytes);

describe('the encoding corpus', () => {
  it('has files in every encoding sellers use', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(150);
    const written = new Set(manifest.map((e) => e.written));
    for (const encoding of ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'iso-8859-1', 'utf-16le', 'utf-16be']) {
      expect(written).toContain(encoding);
    }
    for (const encoding of SUPPORTED_ENCODINGS) expect(written).toContain(encoding);
  });

  // Right (the guess decodes the file to the true text), or flagged doubtful: never silent mojibake.
  it.each(manifest.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const bytes = bytesOf(entry);
    const guess = guesses.get(entry) as EncodingGuess;
    expect(() => new TextDecoder(guess.encoding)).not.toThrow();
    if (!readsAs(bytes, guess.encoding, entry.encoding)) {
      expect(guess).toMatchObject({ confidence: 'doubtful' });
      expect(guess.runnerUp).toBeDefined();
    }
    // A typical export (30 rows or more) is not doubtful: the flag means something.
    if (entry.rows >= 30) expect(guess.confidence).not.toBe('doubtful');
    expect(guess.why).toMatch(/^[^\n]{5,160}$/);
  });

  it('reads at least 97% of the files right, and flags only short files', () => {
    let right = 0;
    let doubtful = 0;
    for (const entry of manifest) {
      const bytes = bytesOf(entry);
      const guess = guesses.get(entry) as EncodingGuess;
      if (readsAs(bytes, guess.encoding, entry.encoding)) right++;
      if (guess.confidence === 'doubtful') doubtful++;
    }
    expect(right / manifest.length).toBeGreaterThanOrEqual(0.97);
    expect(doubtful / manifest.length).toBeLessThan(0.25);
  });
});

describe('the cases seen in the field', () => {
  it('a Latin-1 file with © is Windows-1252, not Shift_JIS (©, not ｩ)', () => {
    const bytes = Buffer.from(
      'sku,title,category,weight_kg\nA1,Desk lamp \xa9 Lumina,Lighting,1.2\n',
      'latin1',
    );
    const guess = detectEncoding(bytes, true);
    expect(guess.encoding).toBe('windows-1252');
    expect(new TextDecoder(guess.encoding).decode(bytes)).toContain('lamp © Lumina');
    // One byte is not enough to be sure: the run says so.
    expect(guess.confidence).toBe('doubtful');
    expect(guess.why).toMatch(/only 1 non-ASCII byte/);
  });

  it('a Greek ISO-8859-7 file reads as Greek, not Windows-1252', () => {
    const entry = manifest.find((e) => e.file === 'files/cases/seen-greek-iso-8859-7.csv') as Entry;
    const bytes = bytesOf(entry);
    const guess = detectEncoding(bytes, true);
    expect(new TextDecoder(guess.encoding).decode(bytes)).toContain('Ελαιόλαδο παρθένο');
    expect(guess.encoding).toMatch(/^(iso-8859-7|windows-1253)$/);
    expect(guess.confidence).toBe('likely');
  });

  it('ISO-8859-15 with € is not Windows-1252 (¤)', () => {
    const entry = manifest.find((e) => e.file === 'files/iso-8859-15/fr-500.csv') as Entry;
    expect(detectEncoding(bytesOf(entry), true)).toMatchObject({
      encoding: 'iso-8859-15',
      confidence: 'likely',
    });
  });

  it('a short GBK title that is valid UTF-8 by chance is flagged, with both readings named', () => {
    // 女装 in GBK is C5 AE D7 B0: valid UTF-8 for Ůװ.
    const bytes = Buffer.from('sku,title\nA1,\xc5\xae\xd7\xb0\n', 'latin1');
    const guess = detectEncoding(bytes, true);
    expect(guess).toMatchObject({ encoding: 'gb18030', confidence: 'doubtful', runnerUp: 'utf-8' });
  });
});

describe('Windows-1252 beyond ISO-8859-1', () => {
  it('reads – € “ ” ™ (bytes 0x80-0x9F) as themselves, not as C1 controls', async () => {
    // Node 20 decodes windows-1252 as ISO-8859-1 when a buffer is decoded in one call (src/read/decode.ts).
    const bytes = Buffer.concat([
      Buffer.from('sku,title,weight_kg\nA1,Lampe '),
      Buffer.from([0x96, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94, 0x20, 0x99]),
      Buffer.from(' extra flach fran\xe7aise gr\xf6\xdfer \xe9t\xe9 \xe0 la mode na\xefve,0.5\n', 'latin1'),
    ]);
    expect(detectEncoding(bytes, true).encoding).toBe('windows-1252');
    const titles: (string | null)[] = [];
    const result = await audit(Readable.from([bytes]), {
      asOf: '2026-11-23',
      onSku: (sku) => titles.push(sku.title),
    });
    expect(result.meta.input.encoding).toBe('windows-1252');
    expect(titles).toEqual(['Lampe – € “x” ™ extra flach française größer été à la mode naïve']);
  });
});

describe('certain guesses', () => {
  it.each([
    ['a UTF-8 byte-order mark', Buffer.from('\ufeffsku,标题\n', 'utf8'), 'utf-8', 'byte-order mark'],
    [
      'a UTF-16LE byte-order mark',
      Buffer.from('\ufeffsku,title\n', 'utf16le'),
      'utf-16le',
      'byte-order mark',
    ],
    ['ASCII only', Buffer.from('sku,title\nA1,Lamp\n'), 'utf-8', 'ASCII only'],
    ['valid UTF-8', Buffer.from('sku,title\nA1,Größe Lampe\n'), 'utf-8', 'valid UTF-8'],
    [
      'short UTF-8 mixing Latin and Chinese',
      Buffer.from('sku,title\nA1,Café 咖啡\n'),
      'utf-8',
      'valid UTF-8',
    ],
  ])('%s', (_what, bytes, encoding, why) => {
    expect(detectEncoding(bytes, true)).toEqual({ encoding, confidence: 'certain', why });
  });

  it('a sample cut mid-character is still UTF-8 when it is not the whole file', () => {
    const bytes = Buffer.from('sku,title\nA1,连衣裙\n', 'utf8');
    const cut = bytes.subarray(0, bytes.length - 3);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
  });

  it('checkEncoding takes any WHATWG label and names the supported ones otherwise', () => {
    expect(checkEncoding('latin1')).toBe('windows-1252');
    expect(checkEncoding('sjis')).toBe('shift_jis');
    expect(checkEncoding('ISO-8859-7')).toBe('iso-8859-7');
    expect(() => checkEncoding('klingon')).toThrow(/unknown encoding; use one of utf-8, .*big5.*iso-8859-15/);
  });
});

describe('mostly binary', () => {
  const csv =
    'sku,title,category,weight_kg\nA1,Lamp,Lighting,1.2\nA2,Desk,Furniture,12\nA3,Chair,Furniture,7\n';

  it.each([
    ['a NUL', '\x00'],
    ['a vertical tab', '\x0b'],
    ['a form feed', '\x0c'],
    ['three NULs', '\x00\x00\x00'],
  ])('a file with %s in a cell is text', (_what, odd) => {
    const bytes = Buffer.from(csv.replace('Desk', `De${odd}sk`), 'latin1');
    expect(isMostlyBinary(bytes)).toBeNull();
    expect(detectEncoding(bytes, true)).toMatchObject({ encoding: 'utf-8', confidence: 'certain' });
  });

  it('a FileMaker export with a vertical tab for each line break in its cells is text', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `A${i},"Lamp\x0bbrass\x0b40 cm",Lighting,1.2`);
    expect(isMostlyBinary(Buffer.from(`sku,title,category,weight_kg\n${rows.join('\n')}\n`))).toBeNull();
  });

  it('UTF-16 text, with or without its mark, is text', () => {
    expect(isMostlyBinary(Buffer.from(`\ufeff${csv}`, 'utf16le'))).toBeNull();
    expect(isMostlyBinary(Buffer.from(csv, 'utf16le').swap16())).toBeNull();
  });

  it('PNG bytes are binary', () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e3f5a30000000049454e44ae426082',
      'hex',
    );
    expect(isMostlyBinary(png)).toEqual({ line: 1, byte: 0, value: 0x89 });
  });

  it('random bytes are binary, and where is said', () => {
    let seed = 42;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const where = isMostlyBinary(bytes);
    expect(where).not.toBeNull();
    expect(where?.value).toBe(bytes[where?.byte ?? -1]);
    expect(where?.value).toBeLessThan(0x20);
  });

  it('a text padded with NULs is binary, with the line of the first', () => {
    const bytes = Buffer.concat([Buffer.from('sku,title\nA1,Lamp\n'), Buffer.alloc(200)]);
    expect(isMostlyBinary(bytes)).toEqual({ line: 3, byte: 18, value: 0 });
  });
});
