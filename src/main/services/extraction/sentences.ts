// Sentence spans of a text: a full stop (or ! ?) before a capital, a blank line, or a line break after a line
// that ends a sentence or looks like a heading. Abbreviations (Gen., Dr., Jan.) and dotted acronyms (U.S.)
// do not end a sentence; a line break inside a sentence (PDF text) does not either.

export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof gen col lt maj capt sgt cpl adm cmdr rep sen gov pres st mt ft vs etc inc ltd co corp jr sr
  jan feb mar apr jun jul aug sep sept oct nov dec al fig approx est dept univ ibid cf e.g i.e`.split(/\s+/),
);

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s)|\n/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) sentences.push({ start: s, end: e });
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index;
    const end = at + match[0].length;
    if (match[0] === '\n') {
      if (!lineEndsSentence(text, start, at)) continue;
      push(at);
      start = end;
      continue;
    }
    if (!endsSentence(text, at, end)) continue;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

function lineEndsSentence(text: string, sentenceStart: number, at: number): boolean {
  if (text[at + 1] === '\n' || text[at - 1] === '\n') return true;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(Math.max(lineStart, sentenceStart), at).trim();
  if (!line || /[.!?:;"'”’)\]]$/.test(line)) return true;
  if (/[,\-‐‑]$/.test(line) || /^\s*\p{Ll}/u.test(text.slice(at + 1, at + 3))) return false;
  // A title or heading stands alone: most of its words start with a capital or a digit.
  const words = line.split(/\s+/);
  const titled = words.filter((w) => /^[\p{Lu}\d(“"]/u.test(w)).length;
  return titled >= words.length * 0.6 || line.length < 40;
}

function endsSentence(text: string, at: number, end: number): boolean {
  // What follows must open a sentence: a capital, a digit, a quote or bracket.
  let k = end;
  while (k < text.length && /[ \t\u00a0]/.test(text[k]!)) k++;
  const next = text[k];
  if (next === undefined || next === '\n') return true;
  if (!/[\p{Lu}\d"'“‘([]/u.test(next)) return false;
  if (text[at] !== '.' || end - at > 1) return true; // ! ? or a stop before a closing quote: "said “no.”"
  // The word before the full stop.
  let w = at;
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, at);
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return !/\d/.test(next); // "No. 5" but "said no. Then"
  if (ABBREVIATIONS.has(lower)) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "A. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return false; // U.S., e.g.
  return true;
}
