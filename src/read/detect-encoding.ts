import { InputError } from '../core/errors.js';
import { decodeSample, decodeWhole } from './decode.js';

/**
 * The encodings a catalog may be in, and that detection tells apart (WHATWG names, decoded by the built-in
 * TextDecoder). `--encoding` takes these and any other label TextDecoder knows (latin1, gbk, sjis, koi8-r…).
 */
export const SUPPORTED_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'shift_jis',
  'euc-kr',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-7',
  'iso-8859-15',
] as const;

/** Checks an `--encoding` value: any label the WHATWG Encoding Standard knows (gbk, sjis, latin1, …). */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new InputError(
      `--encoding ${label}: unknown encoding; use one of ${SUPPORTED_ENCODINGS.join(', ')}`,
    );
  }
}

export interface EncodingGuess {
  /** WHATWG name, decodable by TextDecoder. */
  encoding: string;
  /**
   * `certain`: a byte-order mark, valid UTF-8, or ASCII only. `likely`: one legacy encoding reads the bytes
   * as text far better than any other. `doubtful`: too few telling bytes, or another encoding reads them
   * almost as well; the run should say so and suggest `--encoding`.
   */
  confidence: 'certain' | 'likely' | 'doubtful';
  /** The next best encoding that reads the bytes differently (doubtful and likely guesses). */
  runnerUp?: string;
  /** One short English sentence: why this encoding. */
  why: string;
}

/** What a human calls each legacy encoding, for the `why`. */
const LABELS: Record<string, string> = {
  gb18030: 'GB18030 (Chinese, simplified)',
  big5: 'Big5 (Chinese, traditional)',
  shift_jis: 'Shift_JIS (Japanese)',
  'euc-kr': 'EUC-KR (Korean)',
  'windows-1250': 'Windows-1250 (Central European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1253': 'Windows-1253 (Greek)',
  'iso-8859-2': 'ISO-8859-2 (Central European)',
  'iso-8859-5': 'ISO-8859-5 (Cyrillic)',
  'iso-8859-7': 'ISO-8859-7 (Greek)',
  'iso-8859-15': 'ISO-8859-15 (Western European)',
};

/**
 * The legacy candidates, in the order that wins when two read the sample into the same text (Windows-1252
 * and ISO-8859-15 agree on a file without €, Š, Ž, Œ; Windows-1253 and ISO-8859-7 on Greek without Ά).
 */
const LEGACY = [
  'windows-1252',
  'gb18030',
  'shift_jis',
  'big5',
  'euc-kr',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'iso-8859-15',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-7',
] as const;
const MULTIBYTE = new Set(['gb18030', 'shift_jis', 'big5', 'euc-kr']);

/** Below this many non-ASCII bytes, a legacy guess is always doubtful: a word or two fits several encodings. */
const MIN_TELLING_BYTES = 8;

/**
 * The encoding of a file from its first bytes (`complete`: the sample is the whole file). A byte-order mark,
 * valid UTF-8 or ASCII only are certain; UTF-16 without a mark is told by its zero bytes. Otherwise each
 * legacy encoding decodes the sample and the text is scored as a seller's catalog would read: letters of one
 * language's alphabet, words that are not all accents, common Chinese, Japanese or Korean characters, the
 * usual catalog signs (© ® ° × €), against control characters, private-use or rare characters, stray signs
 * and case that flips inside a word. The best score wins; when few bytes tell, or the runner-up (an encoding
 * that reads the bytes differently) scores close, the guess is `doubtful`.
 */
export function detectEncoding(sample: Buffer, complete: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', confidence: 'certain', why: 'byte-order mark' };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) {
    return { encoding: 'utf-16le', confidence: 'certain', why: 'byte-order mark' };
  }
  if (sample[0] === 0xfe && sample[1] === 0xff) {
    return { encoding: 'utf-16be', confidence: 'certain', why: 'byte-order mark' };
  }
  const utf16 = utf16WithoutMark(sample);
  if (utf16 !== undefined && decodes(sample, utf16, complete)) {
    return {
      encoding: utf16,
      confidence: 'likely',
      why: `no byte-order mark, but every other byte is zero: ${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}`,
    };
  }
  let nonAscii = 0;
  for (const byte of sample) if (byte >= 0x80) nonAscii++;
  if (nonAscii === 0) return { encoding: 'utf-8', confidence: 'certain', why: 'ASCII only' };
  const utf8 = decoded(sample, 'utf-8', complete);
  if (utf8 !== undefined) {
    // A few legacy characters can pair up as valid UTF-8 by chance (GBK `女装` is `Ůװ`): a short UTF-8 reading
    // must also read as one script, or hold Chinese, Japanese or Korean (two-byte pairs make characters
    // below U+0800 only; `Café 咖啡` is real UTF-8).
    if (nonAscii > 12 || plausibleScripts(utf8))
      return { encoding: 'utf-8', confidence: 'certain', why: 'valid UTF-8' };
    const legacy = legacyGuess(sample, complete, nonAscii);
    if (legacy.confidence === 'doubtful' && legacy.why.startsWith('no encoding')) {
      return {
        encoding: 'utf-8',
        confidence: 'doubtful',
        runnerUp: legacy.encoding,
        why: 'valid UTF-8, but its few characters mix scripts',
      };
    }
    return {
      encoding: legacy.encoding,
      confidence: 'doubtful',
      runnerUp: 'utf-8',
      why: `only ${nonAscii} non-ASCII bytes, valid UTF-8 by chance (mixed scripts); ${LABELS[legacy.encoding] ?? legacy.encoding} reads them as text`,
    };
  }
  return legacyGuess(sample, complete, nonAscii);
}

/**
 * Whether the characters beyond ASCII (signs and digits aside) are letters of one script, or hold Chinese,
 * Japanese or Korean, which mixes with Latin in real text.
 */
function plausibleScripts(text: string): boolean {
  const scripts = new Set<string>();
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80 || /[\p{S}\p{P}\p{Z}\p{N}]/u.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char));
    scripts.add(script === undefined ? char : script[0]);
  }
  return scripts.size <= 1 || scripts.has('cjk') || scripts.has('hangul');
}
const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u],
  ['hangul', /\p{Script=Hangul}/u],
];

/** The best legacy reading of a sample that is not UTF-8, and how sure it is. */
function legacyGuess(sample: Buffer, complete: boolean, nonAscii: number): EncodingGuess {
  // The scores are taken on the first 32 KiB (a 256 KiB sample would take ten times as long, to say the same);
  // a candidate must still decode the whole sample.
  const scored = sample.length > SCORE_BYTES ? sample.subarray(0, SCORE_BYTES) : sample;
  if (scored !== sample) {
    nonAscii = 0;
    for (const byte of scored) if (byte >= 0x80) nonAscii++;
  }
  const readings: { encoding: string; text: string; score: number }[] = [];
  for (const encoding of LEGACY) {
    if (scored !== sample && !decodes(sample, encoding, complete)) continue;
    const text = decoded(scored, encoding, complete && scored === sample);
    if (text === undefined || readings.some((r) => r.text === text)) continue;
    readings.push({ encoding, text, score: scoreText(text, encoding) });
  }
  readings.sort((a, b) => b.score - a.score);
  const [best, second] = readings;
  if (best === undefined) {
    return {
      encoding: 'windows-1252',
      confidence: 'doubtful',
      why: 'no supported encoding decodes these bytes; Windows-1252 reads every byte',
    };
  }
  const perByte = best.score / nonAscii;
  const lead = second === undefined ? Infinity : best.score - second.score;
  // Sister encodings (Windows-1252 and ISO-8859-15, Windows-1253 and ISO-8859-7) differ in a few bytes: the
  // lead is measured against the characters where the two readings differ.
  const differing = second === undefined ? nonAscii : differences(best.text, second.text, nonAscii);
  const guess = { encoding: best.encoding, ...(second ? { runnerUp: second.encoding } : {}) };
  const name = LABELS[best.encoding] ?? best.encoding;
  const other = second === undefined ? '' : (LABELS[second.encoding] ?? second.encoding);
  if (perByte <= 0) {
    return {
      ...guess,
      confidence: 'doubtful',
      why: `no encoding reads the ${nonAscii} non-ASCII bytes as text; ${name} reads them least badly`,
    };
  }
  if (nonAscii < MIN_TELLING_BYTES) {
    return {
      ...guess,
      confidence: 'doubtful',
      why: `only ${nonAscii} non-ASCII ${nonAscii === 1 ? 'byte' : 'bytes'}${other ? `; ${other} also fits` : ''}`,
    };
  }
  if (lead < Math.max(Math.min(LEAD_MIN, differing), LEAD_SHARE * differing)) {
    return {
      ...guess,
      confidence: 'doubtful',
      why: `${other} reads the ${nonAscii} non-ASCII bytes almost as well`,
    };
  }
  if (perByte < LIKELY_PER_BYTE) {
    return {
      ...guess,
      confidence: 'doubtful',
      why: `${name} reads the non-ASCII bytes as text only in part`,
    };
  }
  return {
    ...guess,
    confidence: 'likely',
    why: `${name} reads the ${nonAscii} non-ASCII bytes as text${other ? `; ${other} reads them far worse` : ''}`,
  };
}

/** How much of a sample the legacy readings are scored on. */
const SCORE_BYTES = 32 * 1024;

/** A guess is doubtful when the best reading is ahead by less than this many points… */
const LEAD_MIN = 4;
/** …or less than this share of the non-ASCII bytes (a point is about one byte read right). */
const LEAD_SHARE = 0.15;
/** A reading must score at least this per non-ASCII byte to be likely. */
const LIKELY_PER_BYTE = 0.3;

/** How many characters two readings of one length differ in; `otherwise` for readings of different lengths. */
function differences(a: string, b: string, otherwise: number): number {
  if (a.length !== b.length) return otherwise;
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) count++;
  return count;
}

/** `utf-16le` / `utf-16be` when a third or more of the bytes on one side are zero and almost none on the other. */
function utf16WithoutMark(sample: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(sample.length, 8192) & ~1;
  if (length < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = length / 2;
  if (odd >= 0.3 * pairs && even <= 0.05 * pairs) return 'utf-16le';
  if (even >= 0.3 * pairs && odd <= 0.05 * pairs) return 'utf-16be';
  return undefined;
}

function decodes(sample: Buffer, encoding: string, complete: boolean): boolean {
  return decoded(sample, encoding, complete) !== undefined;
}

function decoded(sample: Buffer, encoding: string, complete: boolean): string | undefined {
  try {
    // A sample cut mid-character is fine: stream mode keeps the partial character back.
    return decodeSample(new TextDecoder(encoding, { fatal: true }), sample, complete);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Scoring a reading. About one point per non-ASCII byte read as plausible text, less for what text rarely
// holds, negative for what mojibake holds.

/** Signs a catalog writes (a point less than a letter: they also turn up in mojibake). */
const CATALOG_SIGNS = new Set('©®°×€–—“”‘’„…•™«»±²³½¼¾µ·№§÷£¥¢¡¿ªº\u00a0');

/** The letters beyond ASCII of the languages that sellers write in each script, lower case. */
const ALPHABETS: Record<'latin' | 'cyrillic' | 'greek', string[]> = {
  latin: [
    'àâæçéèêëîïôœùûüÿ', // French
    'äöüß', // German
    'áéíñóúü', // Spanish
    'áâãàçéêíóôõú', // Portuguese
    'àèéìíîòóùú', // Italian
    'áéëïóöüèà', // Dutch
    'æøåé', // Danish, Norwegian
    'åäöé', // Swedish, Finnish
    'àçèéíïòóúü', // Catalan
    'ąćęłńóśźż', // Polish
    'áčďéěíňóřšťúůýž', // Czech
    'áäčďéíĺľňóôŕšťúýž', // Slovak
    'áéíóöőúüű', // Hungarian
    'ăâîșțşţ', // Romanian
    'čćđšž', // Croatian, Slovene, Bosnian
  ],
  cyrillic: [
    'абвгдеёжзийклмнопрстуфхцчшщъыьэюя', // Russian
    'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя', // Ukrainian
    'абвгдеёжзійклмнопрстуўфхцчшыьэюя', // Belarusian
    'абвгдежзийклмнопрстуфхцчшщъьюя', // Bulgarian
    'абвгдђежзијклљмнњопрстћуфхцчџш', // Serbian
    'абвгдѓежзѕијклљмнњопрстќуфхцчџш', // Macedonian
  ],
  greek: ['αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ'],
};
const ALPHABET_SETS = {
  latin: ALPHABETS.latin.map((a) => new Set(a)),
  cyrillic: ALPHABETS.cyrillic.map((a) => new Set(a)),
  greek: ALPHABETS.greek.map((a) => new Set(a)),
};

type Script = 'latin' | 'cyrillic' | 'greek';

function scriptOf(code: number): Script | undefined {
  if (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x1e00 && code <= 0x1eff)
  ) {
    return 'latin';
  }
  if (code >= 0x400 && code <= 0x4ff) return 'cyrillic';
  if (code >= 0x370 && code <= 0x3ff) return 'greek';
  return undefined;
}

/** Lower-case forms of the letters seen so far (toLowerCase on every letter of every reading is slow). */
const LOWER = new Map<number, string>();

function scoreText(text: string, encoding: string): number {
  return MULTIBYTE.has(encoding) ? scoreMultibyte(text, encoding) : scoreSingleByte(text);
}

/**
 * A single-byte reading: letters by the alphabet of the language that holds most of them (a Czech `ř` read
 * as Windows-1252 is a Danish `ø` among French `è`: no one language has both), words of three or more
 * accented letters that are mostly accents (Cyrillic or Greek read as Latin: `Ïëàòüå`), case flipping
 * inside a word (Windows-1251 read as ISO-8859-5), a script change inside a word, control characters.
 */
function scoreSingleByte(text: string): number {
  let score = 0;
  const letters = {
    latin: new Map<string, number>(),
    cyrillic: new Map<string, number>(),
    greek: new Map<string, number>(),
  };
  // The word being read.
  let wordLetters = 0;
  let wordAccents = 0;
  let wordScripts = 0; // bit set of the scripts of its non-ASCII letters
  let previousLower = false;
  let previousAccented = false;
  const endWord = (): void => {
    if (wordAccents >= 3 && wordAccents > 0.75 * wordLetters && wordScripts === 1) score -= 2 * wordAccents;
    // Letters of two scripts in one word (ASCII counts as Latin): `GrцЯe`, `KettleЎ`.
    if (wordAccents > 0 && (wordScripts & (wordScripts - 1)) !== 0) score -= 2 * wordAccents;
    // A word of one accented letter: `Š` for ©, `Є` for €. (French `à` pays for it too, but rarely alone.)
    if (wordAccents === 1 && wordLetters === 1) score -= 1.5;
    wordLetters = 0;
    wordAccents = 0;
    wordScripts = 0;
    previousLower = false;
    previousAccented = false;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
      if (!letter) {
        endWord();
        continue;
      }
      const upper = code <= 0x5a;
      if (upper && previousLower && previousAccented) score -= 2;
      wordLetters++;
      wordScripts |= 1;
      previousLower = !upper;
      previousAccented = false;
      continue;
    }
    const char = text[i] as string;
    const script = scriptOf(code);
    if (script !== undefined) {
      let lower = LOWER.get(code);
      if (lower === undefined) LOWER.set(code, (lower = char.toLowerCase()));
      const upper = lower !== char;
      // An upper-case letter straight after a lower-case one, either of them beyond ASCII.
      if (upper && previousLower) score -= 2;
      wordLetters++;
      wordAccents++;
      wordScripts |= script === 'latin' ? 1 : script === 'cyrillic' ? 2 : 4;
      previousLower = !upper;
      previousAccented = true;
      letters[script].set(lower, (letters[script].get(lower) ?? 0) + 1);
      continue;
    }
    if (code === 0x2019 && wordLetters === 0 && /\p{L}/u.test(text[i + 1] ?? '')) {
      // A closing quote that opens a word: ISO-8859-7 reading Windows-1253's Ά.
      score -= 1.5;
      endWord();
      continue;
    }
    endWord();
    if (code <= 0x9f)
      score -= 5; // C1 control: an ISO-8859 reading of a Windows byte
    else if (CATALOG_SIGNS.has(char)) score += 0.3;
    else score -= 1.5;
  }
  endWord();
  const latin = letters.latin;
  if (latin.size > 0) {
    let total = 0;
    for (const count of latin.values()) total += count;
    let bestCovered = 0;
    for (const alphabet of ALPHABET_SETS.latin) {
      let covered = 0;
      for (const [letter, count] of latin) if (alphabet.has(letter)) covered += count;
      bestCovered = Math.max(bestCovered, covered);
    }
    score += bestCovered - (total - bestCovered);
  }
  // Cyrillic and Greek: every letter of the script is in some alphabet, and Greek read as Windows-1251 is all
  // Russian letters (α→а, ε→д, η→ж, κ→й); letter frequencies tell them apart.
  for (const script of ['cyrillic', 'greek'] as const) {
    const seen = letters[script];
    if (seen.size === 0) continue;
    let best = -Infinity;
    for (const table of FREQUENCIES[script]) {
      let sum = 0;
      for (const [letter, count] of seen) sum += count * (table.get(letter) ?? -1);
      best = Math.max(best, sum);
    }
    score += best;
  }
  return score;
}

/**
 * Letter frequencies (percent, of general text) of Russian, Ukrainian and Greek, as a score per letter:
 * about +1 for a common letter, down to -1 for one a language hardly uses; accented Greek letters count as
 * their base letter.
 */
const FREQUENCIES: Record<'cyrillic' | 'greek', Map<string, number>[]> = {
  cyrillic: [
    frequencyScores(
      'о11 е8.5 а8 и7.4 н6.7 т6.3 с5.5 р4.7 в4.5 л4.4 к3.5 м3.2 д3 п2.8 у2.6 я2 ы1.9 ь1.7 г1.7 з1.6 б1.6 ч1.4 й1.2 х1 ж0.9 ш0.7 ю0.6 ц0.5 щ0.4 э0.3 ф0.3 ё0.2 ъ0.04',
    ),
    frequencyScores(
      'о9.4 а8.1 н7 и6.1 і5.6 в5.4 т5.3 е4.9 р4.7 с4.3 к3.8 л3.7 у3.5 д3.4 м3.3 п2.9 я2.1 з2.1 ь1.7 г1.6 б1.6 ч1.5 й1.3 х1.2 ц0.9 ї0.9 ж0.8 ш0.8 ю0.8 є0.7 щ0.6 ф0.2 ґ0.05',
    ),
  ],
  greek: [
    frequencyScores(
      'α12 ο9.8 ι8.8 ε8.5 τ8 σ5.4 ς2.4 ν6.8 η5.2 ρ4.5 υ4.3 π4.2 κ4 μ3.4 λ2.8 ω2 γ1.8 δ1.7 θ1.3 χ1.2 φ0.8 β0.7 ξ0.4 ζ0.4 ψ0.15',
      true,
    ),
  ],
};

function frequencyScores(table: string, greek = false): Map<string, number> {
  const scores = new Map<string, number>();
  const entries = table
    .split(' ')
    .map((entry) => [entry[0] as string, Number(entry.slice(1)) / 100] as const);
  for (const [letter, share] of entries) {
    const value = Math.max(-1, Math.min(1.5, 0.5 + 0.6 * Math.log2(share * entries.length)));
    scores.set(letter, value);
  }
  if (greek) {
    for (const [accented, base] of Object.entries({
      ά: 'α',
      έ: 'ε',
      ή: 'η',
      ί: 'ι',
      ό: 'ο',
      ύ: 'υ',
      ώ: 'ω',
      ϊ: 'ι',
      ϋ: 'υ',
      ΐ: 'ι',
      ΰ: 'υ',
    })) {
      scores.set(accented, scores.get(base) as number);
    }
  }
  return scores;
}

/**
 * A multi-byte reading: common characters two points (one a byte), other characters of the encoding's
 * first level half a point, its second level or extensions less or negative; kana two points; half-width
 * kana, private-use characters, letters of other scripts (which these encodings hold in their symbol rows)
 * negative.
 */
function scoreMultibyte(text: string, encoding: string): number {
  const tables = levels();
  const first = tables.first.get(encoding) as Set<string>;
  const second = tables.second.get(encoding) as Set<string>;
  let score = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) continue;
    if (code >= 0x4e00 && code <= 0x9fff) {
      if (encoding === 'euc-kr')
        score -= 1; // Hanja: Korean catalogs hardly use them
      else if (COMMON_HAN.has(char)) score += 2;
      else if (first.has(char)) score += 0.5;
      else if (second.has(char)) score -= 0.25;
      else score -= 1.5;
    } else if (code >= 0xac00 && code <= 0xd7a3) {
      if (COMMON_HANGUL.has(char)) score += 2;
      else if (first.has(char)) score += 0.5;
      else score -= 1.5;
    } else if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fc)) {
      score += encoding === 'shift_jis' ? 2 : 0.5;
    } else if (
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
    ) {
      score += 1; // CJK punctuation and full-width forms: 【】（）：，
    } else if (code >= 0xff61 && code <= 0xff9f) {
      score -= 1; // half-width kana: what Shift_JIS makes of Latin-1 accents
    } else if ((code >= 0xe000 && code <= 0xf8ff) || (code >= 0x80 && code <= 0x9f)) {
      score -= 5;
    } else if (CATALOG_SIGNS.has(char)) {
      score += 0.5;
    } else {
      score -= 1.5; // letters of other scripts, box drawing, Roman numerals, extension characters…
    }
  }
  return score;
}

/**
 * Each multi-byte encoding's first level (the common characters its standard puts first: GB2312 level 1,
 * Big5's frequently used characters, JIS level 1, KS X 1001's Hangul) and second level, read from
 * TextDecoder's own tables once.
 */
let levelTables: { first: Map<string, Set<string>>; second: Map<string, Set<string>> } | undefined;
function levels(): { first: Map<string, Set<string>>; second: Map<string, Set<string>> } {
  if (levelTables !== undefined) return levelTables;
  const range = (encoding: string, leads: [number, number], trails: [number, number][]): Set<string> => {
    const bytes: number[] = [];
    for (let lead = leads[0]; lead <= leads[1]; lead++) {
      for (const [from, to] of trails) for (let trail = from; trail <= to; trail++) bytes.push(lead, trail);
    }
    return new Set(decodeWhole(new TextDecoder(encoding), Buffer.from(bytes)));
  };
  const gbTrails: [number, number][] = [[0xa1, 0xfe]];
  const big5Trails: [number, number][] = [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ];
  const sjisTrails: [number, number][] = [
    [0x40, 0x7e],
    [0x80, 0xfc],
  ];
  levelTables = {
    first: new Map([
      ['gb18030', range('gb18030', [0xb0, 0xd7], gbTrails)],
      ['big5', range('big5', [0xa4, 0xc6], big5Trails)],
      ['shift_jis', range('shift_jis', [0x88, 0x98], sjisTrails)],
      ['euc-kr', range('euc-kr', [0xb0, 0xc8], gbTrails)],
    ]),
    second: new Map([
      ['gb18030', range('gb18030', [0xd8, 0xf7], gbTrails)],
      ['big5', range('big5', [0xc9, 0xf9], big5Trails)],
      ['shift_jis', range('shift_jis', [0x99, 0xea], sjisTrails)],
      ['euc-kr', new Set<string>()],
    ]),
  };
  return levelTables;
}

/**
 * The most frequent Chinese characters of general text (simplified and traditional forms) and the most
 * frequent kanji of Japanese: general frequency lists, not the corpus's words.
 */
const COMMON_HAN = new Set(
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵尺' +
    '這個們來為國說時會對過發後裡經麼還現動樣長兩從進實問種點開無與東產電號聲員兒義幾認條氣爾變總數報結務場計資區隊馬書則聽卻達強難權記邊張該規萬領確傳師觀讓識帶導爭運飛風聯組濟車親極辦議證轉準遠單羅愛擊備連調團質價黨華級離況亞請際約復線斷滿視須增寫稱嗎輕農裝廣顯標談圖歷醫專費盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥衛險陸習勞財環納歡獲負雲遊龍樹層衝範異漢擔靜積餘檢靈協徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺謝魯慮銷鐘詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩夥盤擴蓋穩億擁楊齊賽虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈絡純頁傑築鄭貝吳圓殘誠寬擺毀趙' +
    '日本円県選挙党首相市町村区駅込売買品送料無税込様式会社株営業週曜午前後内外新古赤青黒白色形型番号数量個枚箱袋用製作使',
);

/** The most frequent Hangul syllables of Korean text. */
const COMMON_HANGUL = new Set(
  '이다는의에가을하고지기리서로한사도자를어대시으나일수정해아구인적게여들전부상주보제성요우라것장과동화면세내있원문니만중비그국소신경위공진조연방스간무생유계단실했마관개미모식당데트회물통결발영선오터말업용차학합저분후러민현때치명체행습될야날없드안히금본반강되양타점거권재불산표입력심크포초또외특법설평역였께레작감술래년군교품려배람목질집색노호변육월님건더속키준예각파활왜블랙즈팅컬프벨핑셔츠남녀아동용가방신발바지치마세트케이블충전폰백팩린넨실버골드로즈와이드핏슬림',
);

/** Formats whose first bytes say they are not a table (zip and OLE2 are workbooks: the reader checks those first). */
const BINARY_SIGNATURES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // Rar!
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], // SQLite f(ormat 3)
];

/** A sample is binary when more than this share of its characters are control characters… */
const BINARY_CONTROL_SHARE = 0.1;
/** …or more than this share are NUL (binary formats are full of them, text hardly ever holds one)… */
const BINARY_NUL_SHARE = 0.01;
/** …and there are more than this many of them (a short file with a NUL or two is text with bad cells). */
const BINARY_CONTROL_MIN = 3;

/**
 * Where a sample that is mostly not text shows it: a known binary signature (PNG, PDF, GIF, JPEG, gzip, 7z,
 * RAR, ELF, SQLite), or more than three control characters (C0 but tab, LF and CR; DEL) that are more than
 * 10% of the sample, or more than three NULs that are more than 1% of it; counted in code units for UTF-16
 * (told by its mark or its zero bytes). Random bytes hold about 12% control characters and 0.4% NULs, and
 * binary formats far more NULs; a catalog with a NUL, a vertical tab or a form feed in a cell, or a FileMaker
 * export with a vertical tab for each line break in its cells, holds far less: those are text, and their odd
 * characters findings of the cells. `null` for text. `line` counts from 1; `byte` is the offset of the
 * first control character (0 for a signature), `value` its code.
 */
export function isMostlyBinary(sample: Buffer): { line: number; byte: number; value: number } | null {
  if (BINARY_SIGNATURES.some((bytes) => bytes.every((b, i) => sample[i] === b)))
    return { line: 1, byte: 0, value: sample[0] as number };
  let wide: 'utf-16le' | 'utf-16be' | undefined;
  if (sample[0] === 0xff && sample[1] === 0xfe) wide = 'utf-16le';
  else if (sample[0] === 0xfe && sample[1] === 0xff) wide = 'utf-16be';
  else wide = utf16WithoutMark(sample);
  const step = wide === undefined ? 1 : 2;
  const unitAt = (i: number): number =>
    wide === undefined
      ? (sample[i] as number)
      : wide === 'utf-16le'
        ? sample.readUInt16LE(i)
        : sample.readUInt16BE(i);
  let controls = 0;
  let nuls = 0;
  let first = -1;
  let line = 1;
  let firstLine = 1;
  const end = sample.length - (sample.length % step);
  for (let i = 0; i < end; i += step) {
    const unit = unitAt(i);
    if (unit === 0x0a) line++;
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f) {
      controls++;
      if (unit === 0) nuls++;
      if (first === -1) [first, firstLine] = [i, line];
    }
  }
  const units = end / step;
  if (
    (controls > BINARY_CONTROL_MIN && controls > BINARY_CONTROL_SHARE * units) ||
    (nuls > BINARY_CONTROL_MIN && nuls > BINARY_NUL_SHARE * units)
  ) {
    return { line: firstLine, byte: first, value: unitAt(first) };
  }
  return null;
}
