// Candidate relations: in each sentence, the phrases of the vocabulary (phrases.ts, plus every type's "reads as"
// words) and the mentions around them. Direction comes from the phrase (active or passive, "X, led by Y"), the
// ends are the nearest mentions of the right kind on each side, taken with the list they stand in ("AQIM,
// MUJAO, and Ansar al Dine"), skipping asides in brackets or dashes and possessive modifiers ("Nigeria’s Boko
// Haram"). A few noun patterns add the relations that have no verb: "Al Murabitoun’s Mokhtar bel Mokhtar",
// "then-MUJAO figure Abu Walid al Sahrawi", "the best financed Al Qaeda affiliate".
import type { CandidateSpan } from './candidates';
import { DocumentDates, type DateMention } from './dates';
import type { MatchedMention } from './matcher';
import { DEFAULT_PHRASES, END_KINDS, GROUP_NOUNS, ROLE_NOUNS, type Phrase } from './phrases';
import type { Sentence } from './sentences';
import { normWord, type Token } from './tokens';
import type { ExtractionContext, RelationEnd, RelationSuggestion, RelationTypeDef } from './types';

interface End {
  first: number;
  last: number;
  start: number;
  end: number;
  kind: string;
  ref: RelationEnd;
  /** Identity of what it names: e12 for entity 12, n:name for a new name. */
  id: string;
  score: number;
  possessive: boolean;
  /** Bracket or dash aside it sits in (0: none). */
  group: number;
}

interface Pair {
  type: string;
  source: End;
  target: End;
  score: number;
  /** Where the phrase is, to pick the nearest date. */
  at: number;
}

const BE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', 'has', 'have', 'had']);
const SKIPPABLE = new Set([
  'also',
  'then',
  'later',
  'reportedly',
  'allegedly',
  'already',
  'still',
  'now',
  'once',
  'first',
  'formally',
  'publicly',
  'jointly',
  'effectively',
  'primarily',
  'reportedly',
  'subsequently',
  'eventually',
  'officially',
  'openly',
]);
const FUNCTION_WORDS = new Set([
  'and',
  'or',
  'but',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'in',
  'of',
  'to',
  'for',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'which',
  'who',
  'whose',
  'that',
  'also',
  'will',
  'would',
  'may',
  'might',
  'can',
  'could',
  'said',
  'says',
  'the',
  'a',
  'an',
  'its',
  'their',
  'then',
  'now',
  'since',
  'into',
  'after',
  'before',
  'during',
  'until',
  'while',
  'if',
  'nor',
  'not',
  'did',
  'does',
  'do',
]);
const LIST_GAP =
  /^\s*(?:,|;)?\s*(?:(?:and\/or|and|or|&|nor|as well as|along with|together with|plus)\s+)?(?:the\s+)?$|^\s*\/\s*$/i;
const INCLUDING = /^\s*\(\s*(?:including|notably|especially|such as|and)\b/i;
const WINDOW_LEFT = 40;
const WINDOW_RIGHT = 30;

/** What a word can start: phrases, and whether it is a role or group noun ("figure", "affiliate"). */
interface Trigger {
  phrases: Phrase[];
  noun: boolean;
}

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
        phrases.push({ type: t.id, mode: 'forward', words, score: END_KINDS[t.id] ? 0.75 : 0.6 });
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
  const dates = new DocumentDates(text, context.publishedOn);
  const out: RelationSuggestion[] = [];
  let e = 0;
  let t = 0;
  let a = 0;
  for (const sentence of sentences) {
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    const tFirst = t;
    while (t < tokens.length && tokens[t]!.start < sentence.end) t++;
    while (e < ends.length && ends[e]!.start < sentence.start) e++;
    const eFirst = e;
    while (e < ends.length && ends[e]!.start < sentence.end) e++;
    while (a < asides.length && asides[a]! < sentence.start) a++;
    if (e - eFirst < 2) continue;
    const local = new SentenceReader(text, tokens, tFirst, t, ends.slice(eFirst, e), sentence, asides, a);
    const pairs = local.pairs(index, typeDefs);
    if (pairs.length) out.push(...toSuggestions(text, sentence, pairs, typeDefs, dates));
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
  const ends: End[] = found.map((m) => ({
    first: m.first,
    last: m.last,
    start: m.start,
    end: m.end,
    kind: m.type,
    ref: { entityId: m.entityId },
    id: `e${m.entityId}`,
    score: m.score,
    possessive: tokens[m.last]!.possessive,
    group: 0,
  }));
  // Two entities for one ambiguous span: keep the first as the relation end.
  const dedup = ends.filter((x, i) => i === 0 || ends[i - 1]!.start !== x.start);
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

/** One sentence's tokens and ends, with the asides (brackets, dash pairs) each sits in. */
class SentenceReader {
  private readonly groupOfToken: Int32Array;
  /** For each aside: the token right before it opens. */
  private readonly groupOpener = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly tFirst: number,
    private readonly tEnd: number,
    private readonly ends: End[],
    private readonly sentence: Sentence,
    private readonly asides: number[],
    private readonly firstAside: number,
  ) {
    this.groupOfToken = new Int32Array(tEnd - tFirst);
    this.markGroups();
    for (const end of ends) end.group = this.groupOf(end.first);
  }

  private groupOf(token: number): number {
    return this.groupOfToken[token - this.tFirst] ?? 0;
  }

  /** Brackets nest; an em or en dash opens an aside that the next one (or the sentence's end) closes. */
  private markGroups(): void {
    const { text, tokens, tFirst, tEnd, asides } = this;
    const { end } = this.sentence;
    if (this.firstAside >= asides.length || asides[this.firstAside]! >= end) return;
    let next = 1;
    const stack: number[] = [];
    let dash = 0;
    let k = tFirst;
    for (let q = this.firstAside; q < asides.length && asides[q]! < end; q++) {
      const at = asides[q]!;
      while (k < tEnd && tokens[k]!.start <= at) {
        this.groupOfToken[k - tFirst] = stack.length ? stack[stack.length - 1]! : dash;
        k++;
      }
      const c = text[at];
      if (c === '(' || c === '[') {
        const id = next++;
        this.groupOpener.set(id, k - 1);
        stack.push(id);
      } else if ((c === ')' || c === ']') && stack.length) stack.pop();
      else if ((c === '—' || c === '–') && !stack.length && !/\d/.test(text[at - 1] ?? '')) {
        if (dash) dash = 0;
        else {
          dash = next++;
          this.groupOpener.set(dash, k - 1);
        }
      }
    }
    for (; k < tEnd; k++) this.groupOfToken[k - tFirst] = stack.length ? stack[stack.length - 1]! : dash;
  }

  /** Every relation the sentence states: phrases first, then noun patterns. */
  pairs(index: Map<string, Trigger>, typeDefs: Map<string, RelationTypeDef>): Pair[] {
    const roles: number[] = [];
    const pairs = this.phrasePairs(index, typeDefs, roles);
    this.nounPairs(typeDefs, roles, pairs);
    return pairs;
  }

  private phrasePairs(
    index: Map<string, Trigger>,
    typeDefs: Map<string, RelationTypeDef>,
    roles: number[],
  ): Pair[] {
    const pairs: Pair[] = [];
    for (let p = this.tFirst; p < this.tEnd; p++) {
      const trigger = index.get(this.tokens[p]!.norm);
      if (!trigger) continue;
      if (trigger.noun) roles.push(p);
      const options = trigger.phrases;
      if (!options.length) continue;
      let longest = -1;
      const matched: { phrase: Phrase; last: number }[] = [];
      for (const phrase of options) {
        if (phrase.words.length < longest) break;
        const last = this.matchPhrase(p, phrase);
        if (last < 0) continue;
        const length = phrase.words.length;
        if (length > longest) {
          longest = length;
          matched.length = 0;
        }
        matched.push({ phrase, last });
      }
      if (!matched.length) continue;
      for (const { phrase, last } of matched) {
        if (!typeDefs.has(phrase.type)) continue;
        pairs.push(...this.apply(phrase, p, last, typeDefs));
      }
      p = matched[0]!.last;
    }
    return pairs;
  }

  /** The phrase's last token when it starts at p, or -1. Adverbs may sit between its words. */
  private matchPhrase(p: number, phrase: Phrase): number {
    const { tokens, tEnd } = this;
    let k = p;
    for (let w = 0; w < phrase.words.length; w++) {
      const word = phrase.words[w]!;
      if (word === '*') {
        // Up to two words, then the rest of the phrase.
        for (let skip = 0; skip <= 2; skip++) {
          const rest = { ...phrase, words: phrase.words.slice(w + 1) };
          if (k + skip >= tEnd) break;
          const last = this.matchPhrase(k + skip, rest);
          if (last >= 0) return last;
        }
        return -1;
      }
      if (w > 0) while (k < tEnd && SKIPPABLE.has(tokens[k]!.norm) && tokens[k]!.norm !== word) k++;
      if (k >= tEnd) return -1;
      const norm = tokens[k]!.norm;
      if (word.endsWith('*') ? !norm.startsWith(word.slice(0, -1)) : norm !== word) return -1;
      if (
        w < phrase.words.length - 1 &&
        !spacesOrHyphens(this.text, tokens[k]!.end, tokens[k + 1]?.start ?? tokens[k]!.end)
      ) {
        return -1; // a comma or full stop inside the phrase
      }
      k++;
    }
    const last = k - 1;
    if (phrase.hyphenated && !tokens[p - 1]?.hyphenNext) return -1;
    if (phrase.notBefore && tokens[last + 1] && phrase.notBefore.includes(tokens[last + 1]!.norm)) return -1;
    return last;
  }

  private apply(phrase: Phrase, p: number, last: number, typeDefs: Map<string, RelationTypeDef>): Pair[] {
    const kinds = END_KINDS[phrase.type];
    const sourceKinds = kinds?.source;
    const targetKinds = kinds?.target;
    const group = this.groupOf(p);
    let mode = phrase.mode;
    if (phrase.verb && mode === 'forward' && this.isPassive(p, last)) mode = 'reverse';

    if (mode === 'between') {
      const first = this.nearestRight(last, group, sourceKinds, phrase.adjacent);
      if (!first) return [];
      const list = this.listFrom(first, 1, sourceKinds);
      const out: Pair[] = [];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) out.push(this.pair(phrase, list[i]!, list[j]!, p, 0));
      }
      return typeDefs.get(phrase.type)?.symmetric ? out : [];
    }
    if (mode === 'merger') {
      const first = this.nearestRight(last, group, sourceKinds, false);
      if (!first) return [];
      const sources = this.listFrom(first, 1, sourceKinds);
      const ids = new Set(sources.map((s) => s.id));
      let target = this.nearestLeft(p, group, targetKinds, false, ids);
      if (!target) {
        const after = this.ends.filter((x) => x.first > sources[sources.length - 1]!.last && !ids.has(x.id));
        target = after.find((x) => !targetKinds || targetKinds.includes(x.kind as never)) ?? null;
      }
      if (!target) return [];
      return sources.map((s, i) => this.pair(phrase, s, target, p, i));
    }
    if (mode === 'under') {
      const source = this.ends.find((x) => x.first > last && x.first <= last + 2);
      if (!source || (sourceKinds && !sourceKinds.includes(source.kind as never))) return [];
      const target = this.ends.find(
        (x) =>
          x.first > source.last &&
          x.first <= source.last + 4 &&
          (!targetKinds || targetKinds.includes(x.kind as never)),
      );
      return target ? [this.pair(phrase, source, target, p, 0)] : [];
    }

    const leftKinds = mode === 'forward' ? sourceKinds : targetKinds;
    const rightKinds = mode === 'forward' ? targetKinds : sourceKinds;
    let right = this.nearestRight(last, group, rightKinds, phrase.adjacent);
    let type = phrase.type;
    if (!right && phrase.placeFallback && typeDefs.has(phrase.placeFallback)) {
      // "claimed responsibility for attacks in Algeria": no event named, but the places are.
      type = phrase.placeFallback;
      const fallback = END_KINDS[type]!;
      const placeSide = mode === 'forward' ? fallback.target : fallback.source;
      right = this.nearestRight(last, group, placeSide, phrase.adjacent);
      if (!right) return [];
      const actorKinds = mode === 'forward' ? fallback.source : fallback.target;
      const left = this.nearestLeft(p, group, actorKinds, phrase.adjacent);
      if (!left) return [];
      return this.pairsOf(
        { ...phrase, type, score: phrase.score * 0.8 },
        mode,
        left,
        right,
        actorKinds,
        placeSide,
        p,
      );
    }
    if (!right) return [];
    let left = this.nearestLeft(p, group, leftKinds, phrase.adjacent, new Set([right.id]));
    if (!left && phrase.lookAhead && mode === 'forward') {
      // "The leader of AQIM, Droukdel, …" / "The most known leader in Al Murabitoun is Mokhtar bel Mokhtar".
      const after = this.nearestRight(right.last, group, leftKinds, false, new Set([right.id]));
      if (after && after.first - right.last <= 6) left = after;
    }
    if (!left) return [];
    return this.pairsOf(phrase, mode, left, right, leftKinds, rightKinds, p);
  }

  private pairsOf(
    phrase: Phrase,
    mode: string,
    left: End,
    right: End,
    leftKinds: readonly string[] | undefined,
    rightKinds: readonly string[] | undefined,
    p: number,
  ): Pair[] {
    const lefts = left.first < right.first ? this.listFrom(left, -1, leftKinds) : [left];
    const rights = this.listFrom(right, 1, rightKinds);
    const out: Pair[] = [];
    lefts.forEach((l, i) => {
      rights.forEach((r, j) => {
        const [source, target] = mode === 'forward' ? [l, r] : [r, l];
        out.push(this.pair(phrase, source, target, p, i + j));
      });
    });
    return out;
  }

  private pair(phrase: Phrase, source: End, target: End, at: number, listPosition: number): Pair {
    const distance = Math.min(Math.abs(source.first - at), Math.abs(target.first - at));
    const score =
      phrase.score *
      ((source.score + target.score) / 2) *
      Math.max(0.5, 1 - 0.01 * distance) *
      (listPosition ? 0.9 : 1);
    return { type: phrase.type, source, target, score, at: this.tokens[at]!.start };
  }

  /** "X was founded in 2002 by Y": a verb after be, with "by" before the next mention. */
  private isPassive(p: number, last: number): boolean {
    let k = p - 1;
    while (k >= this.tFirst && SKIPPABLE.has(this.tokens[k]!.norm)) k--;
    if (k < this.tFirst || !BE.has(this.tokens[k]!.norm)) return false;
    const nextEnd = this.ends.find((x) => x.first > last);
    for (let j = last + 1; j < this.tEnd && j <= last + 5; j++) {
      if (nextEnd && j >= nextEnd.first) return false;
      if (this.tokens[j]!.norm === 'by') return true;
    }
    return false;
  }

  private fits(end: End, kinds: readonly string[] | undefined, exclude?: Set<string>): boolean {
    return (!kinds || kinds.includes(end.kind)) && !exclude?.has(end.id);
  }

  /** The nearest end of a fitting kind left of token p, in the same aside; possessive modifiers and finished
   * asides are passed over. Inside an aside with nothing that fits, the name the aside describes. */
  private nearestLeft(
    p: number,
    group: number,
    kinds: readonly string[] | undefined,
    adjacent?: boolean,
    exclude?: Set<string>,
  ): End | null {
    for (let k = this.ends.length - 1; k >= 0; k--) {
      const end = this.ends[k]!;
      if (end.last >= p) continue;
      if (p - end.last > (adjacent ? 4 : WINDOW_LEFT)) break;
      if (end.group !== group) continue;
      if (end.possessive && !adjacent) continue;
      if (this.fits(end, kinds, exclude)) return end;
    }
    if (group) {
      const opener = this.groupOpener.get(group);
      if (opener !== undefined && opener >= this.tFirst) {
        const head = this.ends.find((x) => x.last === opener);
        if (head && this.fits(head, kinds, exclude)) return head;
      }
    }
    return null;
  }

  /** The nearest end of a fitting kind right of token p, in the same aside (or an aside opened after p);
   * a possessive or attributive name ("AQIM’s Droukdel", "two AQIM breakaway factions, X") gives way to
   * the head that follows it. */
  private nearestRight(
    p: number,
    group: number,
    kinds: readonly string[] | undefined,
    adjacent?: boolean,
    exclude?: Set<string>,
  ): End | null {
    let fallback: End | null = null;
    for (const end of this.ends) {
      if (end.first <= p) continue;
      if (end.first - p > (adjacent ? 4 : WINDOW_RIGHT)) break;
      if (end.group !== group && group) break;
      if (end.group !== group && end.group !== this.groupOf(p + 1)) continue;
      if (!this.fits(end, kinds, exclude)) continue;
      if (!adjacent && (end.possessive || this.attributive(end))) {
        fallback ??= end;
        continue;
      }
      return end;
    }
    return fallback;
  }

  /** A name used as a modifier: followed by a lower-case noun ("AQIM figures", "U.S. officials"). */
  private attributive(end: End): boolean {
    const next = this.tokens[end.last + 1];
    if (!next || next.cap || end.last + 1 >= this.tEnd) return false;
    const gap = this.text.slice(this.tokens[end.last]!.end, next.start);
    if (gap !== ' ') return false;
    return !FUNCTION_WORDS.has(next.norm) && !/(?:ed|ly)$/.test(next.norm) && !SKIPPABLE.has(next.norm);
  }

  /** The end with the list it heads, walking left (-1) or right (1): "A, B, and C", "A/B", "A along with B". */
  private listFrom(start: End, direction: 1 | -1, kinds: readonly string[] | undefined): End[] {
    const list = [start];
    const at = this.ends.indexOf(start);
    let current = start;
    for (let k = at + direction; k >= 0 && k < this.ends.length; k += direction) {
      const next = this.ends[k]!;
      const [a, b] = direction === 1 ? [current, next] : [next, current];
      let gap = this.text.slice(a.end, b.start);
      if (a.possessive) gap = gap.replace(/^['’ʼ]s/, '');
      if (next.id === current.id) {
        current = next; // "Islamic State (IS)", "Al Murabitoun (“The Sentinels,”": the same name again
        continue;
      }
      // An aside after an item is passed over: "Algeria (including … Tindouf), Niger, and Mali".
      const closed = gap.replace(/^\s*\([^()]*\)/, '').replace(/^\s*\(\s*[“"]?[^()]*[”"]?\)/, '');
      if (direction === 1 && INCLUDING.test(gap) && this.fits(next, kinds)) {
        list.push(next);
        continue; // current stays: the list goes on after the bracket closes
      }
      const separator = LIST_GAP.test(gap)
        ? gap
        : LIST_GAP.test(closed)
          ? closed
          : LIST_GAP.test(gap.replace(/^[\s)”"]*\)/, ''))
            ? gap
            : null;
      if (separator === null || !this.fits(next, kinds)) break;
      if (next.group !== start.group && !(direction === 1 && /\)/.test(gap))) break;
      list.push(next);
      current = next;
    }
    return list;
  }

  /** Relations with no verb: possessives, "X of Y", role nouns ("MUJAO figure X") and group nouns. */
  private nounPairs(typeDefs: Map<string, RelationTypeDef>, roles: number[], pairs: Pair[]): void {
    const make = nounPair.bind(null, pairs, typeDefs);
    const { ends, tokens, text } = this;
    for (let k = 0; k + 1 < ends.length; k++) {
      const a = ends[k]!;
      const b = ends[k + 1]!;
      const gapWords = b.first - a.last - 1;
      if (a.possessive && gapWords <= 2) {
        const between = tokens.slice(a.last + 1, b.first);
        const plain = between.every(
          (t) => (!FUNCTION_WORDS.has(t.norm) || t.norm === 'then') && !ROLE_NOUNS.has(t.norm),
        );
        // "Al Murabitoun’s Mokhtar bel Mokhtar", "Amadou Kouffa’s Katiba Macina", "Nigeria’s Boko Haram".
        if (plain && a.kind === 'organization' && b.kind === 'person') make('member_of', b, a, a.start);
        else if (plain && a.kind === 'person' && b.kind === 'organization') make('member_of', a, b, a.start);
        else if (plain && a.kind === 'location' && b.kind === 'organization')
          make('operates_in', b, a, a.start);
      }
      if (a.kind === 'person' && gapWords <= 2 && /^\s+of\s+(the\s+)?$/.test(text.slice(a.end, b.start))) {
        make('member_of', a, b, a.start); // "Ag Ghaly of Ansar al Dine"
      }
    }
    for (const p of roles) {
      const norm = tokens[p]!.norm;
      const role = ROLE_NOUNS.get(norm);
      const groupNoun = GROUP_NOUNS.get(norm);
      // The group named right before the noun: "AQIM figure", "Al Qaeda’s then-deputy leader", "its AQIM rival".
      const org = lastEndBefore(ends, p);
      if (!org || org.kind !== 'organization' || p - org.last > 3) continue;
      if (role) {
        if (norm === 'deputy' && tokens[p + 1] && ROLE_NOUNS.has(tokens[p + 1]!.norm)) continue;
        const deputy = tokens.slice(org.last + 1, p).some((t) => t.norm === 'deputy');
        const after = ends.find((x) => x.first > p && x.first <= p + 2 && x.kind === 'person');
        const person = after ?? lastEndBefore(ends, org.first, (x) => x.kind === 'person', 14);
        if (person) make(deputy ? 'member_of' : role, person, org, tokens[p]!.start);
      } else if (groupNoun) {
        const other = lastEndBefore(
          ends,
          org.first,
          (x) => x.kind === 'organization' && x.id !== org.id,
          WINDOW_LEFT,
        );
        const symmetric = typeDefs.get(groupNoun)?.symmetric;
        if (other) make(groupNoun, other, org, tokens[p]!.start, symmetric ? 0.6 : 0.55);
      }
    }
  }
}

/** A relation from a noun pattern, when the vocabulary has the type and the ends are of its kinds. */
function nounPair(
  pairs: Pair[],
  typeDefs: Map<string, RelationTypeDef>,
  type: string,
  source: End,
  target: End,
  at: number,
  score = 0.6,
): void {
  if (!typeDefs.has(type) || source.id === target.id) return;
  const kinds = END_KINDS[type];
  if (kinds && (!kinds.source.includes(source.kind as never) || !kinds.target.includes(target.kind as never)))
    return;
  pairs.push({ type, source, target, score: score * ((source.score + target.score) / 2), at });
}

function spacesOrHyphens(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 0xa0 && c !== 10 && c !== 0x2010 && c !== 0x2011) return false;
  }
  return true;
}

/** The last end before token p (that passes `test`, within `window` tokens). */
function lastEndBefore(
  ends: End[],
  p: number,
  test?: (end: End) => boolean,
  window = Infinity,
): End | undefined {
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k]!;
    if (end.last >= p) continue;
    if (p - end.last > window) return undefined;
    if (!test || test(end)) return end;
  }
  return undefined;
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
    const date = nearest(dates, pair.at);
    const oneOff = pair.type === 'claimed' || pair.type === 'carried_out' || pair.type === 'targeted_by';
    const suggestion: RelationSuggestion = {
      kind: 'relation',
      type: pair.type,
      source: pair.source.ref,
      target: pair.target.ref,
      sourceSpan: [pair.source.start, pair.source.end],
      targetSpan: [pair.target.start, pair.target.end],
      score: Math.round(Math.min(1, pair.score) * 1000) / 1000,
      start: sentence.start,
      end: sentence.end,
      text: text.slice(sentence.start, sentence.end),
      key: `relation:${sentence.start}:${key}`,
    };
    if (date?.startDate) suggestion.startDate = date.startDate;
    if (date?.endDate) suggestion.endDate = date.endDate;
    if (date && oneOff && date.mode === 'point' && date.startDate) suggestion.endDate = date.startDate;
    out.push(suggestion);
  }
  return out;
}

function nearest(dates: DateMention[], at: number): DateMention | undefined {
  let best: DateMention | undefined;
  let distance = Infinity;
  for (const d of dates) {
    const dist = d.end <= at ? at - d.end : Math.max(0, d.start - at);
    if (dist < distance) {
      distance = dist;
      best = d;
    }
  }
  return best;
}
