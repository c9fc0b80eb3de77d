// Words of a text with their offsets and two keys: `norm` (case, diacritics and apostrophes folded) and
// `fold`, a transliteration key under which the usual Latin spellings of one Arabic name meet
// (Qaeda/Qaida, Mourabitoun/Murabitoun, Muslimeen/Muslimin, Shabaab/Shabab, Ghaly/Ghali, Dine/Din…).

export interface Token {
  start: number;
  /** End of the word, without a possessive ’s. */
  end: number;
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
  /** An Arabic article form (al-, el-, ad-…), left out of name keys. */
  article: boolean;
}

const APOSTROPHES = /['’ʼ`‘ʿʾ.]/g;

/** What a word's text alone decides, cached per distinct word (a document repeats its words). */
interface WordInfo {
  norm: string;
  fold: string;
  cap: boolean;
  upper: boolean;
}

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

function describe(word: string): WordInfo {
  const norm = normWord(word);
  const lower = word.toLowerCase();
  const first = word[0]!;
  // A letter of a script without case (Arabic, Hebrew, CJK) counts as a capital: names in it are not lower case.
  const cap = first !== first.toLowerCase() || (first === first.toUpperCase() && /\p{L}/u.test(first));
  return {
    norm,
    fold: foldWord(norm),
    cap,
    // All capitals needs letters that have case: "AQIM", "U.S.", not an Arabic word.
    upper: word.length > 1 && word !== lower && word === word.toUpperCase() && /\p{L}.*\p{L}|\./u.test(word),
  };
}

// The tokeniser's own word table, looked up with the characters in place: a document repeats its words, and
// slicing each one out only to find it again was most of the tokeniser's garbage.
const TABLE_SIZE = 1 << 17;
const tableWords: (string | undefined)[] = new Array(TABLE_SIZE);
const tableInfo: (WordInfo | undefined)[] = new Array(TABLE_SIZE);
let tableFilled = 0;

function infoAt(text: string, start: number, end: number): WordInfo {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const length = end - start;
  for (let slot = hash & (TABLE_SIZE - 1); ; slot = (slot + 1) & (TABLE_SIZE - 1)) {
    const word = tableWords[slot];
    if (word === undefined) break;
    if (word.length !== length) continue;
    let same = true;
    for (let i = 0; i < length; i++) {
      if (word.charCodeAt(i) !== text.charCodeAt(start + i)) {
        same = false;
        break;
      }
    }
    if (same) return tableInfo[slot]!;
  }
  if (tableFilled > TABLE_SIZE * 0.6) {
    tableWords.fill(undefined);
    tableInfo.fill(undefined);
    tableFilled = 0;
  }
  const word = text.slice(start, end);
  const info = describe(word);
  let slot = hash & (TABLE_SIZE - 1);
  while (tableWords[slot] !== undefined) slot = (slot + 1) & (TABLE_SIZE - 1);
  tableWords[slot] = word;
  tableInfo[slot] = info;
  tableFilled++;
  return info;
}

// Character classes by UTF-16 code unit, worked out once per code unit: 1 letter or digit, 2 combining mark,
// 3 anything else (surrogate halves included, so emoji and other astral characters separate words).
const CLASS = new Uint8Array(65536);
function classOf(code: number): number {
  let k = CLASS[code]!;
  if (!k) {
    const ch = String.fromCharCode(code);
    k = code >= 0xd800 && code <= 0xdfff ? 3 : /[\p{L}\p{N}]/u.test(ch) ? 1 : /\p{M}/u.test(ch) ? 2 : 3;
    CLASS[code] = k;
  }
  return k;
}
const isApostrophe = (code: number): boolean =>
  code === 39 || code === 0x2019 || code === 0x2bc || code === 96 || code === 0x2018;
const isPossessiveMark = (code: number): boolean => code === 39 || code === 0x2019 || code === 0x2bc;
const isUpperLetter = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 || classOf(c) !== 1) return false;
  const ch = text[i]!;
  return ch !== ch.toLowerCase();
};

/**
 * The words of a text. With `pool`, the token objects of an earlier call are overwritten rather than made anew
 * (a 200 KB document has some 35,000 words, and their garbage was a third of extraction's time): the caller
 * owns the pool and must be done with the earlier tokens.
 */
export function tokenize(text: string, pool?: Token[]): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (
      (c < 128 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) ||
      classOf(c) !== 1
    ) {
      i++;
      continue;
    }
    const start = i;
    let end: number;
    if (isUpperLetter(text, i) && text.charCodeAt(i + 1) === 46 && isUpperLetter(text, i + 2)) {
      // U.S. / U.S: single capitals joined by full stops.
      end = i + 1;
      while (
        text.charCodeAt(end) === 46 &&
        isUpperLetter(text, end + 1) &&
        classOf(text.charCodeAt(end + 2)) !== 1
      )
        end += 2;
      if (text.charCodeAt(end) === 46 && end - start >= 3) end++;
    } else {
      end = i + 1;
      for (;;) {
        const d = text.charCodeAt(end);
        if (end >= n) break;
        const k =
          d < 128
            ? (d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122)
              ? 1
              : 3
            : classOf(d);
        if (k === 1 || k === 2) end++;
        else if (isApostrophe(d) && end + 1 < n && classOf(text.charCodeAt(end + 1)) === 1) end += 2;
        else break;
      }
    }
    i = end;
    let possessive = false;
    const last = text.charCodeAt(end - 1);
    if (end - start > 3 && (last === 115 || last === 83) && isPossessiveMark(text.charCodeAt(end - 2))) {
      end -= 2;
      possessive = true;
    }
    const { norm, fold, cap, upper } = infoAt(text, start, end);
    const reused = pool?.[tokens.length];
    if (reused) {
      reused.start = start;
      reused.end = end;
      reused.norm = norm;
      reused.fold = fold;
      reused.cap = cap;
      reused.upper = upper;
      reused.possessive = possessive;
      reused.hyphenNext = false;
      reused.article = false;
      tokens.push(reused);
    } else {
      const token = { start, end, norm, fold, cap, upper, possessive, hyphenNext: false, article: false };
      pool?.push(token);
      tokens.push(token);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1];
    if (b && !a.possessive && b.start - a.end === 1) {
      const c = text.charCodeAt(a.end);
      if (c === 45 || c === 0x2010 || c === 0x2011) a.hyphenNext = true;
    }
    a.article = articleForm(a, text);
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
  return token.article;
}

function articleForm(token: Token, text: string): boolean {
  if (token.norm.length > 4) return false;
  for (let i = token.start; i < token.end; i++) if (text.charCodeAt(i) === 46) return false; // U.S.-designated
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
