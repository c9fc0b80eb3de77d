// Candidate new entities: runs of capitalised words (with connectors such as of, in, al, wal), acronyms, and
// quoted names, that are not names the case already holds. Each needs some evidence of what it is (a head word
// like Brigade or Forest, a title or given name, a country name, an acronym) or it is not proposed: fewer good
// candidates beat many noisy ones. An acronym beside its expansion is one candidate, named by the expansion.
import type { MatchedMention } from './matcher';
import type { Sentence } from './sentences';
import { isArticle, joinable, type Token } from './tokens';
import type { EntitySuggestion } from './types';
import {
  COMMON_WORDS,
  DAYS,
  EVENT_CUES,
  FIRST_NAMES,
  LOCATION_CUES,
  MONTHS,
  ORGANIZATION_CUES,
  PERSON_TITLES,
  PLACES,
} from './words';

/** One occurrence of a candidate, usable as a relation end. */
export interface CandidateSpan {
  start: number;
  end: number;
  first: number;
  last: number;
  name: string;
  type: string;
  score: number;
}

const CONNECTORS = new Set([
  'of',
  'in',
  'for',
  'the',
  'and',
  'de',
  'du',
  'des',
  'la',
  'le',
  'al',
  'el',
  'wal',
  'bin',
  'ibn',
  'ben',
  'bel',
  'ag',
  'ould',
  'on',
  'to',
]);
const PARTICLES = new Set(['bin', 'ibn', 'ben', 'bel', 'ag', 'ould', 'abu', 'abou', 'umm']);
const GENERIC_ACRONYMS = new Set([
  'pow',
  'ceo',
  'utc',
  'gmt',
  'am',
  'pm',
  'tv',
  'id',
  'nb',
  'ps',
  'ok',
  'ad',
  'bc',
  'ii',
  'iii',
  'iv',
  'vi',
  'vii',
  'viii',
  'ix',
  'xi',
  'pdf',
  'url',
  'html',
  'faq',
  'usd',
  'eur',
  'gdp',
  'aka',
  'etc',
  'isbn',
  'doi',
  'rss',
  'www',
]);
const PLACE_ACRONYMS = new Set(['us', 'usa', 'uk', 'uae', 'drc', 'car', 'ussr', 'eu']);
const LOCATION_PREPOSITIONS = new Set([
  'in',
  'near',
  'from',
  'across',
  'outside',
  'into',
  'around',
  'to',
  'at',
  'toward',
  'towards',
  'throughout',
  'inside',
]);
const PERSON_CONTEXT = new Set([
  'leader',
  'figure',
  'commander',
  'emir',
  'founder',
  'spokesman',
  'militant',
  'national',
  'cleric',
  'preacher',
  'deputy',
  'chief',
  'head',
  'aka',
]);
/** Longer runs are not names (a heading in capitals, a table row). */
const MAX_NAME_WORDS = 12;
const DEMONYM = /(?:ian|ean|ese|ish|ist|ists|ic|an|i)$/;
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
  'greater',
]);

export function findCandidates(
  text: string,
  tokens: Token[],
  sentences: Sentence[],
  found: MatchedMention[],
  entityTypes: string[],
): { suggestions: EntitySuggestion[]; spans: CandidateSpan[] } {
  const covered = new Int32Array(tokens.length).fill(-1);
  for (let k = 0; k < found.length; k++) covered.fill(k, found[k]!.first, found[k]!.last + 1);
  const sentenceOf = sentenceIndex(tokens, sentences);
  const headings = findHeadings(text, tokens, sentenceOf);
  const capitalisedCount = countCapitalised(tokens, sentenceOf, covered);

  const raw: CandidateSpan[] = [];
  const aliasOf = new Map<CandidateSpan, string[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered[i]! >= 0 || !t.cap || headings.has(sentenceOf[i]!)) continue;
    const run = runFrom(text, tokens, covered, found, i);
    i = run.last;
    const trimmed = trim(tokens, sentenceOf, run.first, run.last);
    if (!trimmed) continue;
    // What is left may be only a known name ("In Libya" less "In"): that is a mention, not a candidate.
    if (covered[trimmed.first]! >= 0 && found[covered[trimmed.first]!]!.last >= trimmed.last) continue;
    const candidate = judge(
      text,
      tokens,
      sentenceOf,
      capitalisedCount,
      trimmed.first,
      trimmed.last,
      entityTypes,
    );
    if (!candidate) continue;
    raw.push(candidate);
    // "Movement for Unity and Jihad in West Africa (MUJAO)": the acronym in brackets is its alias.
    const acronym = bracketedAcronym(text, tokens, candidate.last);
    if (acronym !== null && candidate.first < candidate.last) {
      const a = tokens[acronym]!;
      aliasOf.set(candidate, [text.slice(a.start, a.end)]);
      candidate.type = candidate.type === 'location' ? candidate.type : pick('organization', entityTypes);
      candidate.score = Math.min(1, candidate.score + 0.2);
      i = acronym;
    }
  }
  raw.push(...quotedNames(text, tokens, covered, entityTypes));

  // One suggestion per name (its first occurrence), every occurrence kept for relations.
  const byName = new Map<string, EntitySuggestion>();
  for (const c of raw) {
    const key = c.name.toLowerCase();
    const seen = byName.get(key);
    if (seen) {
      seen.score = Math.max(seen.score, c.score);
      for (const a of aliasOf.get(c) ?? []) if (!seen.aliases.includes(a)) seen.aliases.push(a);
      continue;
    }
    byName.set(key, {
      kind: 'entity',
      name: c.name,
      type: c.type,
      aliases: [...(aliasOf.get(c) ?? [])],
      score: round(c.score),
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      key: `entity:${key}`,
    });
  }
  // An acronym found alone elsewhere is the same candidate as its expansion.
  for (const s of byName.values()) {
    for (const alias of s.aliases) {
      const alone = byName.get(alias.toLowerCase());
      if (alone && alone !== s) byName.delete(alias.toLowerCase());
    }
  }
  const suggestions = [...byName.values()].map((s) => ({ ...s, score: round(s.score) }));
  return { suggestions, spans: raw.sort((a, b) => a.start - b.start) };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function pick(type: string, entityTypes: string[]): string {
  return entityTypes.includes(type) ? type : (entityTypes[0] ?? type);
}

function sentenceIndex(tokens: Token[], sentences: Sentence[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (k < sentences.length - 1 && tokens[i]!.start >= sentences[k]!.end) k++;
    out[i] = k;
  }
  return out;
}

/** Headings and title lines: at most 14 words, most capitalised, no final full stop. */
function findHeadings(text: string, tokens: Token[], sentenceOf: Int32Array): Set<number> {
  const headings = new Set<number>();
  let words = 0;
  let caps = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    words++;
    const first = t.norm.charCodeAt(0);
    if (t.cap || (first >= 48 && first <= 57)) caps++;
    if (i + 1 === tokens.length || sentenceOf[i + 1] !== sentenceOf[i]) {
      if (words <= 14 && caps >= words * 0.6 && !endsWithStop(text, t.end)) headings.add(sentenceOf[i]!);
      words = 0;
      caps = 0;
    }
  }
  return headings;
}

/** A full stop (or ! ?) right after a word, maybe after a space. */
function endsWithStop(text: string, at: number): boolean {
  const c = text.charCodeAt(at) === 32 ? text.charCodeAt(at + 1) : text.charCodeAt(at);
  return c === 46 || c === 33 || c === 63;
}

/** How often each word appears capitalised other than first in its sentence. */
function countCapitalised(tokens: Token[], sentenceOf: Int32Array, covered: Int32Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap && covered[i]! < 0 && sentenceOf[i - 1] === sentenceOf[i])
      counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
  }
  return counts;
}

/** The longest run of capitalised words from `i`, through connectors followed by another capital. */
function runFrom(
  text: string,
  tokens: Token[],
  covered: Int32Array,
  found: MatchedMention[],
  i: number,
): { first: number; last: number } {
  let last = i;
  for (let j = i + 1; j < tokens.length && j - i < MAX_NAME_WORDS; j++) {
    const t = tokens[j]!;
    if (!joinable(text, tokens[j - 1]!.end, t.start) || tokens[j - 1]!.possessive) break;
    if (text.slice(tokens[j - 1]!.end, t.start).includes('(')) break;
    if (covered[j]! >= 0) {
      // A known name inside a longer one ("Islamic State in the Greater Sahara") only after a connector.
      if (!CONNECTORS.has(tokens[j - 1]!.norm)) break;
      const m = found[covered[j]!]!;
      j = m.last;
      if (!tokens[j + 1] || !CONNECTORS.has(tokens[j + 1]!.norm)) break;
      last = j;
      continue;
    }
    if (t.cap) last = j;
    else if (!CONNECTORS.has(t.norm) && !isArticle(t)) break;
  }
  return { first: i, last };
}

function trim(
  tokens: Token[],
  sentenceOf: Int32Array,
  first: number,
  last: number,
): { first: number; last: number } | null {
  while (first <= last) {
    const t = tokens[first]!;
    const startsSentence = first === 0 || sentenceOf[first - 1] !== sentenceOf[first];
    if (generic(t, first, last) || (startsSentence && !t.upper && first < last && COMMON_WORDS.has(t.norm)))
      first++;
    else if (CONNECTORS.has(t.norm) || (isArticle(t) && first === last)) first++;
    else break;
  }
  while (
    last >= first &&
    (generic(tokens[last]!, last, last) || CONNECTORS.has(tokens[last]!.norm) || isArticle(tokens[last]!))
  )
    last--;
  return first <= last ? { first, last } : null;
}

/** A word a name does not start or end with; a direction stays when a name follows ("Western Sahara"). */
function generic(t: Token, k: number, last: number): boolean {
  return (
    (COMMON_WORDS.has(t.norm) && !(DIRECTIONS.has(t.norm) && k < last)) ||
    MONTHS.has(t.norm) ||
    DAYS.has(t.norm) ||
    /^\d/.test(t.norm)
  );
}

function bracketedAcronym(text: string, tokens: Token[], last: number): number | null {
  const next = tokens[last + 1];
  if (!next?.upper || next.norm.length < 2 || GENERIC_ACRONYMS.has(next.norm)) return null;
  const before = text.slice(tokens[last]!.end, next.start);
  const after = text.slice(next.end, next.end + 1);
  return /^\s*\($/.test(before) && after === ')' ? last + 1 : null;
}

/** Decides whether a run is a candidate and what it is; null when nothing says what it is. */
function judge(
  text: string,
  tokens: Token[],
  sentenceOf: Int32Array,
  capitalisedCount: Map<string, number>,
  first: number,
  last: number,
  entityTypes: string[],
): CandidateSpan | null {
  // "Colonel Hassan Barry": the title says it is a person and is not part of the name.
  let titled = false;
  while (first < last - 1 && PERSON_TITLES.has(tokens[first]!.norm) && !PARTICLES.has(tokens[first]!.norm)) {
    first++;
    titled = true;
  }
  const words = tokens.slice(first, last + 1);
  const content = words.filter((t) => !CONNECTORS.has(t.norm) && !isArticle(t));
  if (!content.length || content.some((t) => /\d/.test(t.norm))) return null;
  const name = text.slice(words[0]!.start, words[words.length - 1]!.end);
  const before = tokens[first - 1];
  const startsSentence = first === 0 || sentenceOf[first - 1] !== sentenceOf[first];

  // Nothing but adjectives and common words ("West African", "Islamist", "Foreign"): not a name.
  if (
    content.every(
      (t) => COMMON_WORDS.has(t.norm) || DIRECTIONS.has(t.norm) || DEMONYM.test(t.norm) || MONTHS.has(t.norm),
    )
  ) {
    if (!(content.length === 1 && content[0]!.upper)) return null;
  }

  const evidence = { organization: 0, person: 0, location: 0, event: 0 };
  const head = content[content.length - 1]!.norm;
  const firstWord = content[0]!.norm;
  if (content.some((t) => ORGANIZATION_CUES.has(t.norm))) evidence.organization += 2;
  if (/^(al|el|ansar|jamaat|jamaa|harakat|katiba|hizb|tanzim)$/.test(words[0]!.norm))
    evidence.organization += 2;
  if (content.length === 1 && content[0]!.upper) {
    if (GENERIC_ACRONYMS.has(firstWord)) return null;
    if (PLACE_ACRONYMS.has(firstWord)) evidence.location += 2;
    else evidence.organization += 2;
  }
  if (FIRST_NAMES.has(firstWord) && content.length >= 2) evidence.person += 2;
  if (titled) evidence.person += 2;
  if (words.some((t, k) => k > 0 && k < words.length - 1 && PARTICLES.has(t.norm))) evidence.person += 1;
  if (
    before &&
    sentenceOf[first - 1] === sentenceOf[first] &&
    (PERSON_TITLES.has(before.norm) || PERSON_CONTEXT.has(before.norm))
  ) {
    evidence.person += 2;
  }
  if (content.some((t) => PLACES.has(t.norm))) evidence.location += 2;
  if (LOCATION_CUES.has(head)) evidence.location += 2;
  if (
    before &&
    sentenceOf[first - 1] === sentenceOf[first] &&
    LOCATION_PREPOSITIONS.has(before.norm) &&
    content.length <= 3
  ) {
    evidence.location += 1;
  }
  if (EVENT_CUES.has(head) || EVENT_CUES.has(firstWord)) evidence.event += 2;

  let type: keyof typeof evidence | null = null;
  let best = 0;
  for (const k of ['organization', 'person', 'event', 'location'] as const) {
    if (evidence[k] > best) {
      best = evidence[k];
      type = k;
    }
  }
  // A lone word is proposed only when it keeps coming back capitalised, or is an acronym or a country.
  if (content.length === 1) {
    const t = content[0]!;
    const repeated = (capitalisedCount.get(t.norm) ?? 0) >= 2;
    if (!t.upper && !PLACES.has(t.norm) && !(repeated && best >= 2)) return null;
    if (startsSentence && !t.upper && COMMON_WORDS.has(t.norm)) return null;
    if (t.norm.length < 3 && !t.upper) return null;
    // A head word alone ("the Department") is not a name.
    if (ORGANIZATION_CUES.has(t.norm) || LOCATION_CUES.has(t.norm) || EVENT_CUES.has(t.norm)) return null;
  }
  if (!type || best < 2) return null;
  return {
    start: words[0]!.start,
    end: words[words.length - 1]!.end,
    first,
    last,
    name,
    type: pick(type, entityTypes),
    score: Math.min(0.9, 0.4 + 0.1 * best + (content.length > 1 ? 0.1 : 0)),
  };
}

/** “The Masked Ones”: a short quoted name of capitalised words. */
function quotedNames(
  text: string,
  tokens: Token[],
  covered: Int32Array,
  entityTypes: string[],
): CandidateSpan[] {
  const out: CandidateSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = text.charCodeAt(tokens[i]!.start - 1);
    if (open !== 0x201c && open !== 34) continue; // “ or "
    let j = i;
    while (j + 1 < tokens.length && j - i < 6 && joinable(text, tokens[j]!.end, tokens[j + 1]!.start)) {
      if (/[”"]/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) break;
      j++;
    }
    const close = text[tokens[j]!.end];
    if (close !== '”' && close !== '"') continue;
    const words = tokens.slice(i, j + 1);
    const content = words.filter((t) => !CONNECTORS.has(t.norm));
    if (content.length < 2 || !content.every((t) => t.cap) || words.some((_, k) => covered[i + k]! >= 0))
      continue;
    if (content.every((t) => COMMON_WORDS.has(t.norm))) continue;
    const head = content[content.length - 1]!.norm;
    const type = EVENT_CUES.has(head) ? 'event' : LOCATION_CUES.has(head) ? 'location' : 'organization';
    out.push({
      start: words[0]!.start,
      end: words[words.length - 1]!.end,
      first: i,
      last: j,
      name: text.slice(words[0]!.start, words[words.length - 1]!.end),
      type: pick(type, entityTypes),
      score: 0.5,
    });
    i = j;
  }
  return out;
}
