// The encoding detection the tool had before `src/read/detect-encoding.ts` (kept here, frozen, so that
// `npm run bench:encoding` can measure the new one against it): a byte-order mark, valid UTF-8, kana →
// Shift-JIS, common hanzi → GB18030, then chardet's guesses among six encodings, else Windows-1252; a
// NUL or control byte anywhere: "not text".
import chardet from 'chardet';

const DETECTED_NAMES = new Map([
  ['UTF-8', 'utf-8'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
  ['GB18030', 'gb18030'],
  ['Shift_JIS', 'shift_jis'],
  ['windows-1252', 'windows-1252'],
  ['ISO-8859-1', 'windows-1252'],
  ['ISO-8859-15', 'windows-1252'],
]);

const KANA = /[\u3041-\u3096\u30a1-\u30fa]{2}/;

export function detectEncoding(sample, _name, complete) {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    // NUL or a C0 control but tab, LF, CR, FF and ESC: refused as "not text".
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) {
      throw new Error(`not text: byte ${i} is 0x${b.toString(16).padStart(2, '0')}`);
    }
  }
  if (decodes(sample, 'utf-8', complete)) return 'utf-8';
  if (decodes(sample, 'shift_jis', complete) && KANA.test(new TextDecoder('shift_jis').decode(sample))) {
    return 'shift_jis';
  }
  if (commonHanzi(sample) >= 4 && decodes(sample, 'gb18030', complete)) return 'gb18030';
  for (const candidate of chardet.analyse(sample)) {
    const encoding = DETECTED_NAMES.get(candidate.name);
    if (encoding !== undefined && encoding !== 'utf-8' && decodes(sample, encoding, complete))
      return encoding;
  }
  return 'windows-1252';
}

function decodes(sample, encoding, complete) {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function commonHanzi(sample) {
  let common = 0;
  for (let i = 0; i < sample.length; i++) {
    const lead = sample[i] ?? 0;
    if (lead < 0x80) continue;
    if (i + 1 === sample.length) break;
    const trail = sample[i + 1] ?? 0;
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) return 0;
    if (lead >= 0xb0 && lead <= 0xd7) common++;
    i++;
  }
  return common;
}
