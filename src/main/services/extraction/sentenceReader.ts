// Reading one sentence for a relation phrase: which names are its ends. The nearest names of the right kind on
// each side, taken with the list they stand in ("AQIM, MUJAO, and Ansar al Dine"), passing over asides in
// brackets or dashes, possessive and attributive names ("Nigeria’s Boko Haram", "AQIM figures"), places after a
// preposition; a phrase describing an unnamed noun ("a group linked to the GSPC") gives nothing. Noun patterns
// give the relations with no verb: "Al Murabitoun’s Mokhtar bel Mokhtar", "then-MUJAO figure Abu Walid".
import { END_KINDS, GROUP_NOUNS, ROLE_NOUNS, type Phrase } from './phrases';
import type { Sentence } from './sentences';
import {
  BE,
  SKIPPABLE,
  FUNCTION_WORDS,
  AUXILIARIES,
  CLAUSE_VERBS,
  NOUN_PHRASE_START,
  PREPOSITIONS,
  FRONTED,
  FORMED,
  BODY_NOUNS,
  PRONOUN_OWNERS,
  CLAUSE_OPENERS,
  RELATIVE,
  LIST_ING,
  ADJECTIVE_BEFORE,
  LIST_GAP,
  LOCATIVE_GAP,
  INCLUDING,
  CLAUSE_BREAK,
  WINDOW_LEFT,
  WINDOW_RIGHT,
} from './syntax';
import type { Token } from './tokens';
import type { RelationEnd, RelationTypeDef } from './types';

export interface End {
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

export interface Pair {
  type: string;
  source: End;
  target: End;
  score: number;
  /** Where the phrase is, to pick the nearest date. */
  at: number;
  cue: string;
  /** Found by a noun pattern (no verb): it takes only a date put at the front of the sentence. */
  noun: boolean;
}

/** What a word can start: phrases, and whether it is a role or group noun ("figure", "affiliate"). */
export interface Trigger {
  phrases: Phrase[];
  noun: boolean;
}

/** One sentence's tokens and ends, with the asides (brackets, dash pairs) each sits in. */
export class SentenceReader {
  private readonly groupOfToken: Int32Array;
  /** For each token, the index in `ends` of the name that covers it, or -1. */
  private readonly endAt: Int32Array;
  /** For each aside: the token right before it opens. */
  /** For each aside (by id), the token right before it opens. */
  private readonly groupOpener: number[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly tFirst: number,
    private readonly tEnd: number,
    private readonly ends: End[],
    private readonly sentence: Sentence,
    private readonly asides: number[],
    private readonly firstAside: number,
    buffers: { group: Int32Array; endAt: Int32Array },
  ) {
    this.groupOfToken = buffers.group.subarray(tFirst, tEnd);
    this.groupOfToken.fill(0);
    this.endAt = buffers.endAt.subarray(tFirst, tEnd);
    this.endAt.fill(-1);
    for (let k = 0; k < ends.length; k++)
      this.endAt.fill(k, ends[k]!.first - tFirst, ends[k]!.last - tFirst + 1);
    this.markGroups();
    for (const end of ends) end.group = this.groupOf(end.first);
  }

  /** The end covering a token of this sentence. */
  private endCovering(token: number): End | undefined {
    const k = this.endAt[token - this.tFirst];
    return k === undefined || k < 0 ? undefined : this.ends[k];
  }

  /** The end whose last token is this one. */
  private endEndingAt(token: number): End | undefined {
    const end = this.endCovering(token);
    return end && end.last === token ? end : undefined;
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
        this.groupOpener[id] = k - 1;
        stack.push(id);
      } else if ((c === ')' || c === ']') && stack.length) stack.pop();
      else if ((c === '—' || (c === '–' && /\s/.test(text[at - 1]! + text[at + 1]!))) && !stack.length) {
        // An em dash opens or closes an aside; an en dash only with a space beside it ("Algeria–Tunisia" is one
        // border, "2012–17" one range).
        if (dash) dash = 0;
        else {
          dash = next++;
          this.groupOpener[dash] = k - 1;
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
    if (phrase.verb) {
      // "the best financed Al Qaeda affiliate": an adjective, not a verb.
      if (ADJECTIVE_BEFORE.has(this.tokens[p - 1]?.norm ?? '')) return [];
      if (mode === 'forward' && this.isPassive(p, last)) mode = 'reverse';
    }

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
      return target ? [this.pair(phrase, source, target, p, 0, true)] : [];
    }

    if (phrase.type === 'merged_into' && phrase.words[0]!.startsWith('merg') && phrase.words[1] === 'with') {
      const formed = this.formedGroup(p, targetKinds);
      if (formed) {
        // "X, formed in 2013 when A merged with B": both merged into X.
        const a = this.nearestLeft(p, group, sourceKinds, false, formed.id);
        const b = this.nearestRight(last, group, sourceKinds, false, formed.id);
        return [a, b].filter((x): x is End => !!x).map((x) => this.pair(phrase, x, formed, p, 0));
      }
    }

    const forward = mode === 'forward';
    const leftKinds = forward ? sourceKinds : targetKinds;
    const rightKinds = forward ? targetKinds : sourceKinds;
    if (phrase.placeFallback && typeDefs.has(phrase.placeFallback)) {
      // "claimed responsibility for attacks in Algeria": no event named, but the places are.
      const event = forward
        ? this.nearestRight(last, group, targetKinds)
        : this.nearestLeft(p, group, targetKinds);
      if (!event) return this.placeFallback(phrase, forward, p, last, group);
    }

    const right = this.nearestRight(last, group, rightKinds, phrase.adjacent);
    if (!right) return [];
    let left: End | null;
    const subject = phrase.modifier && !phrase.adjacent ? this.subjectOfModifier(p) : undefined;
    if (subject === null) {
      // "a group linked to the GSPC": the phrase describes an unnamed noun. "Groups linked to X include A…".
      const included = this.included(right, rightKinds, leftKinds);
      if (!included) return [];
      left = included;
    } else {
      left =
        subject && this.fits(subject, leftKinds, right.id)
          ? subject
          : this.nearestLeft(p, group, leftKinds, phrase.adjacent, right.id);
    }
    // "X split from Y and pledged allegiance to Z": the subject carries over the "and".
    const previous = this.previous;
    if (
      left &&
      previous &&
      left.id === previous.target.id &&
      this.afterAnd(p) &&
      this.fits(previous.source, leftKinds)
    ) {
      left = previous.source;
    }
    if (!left && phrase.lookAhead && forward) {
      // "The leader of AQIM, Droukdel, …" / "The most known leader in Al Murabitoun is Mokhtar bel Mokhtar".
      const after = this.nearestRight(right.last, group, leftKinds, false, right.id);
      if (after && after.first - right.last <= 6) left = after;
    }
    if (!left) return [];
    const pairs = this.pairsOf(phrase, mode, left, right, leftKinds, rightKinds, p);
    if (pairs.length) this.previous = { source: pairs[0]!.source, target: pairs[0]!.target };
    return pairs;
  }

  private previous: { source: End; target: End } | null = null;

  /** operates_in between the actor and every place on the event's side ("attacks in Algeria, Niger and Mali"). */
  private placeFallback(phrase: Phrase, forward: boolean, p: number, last: number, group: number): Pair[] {
    const type = phrase.placeFallback!;
    const { source: actorKinds, target: placeKinds } = END_KINDS[type]!;
    const fallback = { ...phrase, type, score: phrase.score * 0.8 };
    if (forward) {
      const actor = this.nearestLeft(p, group, actorKinds);
      if (!actor) return [];
      const places: End[] = [];
      const clauseEnd = this.clauseEnd(last);
      // Every place named after the phrase: "attacks …, notably a siege … in Algeria and shootings … in Mali".
      for (let place = this.nearestRight(last, group, placeKinds, false, undefined, true); place;) {
        if (place.start >= clauseEnd) break;
        for (const x of this.listFrom(place, 1, placeKinds))
          if (!places.includes(x) && x.start < clauseEnd) places.push(x);
        place = this.nearestRight(places[places.length - 1]!.last, group, placeKinds, false, undefined, true);
      }
      if (!places.length) return [];
      return this.pairsOf(fallback, 'forward', actor, places[0] ?? actor, actorKinds, placeKinds, p, places);
    }
    // "Mogadishu has been hit by bombings attributed to al-Shabaab".
    const actor = this.nearestRight(last, group, actorKinds);
    const place = this.nearestLeft(p, group, placeKinds);
    return actor && place ? this.pairsOf(fallback, 'reverse', place, actor, placeKinds, actorKinds, p) : [];
  }

  /** Where the clause that token p is in ends: "…, but as forces cracked down, it moved into…". */
  private clauseEnd(p: number): number {
    const from = this.tokens[p]!.end;
    CLAUSE_BREAK.lastIndex = from;
    const match = CLAUSE_BREAK.exec(this.text);
    return match && match.index < this.sentence.end ? match.index : this.sentence.end;
  }

  /** Whether "and" (after adverbs) comes right before token p. */
  private afterAnd(p: number): boolean {
    let k = p - 1;
    while (k >= this.tFirst && SKIPPABLE.has(this.tokens[k]!.norm)) k--;
    return k >= this.tFirst && this.tokens[k]!.norm === 'and';
  }

  /**
   * For a phrase that describes a noun ("based in", "linked to", "attack in"): the name it describes when the
   * words before it lead back to one ("AQIM/Al Murabitoun hotel attack in"), null when they lead to an unnamed
   * noun ("a group linked to"), undefined when a verb comes first ("is active in", "X, based in"): then the
   * nearest name is the subject as usual.
   */
  private subjectOfModifier(p: number): End | null | undefined {
    let k = p - 1;
    while (k >= this.tFirst && SKIPPABLE.has(this.tokens[k]!.norm)) k--;
    for (let words = 0; k >= this.tFirst && words <= 6; k--, words++) {
      const t = this.tokens[k]!;
      const end = this.endCovering(k);
      // "the Westgate mall attack in": the phrase is part of a name, whose own subject is found as usual.
      if (end && end.last >= p) return end;
      if (end && end.kind === 'location' && this.attributive(end)) {
        k = end.first; // "the Sahara branch of": a place naming the unnamed body
        continue;
      }
      if (end) return end;
      const joined = wordGap(this.text, t.end, this.tokens[k + 1]!.start);
      if (!joined) return words === 0 ? undefined : null;
      if (AUXILIARIES.has(t.norm)) return undefined;
      if (NOUN_PHRASE_START.has(t.norm)) {
        const before = k > this.tFirst ? this.tokens[k - 1] : undefined;
        if (!before) return null;
        // "emerged as the militant youth wing of", "is an affiliate of": a predicate; the subject is further left.
        if (before.norm === 'as' || AUXILIARIES.has(before.norm)) return undefined;
        const gap = this.text.slice(before.end, t.start);
        // "X, a branch of Y": the name the noun phrase stands beside.
        if (/^\s*,\s*$/.test(gap)) return this.endEndingAt(k - 1) ?? null;
        if (/[—–(]/.test(gap)) return undefined; // an aside: its head, found by nearestLeft
        return null;
      }
    }
    return k < this.tFirst ? null : undefined;
  }

  /** "Groups linked to AQIM include Ansar al Dine": the name after "include" or "such as". */
  private included(
    right: End,
    rightKinds: readonly string[] | undefined,
    kinds: readonly string[] | undefined,
  ): End | null {
    const list = this.listFrom(right, 1, rightKinds);
    const after = list[list.length - 1]!.last;
    for (let k = after + 1; k < this.tEnd && k <= after + 3; k++) {
      const norm = this.tokens[k]!.norm;
      if (
        norm === 'include' ||
        norm === 'includes' ||
        norm === 'included' ||
        norm === 'including' ||
        (norm === 'such' && this.tokens[k + 1]?.norm === 'as')
      ) {
        return this.nearestRight(k, this.groupOf(k), kinds, false, new Set(list.map((x) => x.id)));
      }
    }
    return null;
  }

  private pairsOf(
    phrase: Phrase,
    mode: string,
    left: End,
    right: End,
    leftKinds: readonly string[] | undefined,
    rightKinds: readonly string[] | undefined,
    p: number,
    rights = this.listFrom(right, 1, rightKinds),
  ): Pair[] {
    const lefts = left.first < right.first ? this.listFrom(left, -1, leftKinds) : [left];
    const out: Pair[] = [];
    for (let i = 0; i < lefts.length; i++) {
      for (let j = 0; j < rights.length; j++) {
        const [source, target] = mode === 'forward' ? [lefts[i]!, rights[j]!] : [rights[j]!, lefts[i]!];
        out.push(this.pair(phrase, source, target, p, i + j));
      }
    }
    return out;
  }

  private pair(
    phrase: Phrase,
    source: End,
    target: End,
    at: number,
    listPosition: number,
    noun = false,
  ): Pair {
    const distance = Math.min(Math.abs(source.first - at), Math.abs(target.first - at));
    const score =
      phrase.score *
      ((source.score + target.score) / 2) *
      Math.max(0.5, 1 - 0.01 * distance) *
      (listPosition ? 0.9 : 1);
    return {
      type: phrase.type,
      source,
      target,
      score,
      at: this.tokens[at]!.start,
      cue: phrase.cue,
      noun,
    };
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

  private fits(end: End, kinds: readonly string[] | undefined, exclude?: Excluded): boolean {
    return (!kinds || kinds.includes(end.kind)) && !excluded(exclude, end.id);
  }

  /** The aside's head when it describes one: "Ansar al Dine—a group … a local front for AQIM—". */
  private asideHead(group: number): End | null {
    const opener = this.groupOpener[group];
    if (opener === undefined || opener < this.tFirst) return null;
    return this.endEndingAt(opener) ?? null;
  }

  private describesHead(group: number): boolean {
    const opener = this.groupOpener[group];
    const next = opener === undefined ? undefined : this.tokens[opener + 1];
    return !!next && ['a', 'an', 'the', 'one'].includes(next.norm);
  }

  /** The nearest end of a fitting kind left of token p, in the same aside; finished asides are passed over,
   * and the head of "X of Y" is X. A possessive is a modifier: its noun, unnamed, is what the phrase is about
   * ("Shekau’s loyalists broke away"), so the search stops there. Inside an aside that describes a name, that
   * name first. */
  private nearestLeft(
    p: number,
    group: number,
    kinds: readonly string[] | undefined,
    adjacent?: boolean,
    exclude?: Excluded,
  ): End | null {
    if (group && this.describesHead(group)) {
      const head = this.asideHead(group);
      if (head && this.fits(head, kinds, exclude)) return head;
    }
    if (!group && !adjacent) {
      const relative = this.relativeSubject(p);
      if (relative) return this.fits(relative, kinds, exclude) ? relative : null;
      const appositive = this.appositiveSubject(p);
      if (appositive) return this.fits(appositive, kinds, exclude) ? appositive : null;
      if (this.unnamedSubject(p)) return null;
    }
    for (let k = this.ends.length - 1; k >= 0; k--) {
      const end = this.ends[k]!;
      if (end.last >= p) continue;
      if (p - end.last > (adjacent ? 4 : WINDOW_LEFT)) break;
      if (end.group !== group) continue;
      if (end.possessive && !adjacent) {
        const next = this.tokens[end.last + 1];
        if (next && !next.cap && end.last + 1 < p && !FUNCTION_WORDS.has(next.norm)) return null;
        continue;
      }
      // A place after a preposition is not what the sentence is about: "…outside Kasserine near the
      // Algeria–Tunisia border have been targeted by".
      if (
        !adjacent &&
        end.kind !== 'person' &&
        end.kind !== 'organization' &&
        this.inPrepositionalPhrase(end)
      )
        continue;
      if (!this.fits(end, kinds, exclude)) {
        // The nearest person or group is the subject; one of the wrong kind means no relation, not an older name
        // ("Droukdel … is an Algerian national based in Algeria" does not make AQIM based there).
        if (
          !adjacent &&
          (end.kind === 'person' || end.kind === 'organization') &&
          !excluded(exclude, end.id) &&
          this.subjectLike(end, p)
        ) {
          return null;
        }
        continue;
      }
      const before = this.ends[k - 1];
      if (
        before &&
        /^\s+of\s+(?:the\s+)?$/.test(this.text.slice(before.end, end.start)) &&
        this.fits(before, kinds, exclude)
      ) {
        return before; // "Ag Ghaly of Ansar al Dine … pledged"
      }
      const complement = this.complementOf(end);
      if (complement === null) {
        // "…al-Murabitun and the Sahara branch of AQIM merged into": AQIM is not what merged; the names listed
        // before the unnamed branch are.
        const listed = this.ends[k - 1];
        if (listed && listed.last < complementStart(this.tokens, end) && this.joinedByList(listed, end)) {
          return this.fits(listed, kinds, exclude) ? listed : null;
        }
        return null;
      }
      return end;
    }
    if (group) {
      const head = this.asideHead(group);
      if (head && this.fits(head, kinds, exclude)) return head;
    }
    return null;
  }

  /** The group a merger formed: "X, formed in 2013 when …", "X was formed as/when …", "X was created after …". */
  private formedGroup(p: number, kinds: readonly string[] | undefined): End | null {
    for (let k = p - 1; k >= this.tFirst && k > p - 14; k--) {
      if (!FORMED.has(this.tokens[k]!.norm)) continue;
      let j = k - 1;
      while (j >= this.tFirst && (BE.has(this.tokens[j]!.norm) || SKIPPABLE.has(this.tokens[j]!.norm))) j--;
      const named = this.endEndingAt(j);
      return named && this.fits(named, kinds) ? named : null;
    }
    return null;
  }

  /** "Nigeria’s Boko Haram, whose leadership pledged …", "X, which operates in …": the relative's antecedent. */
  private relativeSubject(p: number): End | null {
    let k = p - 1;
    while (k >= this.tFirst && (SKIPPABLE.has(this.tokens[k]!.norm) || AUXILIARIES.has(this.tokens[k]!.norm)))
      k--;
    // "whose leadership" / "which" / "who", straight after ", " and a name.
    if (k > this.tFirst && this.tokens[k - 1]!.norm === 'whose') k--;
    else if (k < this.tFirst || !['which', 'who'].includes(this.tokens[k]!.norm)) return null;
    if (
      k <= this.tFirst ||
      !/^\s*,\s*$/.test(this.text.slice(this.tokens[k - 1]!.end, this.tokens[k]!.start))
    )
      return null;
    return this.endEndingAt(k - 1) ?? null;
  }

  /** Whether a preposition (in, near, outside…) comes before the name, past at most three words of its phrase. */
  private inPrepositionalPhrase(end: End): boolean {
    for (let k = end.first - 1, words = 0; k >= this.tFirst && words < 4; k--, words++) {
      const norm = this.tokens[k]!.norm;
      if (PREPOSITIONS.has(norm)) return true;
      if (FUNCTION_WORDS.has(norm) && norm !== 'the' && norm !== 'a' && norm !== 'an') return false;
      if (this.tokens[k]!.cap && !this.endCovering(k)) return false;
    }
    return false;
  }

  /** A name placed where a subject goes: not after a preposition, not a possessive or "of" complement. */
  private subjectLike(end: End, p: number): boolean {
    if (end.possessive || this.inPrepositionalPhrase(end)) return false;
    const before = this.tokens[end.first - 1];
    if (
      before &&
      (before.norm === 'of' || before.norm === 'by' || before.norm === 'to' || before.norm === 'with')
    )
      return false;
    return p - end.last <= 12;
  }

  /** "X, formed in 2013 when A merged with B, was led by Y": the name before a comma clause, when the phrase
   * follows that clause's closing comma (and only verbs or adverbs between). */
  private appositiveSubject(p: number): End | null {
    let k = p - 1;
    while (k >= this.tFirst && (SKIPPABLE.has(this.tokens[k]!.norm) || AUXILIARIES.has(this.tokens[k]!.norm)))
      k--;
    if (k < this.tFirst || !/^\s*,\s*$/.test(this.text.slice(this.tokens[k]!.end, this.tokens[k + 1]!.start)))
      return null;
    // An earlier comma that opens the clause, right after a name.
    for (let j = k - 1; j >= this.tFirst; j--) {
      const gap = this.text.slice(this.tokens[j]!.end, this.tokens[j + 1]!.start);
      if (!/^\s*,\s*$/.test(gap)) continue;
      const head = this.endEndingAt(j);
      const opener = this.tokens[j + 1]!.norm;
      if (head && this.groupOf(j) === 0 && (CLAUSE_OPENERS.has(opener) || /ed$/.test(opener))) return head;
      return null;
    }
    return null;
  }

  /** "…and its leaders swore allegiance": the subject is an unnamed noun owned by a pronoun, unless a name is
   * joined to it ("AQIM and its offshoots carried out"). */
  private unnamedSubject(p: number): boolean {
    let k = p - 1;
    while (k >= this.tFirst && (SKIPPABLE.has(this.tokens[k]!.norm) || AUXILIARIES.has(this.tokens[k]!.norm)))
      k--;
    let nouns = 0;
    while (
      k >= this.tFirst &&
      nouns < 3 &&
      !this.tokens[k]!.cap &&
      !FUNCTION_WORDS.has(this.tokens[k]!.norm)
    ) {
      k--;
      nouns++;
    }
    if (!nouns || k < this.tFirst || !PRONOUN_OWNERS.has(this.tokens[k]!.norm)) return false;
    const before = this.tokens[k - 1];
    return !(before && before.norm === 'and' && this.endEndingAt(k - 2));
  }

  /** For a name after "of": undefined when it stands for itself ("Elements of AQIM", "leader of AQIM") and null
   * when it only qualifies an unnamed body ("the Sahara branch of AQIM"). */
  private complementOf(end: End): null | undefined {
    const of = this.tokens[end.first - 1];
    if (!of || of.norm !== 'of' || end.first - 1 <= this.tFirst) return undefined;
    const head = this.tokens[end.first - 2]!;
    if (this.endEndingAt(end.first - 2)) return undefined;
    return BODY_NOUNS.has(head.norm) ? null : undefined;
  }

  private joinedByList(a: End, b: End): boolean {
    const start = complementStart(this.tokens, b);
    const gap = this.text.slice(a.end, this.tokens[start]!.start);
    return /^\s*(?:,\s*)?(?:and|or|as well as|along with)?\s*$/i.test(gap);
  }

  /** The nearest end of a fitting kind right of token p, in the same aside (or an aside opened after p); a
   * possessive or attributive group or person ("AQIM’s Droukdel", "two AQIM breakaway factions, X") gives way
   * to the head that follows it. A relative clause or an -ing verb on the way ("supporters residing in") means
   * the phrase's object is an unnamed noun: nothing further is taken. */
  private nearestRight(
    p: number,
    group: number,
    kinds: readonly string[] | undefined,
    adjacent?: boolean,
    exclude?: Excluded,
    anyWords = false,
  ): End | null {
    let fallback: End | null = null;
    let scanned = anyWords ? Number.MAX_SAFE_INTEGER : p + 1;
    for (const end of this.ends) {
      if (end.first <= p) continue;
      if (end.first - p > (adjacent ? 4 : WINDOW_RIGHT)) break;
      for (; scanned < end.first; scanned++) {
        const norm = this.tokens[scanned]!.norm;
        if (RELATIVE.has(norm) || (norm.endsWith('ing') && norm.length > 5 && !LIST_ING.has(norm)))
          return fallback;
      }
      scanned = Math.max(scanned, end.last + 1);
      if (end.group !== group && group) break;
      if (end.group !== group && end.group !== this.groupOf(p + 1)) continue;
      if (!this.fits(end, kinds, exclude)) continue;
      const modifier =
        end.possessive || ((end.kind === 'organization' || end.kind === 'person') && this.attributive(end));
      if (!adjacent && modifier) {
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

  /** The end with the list it heads, walking left (-1) or right (1): "A, B, and C", "A/B", "A along with B".
   * A possessive ends a list (it modifies what follows); a bare comma joins only names of one kind ("Bamako,
   * Mali" but not "In Libya, the Islamic State"); on the right, a name followed by a verb starts a new clause. */
  private listFrom(start: End, direction: 1 | -1, kinds: readonly string[] | undefined): End[] {
    const list = [start];
    const at = this.ends.indexOf(start);
    let current = start;
    for (let k = at + direction; k >= 0 && k < this.ends.length; k += direction) {
      const next = this.ends[k]!;
      const [a, b] = direction === 1 ? [current, next] : [next, current];
      if (a.possessive) break;
      const gap = this.text.slice(a.end, b.start);
      if (next.id === current.id && /^[\s(“"]*(?:the\s+)?$/i.test(gap)) {
        current = next; // "Islamic State (IS)", "Al Murabitoun (“The Sentinels”": the same name again
        continue;
      }
      if (direction === 1 && INCLUDING.test(gap) && this.fits(next, kinds)) {
        list.push(next); // "Algeria (including … Tindouf), Niger, and Mali": the list goes on after the bracket
        continue;
      }
      if (
        direction === 1 &&
        current.kind === 'location' &&
        next.kind === 'location' &&
        LOCATIVE_GAP.test(gap) &&
        this.fits(next, kinds)
      ) {
        list.push(next); // "in central Mali around Mopti"
        current = next;
        continue;
      }
      const closed = gap.includes('(') ? gap.replace(/^\s*\([^()]*\)/, '') : gap;
      const separator =
        LIST_GAP.exec(closed) ?? (gap.includes(')') ? LIST_GAP.exec(gap.replace(/^[^)]*\)/, '')) : null);
      if (!separator || !this.fits(next, kinds)) break;
      if (!separator[1] && !/\//.test(closed) && next.kind !== current.kind) break;
      if (next.group !== start.group && !(direction === 1 && gap.includes(')'))) break;
      if (direction === 1 && this.startsClause(next)) break;
      list.push(next);
      current = next;
    }
    return list;
  }

  /** "…the Islamic State (ISIS), and BOKO HARAM became": a name followed by a verb. */
  private startsClause(end: End): boolean {
    const next = this.tokens[end.last + 1];
    if (!next || end.last + 1 >= this.tEnd) return false;
    if (!spacesOrHyphens(this.text, this.tokens[end.last]!.end, next.start)) return false;
    return (
      AUXILIARIES.has(next.norm) || CLAUSE_VERBS.has(next.norm) || (next.norm.endsWith('ed') && !next.cap)
    );
  }

  /** Relations with no verb: possessives, "X of Y", role nouns ("MUJAO figure X") and group nouns. */
  private nounPairs(typeDefs: Map<string, RelationTypeDef>, roles: number[], pairs: Pair[]): void {
    const make = nounPair.bind(null, pairs, typeDefs);
    const { ends, tokens, text } = this;
    // "In Libya, the Islamic State was able to control…": a place put first, then the group the sentence is about.
    let opening = this.tFirst;
    while (opening < this.tEnd && this.groupOf(opening)) opening++; // "[2][19] In Libya, …"
    const place = ends[0];
    if (
      place &&
      place.kind === 'location' &&
      place.first === opening + 1 &&
      FRONTED.has(tokens[opening]!.norm)
    ) {
      const subject = ends[1];
      if (subject && /^\s*,\s*(?:the\s+)?$/i.test(text.slice(place.end, subject.start))) {
        make('operates_in', subject, place, place.start, tokens[opening]!.norm, 0.5);
      }
    }
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
        if (plain && a.kind === 'organization' && b.kind === 'person') make('member_of', b, a, a.start, '’s');
        else if (plain && a.kind === 'person' && b.kind === 'organization')
          make('member_of', a, b, a.start, '’s');
        else if (plain && a.kind === 'location' && b.kind === 'organization')
          make('operates_in', b, a, a.start, '’s');
      }
      if (a.kind === 'person' && gapWords <= 2 && /^\s+of\s+(the\s+)?$/.test(text.slice(a.end, b.start))) {
        make('member_of', a, b, a.start, 'of'); // "Ag Ghaly of Ansar al Dine"
      }
    }
    for (const p of roles) {
      if (this.endCovering(p)) continue; // "the Macina Liberation Front": a name's word
      const norm = tokens[p]!.norm;
      const role = ROLE_NOUNS.get(norm);
      const groupNoun = GROUP_NOUNS.get(norm);
      // The group named right before the noun: "AQIM figure", "Al Qaeda’s then-deputy leader", "its AQIM rival";
      // for a group noun also right after it: "the rival Islamic State".
      const following = groupNoun
        ? ends.find((x) => x.first === p + 1 && x.kind === 'organization')
        : undefined;
      const preceding = lastEndBefore(ends, p);
      const org = following ?? preceding;
      if (!org || org.kind !== 'organization' || (!following && p - org.last > 3)) continue;
      if (role) {
        if (norm === 'deputy' && tokens[p + 1] && ROLE_NOUNS.has(tokens[p + 1]!.norm)) continue;
        const deputy = tokens.slice(org.last + 1, p).some((t) => t.norm === 'deputy');
        const after = ends.find((x) => x.first > p && x.first <= p + 2 && x.kind === 'person');
        const person = after ?? lastEndBefore(ends, org.first, (x) => x.kind === 'person', 14);
        if (person) make(deputy ? 'member_of' : role, person, org, tokens[p]!.start, norm);
      } else if (groupNoun) {
        const other = lastEndBefore(
          ends,
          org.first,
          (x) => x.kind === 'organization' && x.id !== org.id,
          WINDOW_LEFT,
        );
        const symmetric = typeDefs.get(groupNoun)?.symmetric;
        if (other) make(groupNoun, other, org, tokens[p]!.start, norm, symmetric ? 0.6 : 0.55);
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
  cue: string,
  score = 0.6,
): void {
  if (!typeDefs.has(type) || source.id === target.id) return;
  const kinds = END_KINDS[type];
  if (kinds && (!kinds.source.includes(source.kind as never) || !kinds.target.includes(target.kind as never)))
    return;
  pairs.push({
    type,
    source,
    target,
    score: score * ((source.score + target.score) / 2),
    at,
    cue,
    noun: true,
  });
}

/** Only spaces, hyphens or quotes between two words. */
function wordGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (
      c !== 32 &&
      c !== 45 &&
      c !== 0xa0 &&
      c !== 10 &&
      c !== 34 &&
      c !== 0x201c &&
      c !== 0x201d &&
      c !== 0x2010
    )
      return false;
  }
  return true;
}

function spacesOrHyphens(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 0xa0 && c !== 10 && c !== 0x2010 && c !== 0x2011) return false;
  }
  return true;
}

/** Where the unnamed body a complement qualifies begins: "the Sahara branch of AQIM" → "the". */
function complementStart(tokens: Token[], end: End): number {
  let k = end.first - 2;
  while (k > 0 && !FUNCTION_WORDS.has(tokens[k - 1]!.norm) && !tokens[k - 1]!.article && k > end.first - 6)
    k--;
  if (k > 0 && ['the', 'a', 'an', 'its', 'their'].includes(tokens[k - 1]!.norm)) k--;
  return k;
}

/** Names left out of a search: one id, or several. */
type Excluded = string | Set<string>;

function excluded(exclude: Excluded | undefined, id: string): boolean {
  return exclude === undefined ? false : typeof exclude === 'string' ? exclude === id : exclude.has(id);
}

/** The last end before token p (that passes `test`, within `window` tokens). */
export function lastEndBefore(
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
