const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** Lower-cased words of a category path; `Women's Clothing > Dresses` → women, s, clothing, dress. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map(singular);
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
  match(category: string | null): string | undefined;
}

/**
 * Matches category keywords on whole words, case-insensitively (`ring` does not match `Earrings` or
 * `Spring`); a keyword of several words matches them in sequence; CJK keywords match as substrings.
 */
export function categoryMatcher(keywords: readonly string[] | '*'): CategoryMatcher {
  if (keywords === '*') return { match: (category) => (category === null ? undefined : '*') };
  const cjk = keywords.filter((k) => CJK.test(k)).map((k) => ({ keyword: k, text: k.toLowerCase() }));
  // The most specific keyword wins: "kitchen tools" before "tools".
  const latin = keywords
    .filter((k) => !CJK.test(k))
    .map((k) => ({ keyword: k, words: words(k) }))
    .sort((a, b) => b.words.length - a.words.length);
  const cache = new Map<string, string | undefined>();
  return {
    match(category) {
      if (category === null) return undefined;
      if (cache.has(category)) return cache.get(category);
      const found = find(category);
      // Catalogs reuse a few hundred categories across millions of rows.
      if (cache.size < 100_000) cache.set(category, found);
      return found;
    },
  };

  function find(category: string): string | undefined {
    const lower = category.toLowerCase();
    const path = words(category);
    for (const { keyword, words: kw } of latin) {
      if (kw.length > 0 && containsSequence(path, kw)) return keyword;
    }
    for (const { keyword, text } of cjk) {
      if (lower.includes(text)) return keyword;
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
