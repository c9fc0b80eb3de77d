// Words of a text with their offsets and two keys: `norm` (case, diacritics and apostrophes folded) and
// `fold`, a transliteration key under which the usual Latin spellings of one Arabic name meet
// (Qaeda/Qaida, Mourabitoun/Murabitoun, Muslimeen/Muslimin, Shabaab/Shabab, Ghaly/Ghali, Dine/Din…).

export interface Token {
  start: number;
  /** End of the word, without a possessive ’s. */
  end: number;
  text: string;
  norm: string;
  fold: string;
  /** First letter upper case. */
  cap: boolean;
  /** Every letter upper case (and more than one letter, or a dotted acronym like U.S.). */
  upper: boolean;
  /** Followed by ’s / 's (trimmed from the token). */
  possessive: boolean;
  /** Joined to the next token by a hyphen, with nothing else between. */
  hyphenNext: boolean;
}

const WORD =
  /(?:\p{Lu}\.){2,}|\p{Lu}(?:\.\p{Lu})+|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ`‘][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHES = /['’ʼ`‘ʿʾ.]/g;
const HYPHEN = /^[-‐‑]$/;

interface Keys {
  norm: string;
  fold: string;
}
const keyCache = new Map<string, Keys>();

export function normWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(word);
  const base = ascii ? word : word.normalize('NFD').replace(/\p{M}+/gu, '');
  return base.toLowerCase().replace(APOSTROPHES, '');
}

/**
 * The transliteration key of one normalised word. Arabic has three vowels, which Latin spellings write
 * e/i, o/u/ou, a; doubled consonants come and go; q/k, dh/d, dj/j, final -ah/-a and a French final -e vary.
 */
export function foldWord(norm: string): string {
  let s = norm;
  if (/^abd(?:e|u|a|ou)l/.test(s)) s = `abd${s.replace(/^abd(?:e|u|a|ou)l/, '')}`; // Abdel Malek, Abdul Malik, Abd al-Malik
  if (s.length >= 4 && s.endsWith('e') && !/[aeiouy]e$/.test(s)) s = s.slice(0, -1);
  if (s.length >= 4 && s.endsWith('ah')) s = s.slice(0, -1);
  s = s
    .replace(/q/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/dj/g, 'j')
    .replace(/o/g, 'u')
    .replace(/[ey]/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return s;
}

function keysOf(word: string): Keys {
  let keys = keyCache.get(word);
  if (!keys) {
    const norm = normWord(word);
    keys = { norm, fold: foldWord(norm) };
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(word, keys);
  }
  return keys;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const start = match.index;
    let possessive = false;
    if (word.length > 3 && /['’ʼ][sS]$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const { norm, fold } = keysOf(word);
    const letters = word.replace(/[^\p{L}]/gu, '');
    const cap = /^\p{Lu}/u.test(word);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      norm,
      fold,
      cap,
      upper: cap && (letters.length > 1 || word.includes('.')) && letters === letters.toUpperCase(),
      possessive,
      hyphenNext: false,
    });
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!a.possessive && b.start - a.end === 1 && HYPHEN.test(text[a.end]!)) a.hyphenNext = true;
  }
  return tokens;
}

/** Arabic article forms: al/el always; the assimilated ones (ad-, ash-, ar-…) only when hyphenated, since
 * as, at, an, en are English or French words. wa/wal ("and (the)") go the same way. */
const ARTICLES_ALWAYS = new Set(['al', 'el', 'wal', 'wa']);
const ARTICLES_HYPHENATED = new Set([
  'ad', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'an', 'ed', 'er', 'es', 'esh', 'et', 'ez', 'en',
  'ud', 'ur', 'us', 'ut', 'uz', 'un', 'ul', 'il', 'l', 'adh', 'al', 'el',
]); // prettier-ignore

export function isArticle(token: Token): boolean {
  if (token.text.includes('.')) return false; // U.S.-designated
  if (ARTICLES_ALWAYS.has(token.norm)) return true;
  return token.hyphenNext && ARTICLES_HYPHENATED.has(token.norm) && !(token.upper && token.norm !== 'al');
}

/** What may stand between two words of one name: spaces, hyphens and dashes, brackets, quotes. */
export function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, single newline, hyphens/dashes, brackets, quotes and apostrophes
    if (
      c === 32 ||
      c === 9 ||
      c === 0xa0 ||
      c === 45 ||
      c === 40 ||
      c === 41 ||
      c === 34 ||
      c === 39 ||
      (c >= 0x2010 && c <= 0x2015) ||
      (c >= 0x2018 && c <= 0x201f)
    ) {
      continue;
    }
    if (c === 10 && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i - 1) !== 10) continue;
    return false;
  }
  return true;
}
