import { detach } from '../core/detach.js';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** Lower-cased words of a category path; `Women's Clothing > Dresses` → women, s, clothing, dress. */
function words(text: string): string[] {
  return foldAccents(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map(singular);
}

/** `décor` → `decor`: Latin letters lose their accents (CJK text is left as it is). */
function foldAccents(text: string): string {
  return /[\u00c0-\u024f]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}

/** Folds English plurals so that `dress`/`dresses`, `accessory`/`accessories` and `bag`/`bags` are one word. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export interface CategoryMatcher {
  /** The first keyword that matches the category, or undefined. */
  match(text: string | null): string | undefined;
}

const CACHE_LIMIT = 10_000;

/**
 * Matches keywords on whole words, case-insensitively (`ring` does not match `Earrings` or `Spring`); a
 * keyword of several words matches them in sequence; CJK keywords match as substrings. Categories repeat
 * (a few hundred across a catalog), so their verdicts are cached; titles do not (`cache: false`).
 */
export function categoryMatcher(keywords: readonly string[] | '*', { cache = true } = {}): CategoryMatcher {
  if (keywords === '*') return { match: () => '*' };
  const cjk = keywords.filter((k) => CJK.test(k)).map((k) => ({ keyword: k, text: k.toLowerCase() }));
  // The most specific keyword wins: "kitchen tools" before "tools".
  const latin = keywords
    .filter((k) => !CJK.test(k))
    .map((k) => ({ keyword: k, words: words(k) }))
    .filter((k) => k.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  // A keyword can only match whole words if its first word's stem is somewhere in the text: a cheap
  // test that spares most texts the split into words.
  const stems = [...new Set(latin.map((k) => (k.words[0] ?? '').slice(0, 4)))];
  // No keyword matched: null, so that one lookup tells a cached miss from a text not seen yet.
  const verdicts = new Map<string, string | null>();
  return {
    match(text) {
      if (text === null) return undefined;
      if (!cache) return find(text);
      const known = verdicts.get(text);
      if (known !== undefined) return known ?? undefined;
      const found = find(text);
      if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
      verdicts.set(detach(text), found ?? null);
      return found;
    },
  };

  function find(text: string): string | undefined {
    const lower = text.toLowerCase();
    const folded = foldAccents(lower);
    if (stems.some((stem) => folded.includes(stem))) {
      const path = words(text);
      for (const { keyword, words: kw } of latin) {
        if (containsSequence(path, kw)) return keyword;
      }
    }
    for (const { keyword, text: k } of cjk) {
      if (lower.includes(k)) return keyword;
    }
    return undefined;
  }
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}
