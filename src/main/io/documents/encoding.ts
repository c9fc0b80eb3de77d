// Turning a text file's bytes into a string: BOMs, UTF-16 without a BOM, strict UTF-8, and legacy 8-bit
// encodings accepted only when the decoded text is plausible for a language written in them (an Arabic
// Windows-1256 file must not come out as Windows-1252 mojibake; when unsure, the analyst picks).
import { identify } from './language';

export type TextDecoding =
  | { ok: true; text: string; encoding: string }
  | { ok: false; code: 'binary' }
  | { ok: false; code: 'encoding_unsure'; encodings: string[]; unknownLabel?: string };

/** Legacy encodings tried when the bytes are not UTF-8, in order of preference, with the languages they write. */
const LEGACY: { encoding: string; languages: string[] }[] = [
  {
    encoding: 'windows-1252',
    languages: [
      'en',
      'fr',
      'de',
      'es',
      'it',
      'pt',
      'nl',
      'ca',
      'da',
      'sv',
      'no',
      'fi',
      'is',
      'eu',
      'sq',
      'ms',
      'tl',
      'yo',
    ],
  },
  { encoding: 'windows-1256', languages: ['ar', 'fa', 'ur', 'ku'] },
  { encoding: 'windows-1251', languages: ['ru', 'uk', 'bg', 'sr', 'be'] },
  { encoding: 'windows-1250', languages: ['pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl', 'sq', 'de'] },
  { encoding: 'iso-8859-2', languages: ['pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl', 'sq', 'de'] },
  { encoding: 'windows-1254', languages: ['tr', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl'] },
  { encoding: 'windows-1257', languages: ['lt', 'lv', 'et', 'en', 'de'] },
  { encoding: 'windows-1253', languages: ['el'] },
  { encoding: 'windows-1255', languages: ['he'] },
  { encoding: 'koi8-r', languages: ['ru', 'bg'] },
  { encoding: 'ibm866', languages: ['ru', 'uk', 'be', 'bg'] },
  { encoding: 'iso-8859-6', languages: ['ar'] },
];

/** The encodings the picker offers first when the workbench cannot tell. */
export const COMMON_ENCODINGS = [
  'utf-8',
  'windows-1252',
  'windows-1256',
  'windows-1251',
  'utf-16le',
  'utf-16be',
];

// Node 20's TextDecoder decodes 'windows-1252' as ISO-8859-1 (0x80–0x9F become C1 controls);
// the WHATWG table maps them to these characters (five bytes stay undefined).
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** The WHATWG name of an encoding label ('latin1' → 'windows-1252'), or null when it is unknown. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** Decodes with a known WHATWG encoding name; throws only when fatal and the bytes are invalid. */
export function decodeWith(bytes: Uint8Array, encoding: string, fatal = false): string {
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!),
  );
}

/** The encoding a byte order mark announces, with the BOM's length. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export function decodeText(
  bytes: Uint8Array,
  options: { encoding?: string; declared?: string | null } = {},
): TextDecoding {
  if (options.encoding) {
    const chosen = canonicalEncoding(options.encoding);
    if (!chosen)
      return {
        ok: false,
        code: 'encoding_unsure',
        encodings: COMMON_ENCODINGS,
        unknownLabel: options.encoding,
      };
    return { ok: true, text: decodeWith(bytes, chosen), encoding: chosen };
  }
  const bom = bomEncoding(bytes);
  if (bom)
    return { ok: true, text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  const declared = options.declared ? canonicalEncoding(options.declared) : null;
  // A page that says it is UTF-16 but has no BOM is read as UTF-8, as browsers do.
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16') && declared !== 'replacement') {
    return { ok: true, text: decodeWith(bytes, declared), encoding: declared };
  }

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { ok: true, ...utf16 };
  if (looksBinary(bytes)) return { ok: false, code: 'binary' };

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  return guessLegacy(bytes);
}

const SAMPLE = 64 * 1024;
/** What the legacy encodings are scored on: lines with non-ASCII bytes, this much of them. */
const SCORED_SAMPLE = 8 * 1024;
const GLANCE = 1024;

/** UTF-16 text without a BOM: ASCII characters (spaces, digits, line ends) put NULs on one side of each pair. */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  let encoding: string | null = null;
  if (odd >= pairs * 0.05 && even <= odd * 0.02) encoding = 'utf-16le';
  else if (even >= pairs * 0.05 && odd <= even * 0.02) encoding = 'utf-16be';
  if (!encoding) return null;
  let text: string;
  try {
    text = decodeWith(bytes.subarray(0, bytes.length & ~1), encoding, true);
  } catch {
    return null;
  }
  return controlRatio(text.slice(0, SAMPLE)) > 0.005 ? null : { text, encoding };
}

/** NUL bytes or more than a few control characters: not a text file in any 8-bit or UTF-8 encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (isControl(b, i === n - 1)) controls++;
  }
  return controls > n * 0.005;
}

function controlRatio(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || isControl(c, i === text.length - 1)) controls++;
  }
  return text.length ? controls / text.length : 0;
}

/** C0 controls other than tab, line ends, form feed and escape; DEL; a final DOS end-of-file mark is allowed. */
function isControl(code: number, last: boolean): boolean {
  if (code === 0x7f) return true;
  if (code >= 0x20) return false;
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x1b)
    return false;
  return !(code === 0x1a && last);
}

/** Valid UTF-8 (also when a UTF-8 file was cut inside its last character), else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return decodeWith(bytes, 'utf-8', true);
  } catch {
    // A copy cut short mid-character: drop the incomplete tail, but only when the rest shows UTF-8
    // characters (a lone final 0xE9 is more likely a Windows-1252 'é').
    let cut = bytes.length;
    while (cut > 0 && bytes.length - cut < 3 && (bytes[cut - 1]! & 0xc0) === 0x80) cut--;
    if (cut === 0 || bytes[cut - 1]! < 0xc0) return null;
    try {
      const text = decodeWith(bytes.subarray(0, cut - 1), 'utf-8', true);
      return /[^\p{ASCII}]/u.test(text) ? text + '\ufffd' : null;
    } catch {
      return null;
    }
  }
}

interface Candidate {
  encoding: string;
  languages: string[];
  text: string;
  /** Share of words with non-ASCII letters that look like words of one script and a sane case pattern. */
  score: number;
  /** The language eld recognises in the text, when the encoding writes it, with eld's score. */
  language: { language: string; score: number } | null;
  plausible: boolean;
}

/** eld scores of two readings closer than this do not tell them apart. */
const CLEAR_MARGIN = 0.05;
/** Below this many letters eld's guesses are noise ('ари на' comes out as reliable Bulgarian). */
const MIN_LETTERS_TO_IDENTIFY = 30;

function guessLegacy(bytes: Uint8Array): TextDecoding {
  const sample = nonAsciiLines(bytes);
  const letters = countLetters(sample);
  const candidates: Candidate[] = [];
  for (const { encoding, languages } of LEGACY) {
    const text = decodeWith(sample, encoding);
    if (/[\u0080-\u009f\ufffd]/.test(text)) continue; // bytes this encoding leaves undefined
    // Most wrong readings show on the first lines: score the whole sample only for the others.
    const glance = wordScore(text.slice(0, GLANCE));
    const score = glance < 0.8 || text.length <= GLANCE ? glance : wordScore(text);
    if (score < 0.9) {
      candidates.push({ encoding, languages, text, score, language: null, plausible: false });
      continue;
    }
    const detected = letters >= MIN_LETTERS_TO_IDENTIFY ? identify(text) : null;
    const language = detected && languages.includes(detected.language) ? detected : null;
    // A language identifier sure of a language the encoding does not write rules it out.
    const plausible = score >= 0.9 && (detected === null || language !== null);
    candidates.push({ encoding, languages, text, score, language, plausible });
  }
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.plausible) - Number(a.plausible) ||
      (b.language?.score ?? 0) - (a.language?.score ?? 0) ||
      b.score - a.score,
  );
  const chosen = chooseReading(ranked.filter((c) => c.plausible));
  if (chosen) return { ok: true, text: decodeWith(bytes, chosen), encoding: chosen };
  const encodings = ranked.map((c) => c.encoding);
  // UTF-8 with a few broken bytes (files pasted together) is offered first; UTF-8 characters at all, last.
  const utf8 = utf8Share(sample);
  if (utf8 >= 0.95) encodings.unshift('utf-8');
  else if (utf8 > 0) encodings.push('utf-8');
  return { ok: false, code: 'encoding_unsure', encodings };
}

/**
 * The encoding of the one reading the plausible candidates leave (encodings that give the same text are
 * one reading), or null while two readings stay possible: different texts that eld cannot tell apart.
 */
function chooseReading(plausible: Candidate[]): string | null {
  const texts = new Map<string, Candidate[]>();
  for (const c of plausible) texts.set(c.text, [...(texts.get(c.text) ?? []), c]);
  const readings = [...texts.values()].map((group) => ({
    encoding: preferred(group.map((c) => c.encoding)),
    language: group.find((c) => c.language)?.language ?? null,
  }));
  if (readings.length === 1) return readings[0]!.encoding;
  const recognised = readings.filter((r) => r.language).sort((a, b) => b.language!.score - a.language!.score);
  const [first] = recognised;
  if (!first) return null;
  const close = recognised.filter((r) => first.language!.score - r.language!.score < CLEAR_MARGIN);
  if (close.length === 1) return first.encoding;
  // Readings in one language that differ by a few letters (Windows-1250 or ISO-8859-2 Polish): the more
  // common encoding; had the file used the letters where they differ, one of them would have been ruled out.
  if (close.every((r) => r.language!.language === first.language!.language)) {
    return preferred(close.map((r) => r.encoding));
  }
  return null;
}

/** The first of these encodings in LEGACY's order of preference. */
function preferred(encodings: string[]): string {
  return LEGACY.find((l) => encodings.includes(l.encoding))!.encoding;
}

/** The lines that hold non-ASCII bytes (where encodings differ), up to a sample's size. */
function nonAsciiLines(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  let high = false;
  for (let i = 0; i <= bytes.length && size < SCORED_SAMPLE; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b >= 0x80) high = true;
    if (b !== 0x0a) continue;
    if (high) {
      const line = bytes.subarray(start, Math.min(i + 1, start + SCORED_SAMPLE - size));
      parts.push(line);
      size += line.length;
    }
    start = i + 1;
    high = false;
  }
  const sample = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    sample.set(part, at);
    at += part.length;
  }
  return sample;
}

/** ASCII letters and bytes above ASCII (letters in every candidate encoding, mostly). */
function countLetters(bytes: Uint8Array): number {
  let count = 0;
  for (const b of bytes) if (b >= 0x80 || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a)) count++;
  return count;
}

/** The share of non-ASCII characters that decode as UTF-8 (the rest being replacement characters). */
function utf8Share(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const broken = (text.match(/\ufffd/g) ?? []).length;
  const decoded = (text.match(/[^\p{ASCII}\ufffd]/gu) ?? []).length;
  return decoded + broken ? decoded / (decoded + broken) : 0;
}

const LETTER = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
];
const MARK_SCRIPTS: [string, RegExp][] = [
  ['Arabic', /\p{Script_Extensions=Arabic}/u],
  ['Hebrew', /\p{Script_Extensions=Hebrew}/u],
  ['Cyrillic', /\p{Script_Extensions=Cyrillic}/u],
  ['Greek', /\p{Script_Extensions=Greek}/u],
];
const BICAMERAL = new Set(['Latin', 'Cyrillic', 'Greek']);
/** Characters that join the parts of one word ("Al-Qaïda", "d’Al", "l·l"): each part is judged alone. */
const JOINERS = new Set(['-', '‐', '‑', "'", '’', 'ʼ', '.', '·', '_', '/']);

/**
 * The share of word parts holding non-ASCII characters that read as a word: letters of one script, a case
 * pattern words have (lower, UPPER, Capitalised), no symbol inside, and for Latin letters a minority of
 * accented ones. Mojibake fails: 'ÇáÚÑÈíÉ' (case), 'sйparй' (scripts), 'oddzieli³a' (symbol), 'Ãðóïïèðîâêà'.
 */
export function wordScore(text: string): number {
  let good = 0;
  let bad = 0;
  for (const token of text.split(/\s+/)) {
    if (!hasNonAscii(token)) continue;
    const chars = trimEdges([...token]);
    let part: string[] = [];
    for (let i = 0; i <= chars.length; i++) {
      const ch = chars[i];
      if (ch !== undefined && !JOINERS.has(ch)) {
        part.push(ch);
        continue;
      }
      if (part.some((c) => c.charCodeAt(0) > 0x7f)) {
        if (isPlausibleWord(part)) good++;
        else bad++;
      }
      part = [];
    }
  }
  return good + bad === 0 ? 1 : good / (good + bad);
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** A token without the punctuation, symbols and digits around it ("(«Qaïda»)," → "Qaïda"). */
function trimEdges(chars: string[]): string[] {
  const edge = (ch: string): boolean => {
    const kind = classify(ch).kind;
    return kind === 'skip' || kind === 'refuse';
  };
  let start = 0;
  let end = chars.length;
  while (start < end && edge(chars[start]!)) start++;
  while (end > start && edge(chars[end - 1]!)) end--;
  return chars.slice(start, end);
}

/** What a character is to the word test: skipped, refused, a mark of some script, or a letter. */
type CharClass =
  | { kind: 'skip' }
  | { kind: 'refuse' }
  | { kind: 'mark'; script: string | null }
  | { kind: 'letter'; script: string; ascii: boolean; shape: '' | 'U' | 'l' };

// Texts repeat few distinct characters: classify each once (Unicode property regexes are slow per char).
const classes = new Map<string, CharClass>();

function classify(ch: string): CharClass {
  let known = classes.get(ch);
  if (known) return known;
  if (/[\p{Nd}\p{Cf}]/u.test(ch))
    known = { kind: 'skip' }; // digits; zero-width joiners of Persian and Arabic
  else if (/[\u2500-\u259f]/.test(ch))
    known = { kind: 'refuse' }; // box drawing: a DOS code page read wrongly
  else if (!LETTER.test(ch))
    known = { kind: 'refuse' }; // a symbol inside a word
  else if (MARK.test(ch))
    known = { kind: 'mark', script: MARK_SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? null };
  else {
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    const shape = UPPER.test(ch) ? 'U' : LOWER.test(ch) ? 'l' : '';
    known = { kind: 'letter', script, ascii: ch.charCodeAt(0) <= 0x7f, shape };
  }
  classes.set(ch, known);
  return known;
}

function isPlausibleWord(part: string[]): boolean {
  let script: string | null = null;
  let letters = 0;
  let nonAscii = 0;
  let caseShape = '';
  for (const ch of part) {
    const c = classify(ch);
    if (c.kind === 'skip') continue;
    if (c.kind === 'refuse') return false;
    if (c.kind === 'mark') {
      if (c.script && script && c.script !== script) return false;
      continue;
    }
    if (script && c.script !== script) return false;
    script = c.script;
    letters++;
    if (!c.ascii) nonAscii++;
    caseShape += c.shape;
  }
  if (!script) return true;
  if (BICAMERAL.has(script) && caseShape.length > 1 && !/^(U?l+|U+)$/.test(caseShape)) return false;
  if (script === 'Latin' && letters >= 4 && nonAscii / letters > 0.6) return false;
  return true;
}
