// Candidate relations: in each sentence, the phrases of the vocabulary (phrases.ts, plus every type's "reads as"
// words); sentenceReader.ts works out each phrase's ends and the relations with no verb; here they become
// suggestions, one per type and pair of ends in a sentence, dated from the sentence.
import type { CandidateSpan } from './candidates';
import { DocumentDates, type DateMention } from './dates';
import type { MatchedMention } from './matcher';
import { DEFAULT_PHRASES, END_KINDS, GROUP_NOUNS, ROLE_NOUNS } from './phrases';
import { SentenceReader, type End, type Pair, type Trigger } from './sentenceReader';
import type { Sentence } from './sentences';
import { BE, CLAUSE_BREAK_ONCE, MAX_SENTENCE_WORDS } from './syntax';
import { normWord, type Token } from './tokens';
import type { ExtractionContext, RelationEnd, RelationSuggestion, RelationTypeDef } from './types';

const phraseCache = new Map<string, Map<string, Trigger>>();

/** The phrase index for a vocabulary: default phrases of the types it has, plus its "reads as" words. */
function phraseIndex(types: RelationTypeDef[]): Map<string, Trigger> {
  const cacheKey = types.map((t) => `${t.id}=${t.reads}`).join('|');
  const cached = phraseCache.get(cacheKey);
  if (cached) return cached;
  const ids = new Set(types.map((t) => t.id));
  const phrases = DEFAULT_PHRASES.filter((p) => ids.has(p.type));
  for (const t of types) {
    for (const words of readsPhrases(t.reads)) {
      if (!phrases.some((p) => p.type === t.id && p.words.join(' ') === words.join(' '))) {
        phrases.push({
          type: t.id,
          mode: 'forward',
          words,
          cue: words.join(' '),
          score: END_KINDS[t.id] ? 0.75 : 0.6,
        });
      }
    }
  }
  const index = new Map<string, Trigger>();
  for (const p of phrases) {
    const key = p.words[0]!;
    const trigger = index.get(key) ?? { phrases: [], noun: false };
    trigger.phrases.push(p);
    index.set(key, trigger);
  }
  for (const noun of [...ROLE_NOUNS.keys(), ...GROUP_NOUNS.keys()]) {
    const trigger = index.get(noun) ?? { phrases: [], noun: true };
    trigger.noun = true;
    index.set(noun, trigger);
  }
  for (const trigger of index.values()) trigger.phrases.sort((a, b) => b.words.length - a.words.length);
  if (phraseCache.size > 50) phraseCache.clear();
  phraseCache.set(cacheKey, index);
  return index;
}

/** "is related to" → "is related to", "related to"; "is a rival of" → also "rival of". */
export function readsPhrases(reads: string): string[][] {
  const words = reads
    .split(/[\s-]+/)
    .map(normWord)
    .filter(Boolean);
  if (!words.length) return [];
  const out = [words];
  let k = 0;
  while (k < words.length - 1 && BE.has(words[k]!)) k++;
  while (k < words.length - 1 && ['a', 'an', 'the'].includes(words[k]!)) k++;
  if (k > 0) out.push(words.slice(k));
  return out;
}

export function findRelations(
  text: string,
  tokens: Token[],
  sentences: Sentence[],
  found: MatchedMention[],
  candidates: { spans: CandidateSpan[] },
  context: ExtractionContext,
): RelationSuggestion[] {
  if (!context.relationTypes.length) return [];
  const index = phraseIndex(context.relationTypes);
  const typeDefs = new Map(context.relationTypes.map((t) => [t.id, t]));
  const ends = allEnds(tokens, found, candidates.spans);
  const asides = asidePositions(text);
  // Per-token scratch shared by the sentences (one allocation per document, not per sentence).
  const buffers = { group: new Int32Array(tokens.length), endAt: new Int32Array(tokens.length).fill(-1) };
  const dates = new DocumentDates(text, context.publishedOn);
  const out: RelationSuggestion[] = [];
  let e = 0;
  let t = 0;
  let a = 0;
  for (const sentence of bounded(tokens, sentences)) {
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    const tFirst = t;
    while (t < tokens.length && tokens[t]!.start < sentence.end) t++;
    while (e < ends.length && ends[e]!.start < sentence.start) e++;
    const eFirst = e;
    while (e < ends.length && ends[e]!.start < sentence.end) e++;
    while (a < asides.length && asides[a]! < sentence.start) a++;
    if (e - eFirst < 2) continue;
    const local = new SentenceReader(
      text,
      tokens,
      tFirst,
      t,
      ends.slice(eFirst, e),
      sentence,
      asides,
      a,
      buffers,
    );
    const pairs = local.pairs(index, typeDefs);
    if (pairs.length) out.push(...toSuggestions(text, sentence, pairs, typeDefs, dates));
  }
  return out;
}

/**
 * Sentences of at most MAX_SENTENCE_WORDS words: a longer one (a table, text with no full stops) is cut into
 * passages of that many, so that the search for a phrase's ends, linear in a sentence's names, stays linear in
 * the text.
 */
function bounded(tokens: Token[], sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let t = 0;
  for (const sentence of sentences) {
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    const first = t;
    while (t < tokens.length && tokens[t]!.start < sentence.end) t++;
    if (t - first <= MAX_SENTENCE_WORDS) {
      out.push(sentence);
      continue;
    }
    for (let k = first; k < t; k += MAX_SENTENCE_WORDS) {
      const last = Math.min(t, k + MAX_SENTENCE_WORDS) - 1;
      out.push({ start: tokens[k]!.start, end: last + 1 === t ? sentence.end : tokens[last]!.end });
    }
  }
  return out;
}

/** Where brackets and em or en dashes are, in text order. */
function asidePositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 41 || c === 91 || c === 93 || c === 0x2014 || c === 0x2013) out.push(i);
  }
  return out;
}

function allEnds(tokens: Token[], found: MatchedMention[], spans: CandidateSpan[]): End[] {
  // One reference and id per entity, however often it is mentioned.
  const named = new Map<number, { ref: RelationEnd; id: string }>();
  const dedup: End[] = [];
  for (const m of found) {
    // Two entities for one ambiguous span: keep the first as the relation end.
    if (dedup.length && dedup[dedup.length - 1]!.start === m.start) continue;
    let entity = named.get(m.entityId);
    if (!entity) named.set(m.entityId, (entity = { ref: { entityId: m.entityId }, id: `e${m.entityId}` }));
    dedup.push({
      first: m.first,
      last: m.last,
      start: m.start,
      end: m.end,
      kind: m.type,
      ref: entity.ref,
      id: entity.id,
      score: m.score,
      possessive: tokens[m.last]!.possessive,
      group: 0,
    });
  }
  // Candidates overlapping a known mention are left out (both lists are in text order).
  let k = 0;
  const known = dedup.length;
  for (const c of spans) {
    while (k < known && dedup[k]!.end <= c.start) k++;
    if (k < known && dedup[k]!.start < c.end) continue;
    dedup.push({
      first: c.first,
      last: c.last,
      start: c.start,
      end: c.end,
      kind: c.type,
      ref: { name: c.name },
      id: `n:${c.name.toLowerCase()}`,
      score: c.score,
      possessive: tokens[c.last]!.possessive,
      group: 0,
    });
  }
  return dedup.sort((a, b) => a.start - b.start);
}

function toSuggestions(
  text: string,
  sentence: Sentence,
  pairs: Pair[],
  typeDefs: Map<string, RelationTypeDef>,
  documentDates: DocumentDates,
): RelationSuggestion[] {
  const best = new Map<string, Pair>();
  for (const pair of pairs) {
    if (pair.source.id === pair.target.id) continue;
    const kinds = END_KINDS[pair.type];
    if (kinds?.sameKind && pair.source.kind !== pair.target.kind) continue;
    const symmetric = typeDefs.get(pair.type)?.symmetric;
    const ends = symmetric
      ? [pair.source.id, pair.target.id].sort().join('~')
      : `${pair.source.id}>${pair.target.id}`;
    const key = `${pair.type}:${ends}`;
    const seen = best.get(key);
    if (!seen || pair.score > seen.score) best.set(key, pair);
  }
  if (!best.size) return [];
  let dates: DateMention[] | null = null;
  const out: RelationSuggestion[] = [];
  for (const [key, pair] of best) {
    dates ??= documentDates.in(sentence.start, sentence.end);
    const date = dateFor(text, sentence, dates, pair);
    const oneOff = pair.type === 'claimed' || pair.type === 'carried_out' || pair.type === 'targeted_by';
    const suggestion: RelationSuggestion = {
      kind: 'relation',
      type: pair.type,
      source: { ...pair.source.ref },
      target: { ...pair.target.ref },
      sourceSpan: [pair.source.start, pair.source.end],
      targetSpan: [pair.target.start, pair.target.end],
      score: Math.round(Math.min(1, pair.score) * 1000) / 1000,
      start: sentence.start,
      end: sentence.end,
      text: text.slice(sentence.start, sentence.end),
      key: `relation:${sentence.start}:${key}`,
      cue: pair.cue,
    };
    if (date?.startDate) suggestion.startDate = date.startDate;
    if (date?.endDate) suggestion.endDate = date.endDate;
    if (date && oneOff && date.mode === 'point' && date.startDate) suggestion.endDate = date.startDate;
    out.push(suggestion);
  }
  return out;
}

/**
 * The date of a relation: the nearest one in the phrase's own clause, or else one put at the front of the
 * sentence ("In 2015, …", "Since 2017 …"), which dates the whole sentence. A noun pattern takes only the latter.
 */
function dateFor(
  text: string,
  sentence: Sentence,
  dates: DateMention[],
  pair: Pair,
): DateMention | undefined {
  let best: DateMention | undefined;
  let distance = Infinity;
  for (const d of dates) {
    const fronted =
      d.start - sentence.start <= 16 && /^\W*(?:\p{L}+\s+){0,2}$/u.test(text.slice(sentence.start, d.start));
    if (fronted && (pair.noun || !best)) {
      best = d;
      distance = pair.noun ? 0 : Infinity;
      continue;
    }
    if (pair.noun) continue;
    const [from, to] = d.end <= pair.at ? [d.end, pair.at] : [pair.at, d.start];
    if (CLAUSE_BREAK_ONCE.test(text.slice(from, to))) continue;
    const dist = to - from;
    if (dist < distance) {
      distance = dist;
      best = d;
    }
  }
  return best;
}
