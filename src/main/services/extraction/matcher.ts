// The name matcher: every name and alias of the case under a transliteration key made of its words' keys
// (tokens.ts), looked up word by word through the text, longest match first. One hash lookup per word for
// almost every word (the prefix set stops at the first word no name starts with), so it is linear in the text.
import { COMMON_WORDS } from './words';
import { foldWord, isArticle, joinable, tokenize, type Token } from './tokens';
import type { KnownEntity } from './types';

type EntryKind = 'name' | 'alias' | 'stripped' | 'fused';

interface NameEntry {
  entityId: number;
  type: string;
  /** The name or alias as written in the case. */
  matched: string;
  kind: EntryKind;
  /** Upper-case letters only (AQIM, IS, U.S.): matched only in upper case, so "is" is not the Islamic State. */
  acronym: boolean;
  /** The name's words, normalised, articles included: a text with the same words is an exact match. */
  normWords: string;
  /** Its words without articles, for "Al Qaeda" / "al-Qaeda" / "Qaeda". */
  normContent: string;
  /** For a name stripped of its bracketed qualifier ("Ansar al-Sharia (Libya)"): the qualifier's word keys. */
  qualifier?: string[];
}

export interface MatchedMention {
  entityId: number;
  type: string;
  matched: string;
  start: number;
  end: number;
  /** Token range [first, last] in the text's tokens. */
  first: number;
  last: number;
  score: number;
}

/** Particles a one-word name may be split at in the text: Belmokhtar / Bel Mokhtar, Abdelmalek / Abdel Malek. */
const PARTICLES = ['bil', 'bin', 'ibn', 'abu', 'abd', 'bu', 'ag', 'uld', 'al', 'il'];
const SUN_LETTERS = new Set(['t', 'd', 'r', 'z', 's', 'n', 'l']);

/** Appends a word key to a name key; a letter doubled across the join collapses as it does inside a word. */
function appendKey(key: string, piece: string): string {
  if (!piece) return key;
  if (key && key[key.length - 1] === piece[0]) return key + piece.slice(1);
  return key + piece;
}

function isAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 &&
    letters.length <= 8 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase() && // letters with case: not a word in Arabic script
    !/\s\S+\s/.test(name)
  );
}

export class NameMatcher {
  private readonly entries = new Map<string, NameEntry[]>();
  private readonly prefixes = new Set<string>();
  /** Surname keys of people, tried only after the person's full name has appeared in the document. */
  private readonly surnames = new Map<string, number[]>();
  private readonly personNames = new Map<number, string>();
  private maxWords = 1;
  private names = 0;

  constructor(entities: KnownEntity[]) {
    for (const entity of entities) {
      this.add(entity, entity.name, 'name');
      for (const alias of entity.aliases) this.add(entity, alias, 'alias');
      if (entity.type === 'person') this.addSurname(entity);
    }
    // A surname that is also a whole name of the case is that name, not a back-off.
    for (const key of [...this.surnames.keys()]) if (this.entries.has(key)) this.surnames.delete(key);
  }

  /** How many names and aliases it holds (variants not counted). */
  get size(): number {
    return this.names;
  }

  private add(entity: KnownEntity, name: string, kind: 'name' | 'alias'): void {
    const trimmed = name.trim();
    if (!trimmed) return;
    this.names++;
    this.register(entity, trimmed, trimmed, kind);
    // "Ansar al-Sharia (Libya)", "Bamako hotel attack (November 2015)": texts write them without the bracket.
    const bracket = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(trimmed);
    if (bracket && tokenize(bracket[1]!).length >= 1) {
      const qualifier = tokenize(bracket[2]!)
        .map((t) => t.fold)
        .filter((f) => f.length >= 4 && !/^\d/.test(f));
      this.register(entity, bracket[1]!, trimmed, 'stripped', qualifier);
    }
  }

  private register(
    entity: KnownEntity,
    name: string,
    matched: string,
    kind: EntryKind,
    qualifier?: string[],
  ): void {
    let tokens = tokenize(name);
    if (tokens.length > 1 && tokens[0]!.norm === 'the') tokens = tokens.slice(1);
    if (!tokens.length) return;
    const content = tokens.filter((t, i) => !(isArticle(t) && i < tokens.length - 1));
    if (!content.length) return;
    const acronym = isAcronym(name);
    const entry: NameEntry = {
      entityId: entity.id,
      type: entity.type,
      matched,
      kind,
      acronym,
      normWords: tokens.map((t) => t.norm).join(' '),
      normContent: content.map((t) => t.norm).join(' '),
      qualifier,
    };
    const key = this.index(content.map((t) => t.fold));
    if (!key || (key.length < 2 && !acronym)) return;
    this.put(key, entry);
    // Fused article: "Ansar al-Din" is also written "Ansar Eddine" / "Ansar Addin".
    if (kind === 'name' || kind === 'alias') {
      tokens.forEach((t, i) => {
        if (i === 0 || !isArticle(tokens[i - 1]!) || !SUN_LETTERS.has(t.norm[0]!)) return;
        for (const vowel of ['a', 'e', 'u']) {
          const folds = content.map((c) => (c === t ? foldWord(vowel + t.norm[0] + t.norm) : c.fold));
          const fused = this.index(folds);
          if (fused) this.put(fused, { ...entry, kind: 'fused' });
        }
      });
    }
  }

  /** Registers the key's prefixes at word boundaries (and after particles) and returns the key. */
  private index(folds: string[]): string {
    let key = '';
    folds.forEach((fold, i) => {
      for (const particle of PARTICLES) {
        if (fold.length > particle.length + 2 && fold.startsWith(particle))
          this.prefixes.add(appendKey(key, particle));
      }
      key = appendKey(key, fold);
      this.prefixes.add(key);
      this.maxWords = Math.max(this.maxWords, i + 1 + 2);
    });
    return key;
  }

  private put(key: string, entry: NameEntry): void {
    const list = this.entries.get(key);
    if (!list) this.entries.set(key, [entry]);
    else if (!list.some((e) => e.entityId === entry.entityId && e.kind === entry.kind)) list.push(entry);
  }

  private addSurname(entity: KnownEntity): void {
    this.personNames.set(entity.id, entity.name);
    for (const name of [entity.name, ...entity.aliases]) {
      const content = tokenize(name.replace(/\([^()]*\)/g, ' ')).filter((t) => !isArticle(t));
      if (content.length < 2) continue;
      const last = content[content.length - 1]!;
      const keys = [last.fold];
      const before = content[content.length - 2]!;
      if (content.length > 2 && PARTICLES.includes(before.fold)) keys.push(appendKey(before.fold, last.fold));
      for (const key of keys) {
        if (key.length < 4 || COMMON_WORDS.has(last.norm)) continue;
        const ids = this.surnames.get(key) ?? [];
        if (!ids.includes(entity.id)) ids.push(entity.id);
        this.surnames.set(key, ids);
      }
    }
  }

  /** Every mention of a known entity in the text, in order, none overlapping. */
  find(text: string, tokens: Token[]): MatchedMention[] {
    const found: MatchedMention[] = [];
    // Surnames of the people named so far ("Shekau" after "Abubakar Shekau").
    let seen: Set<number> | null = null;
    for (let i = 0; i < tokens.length;) {
      const match = this.longestAt(text, tokens, i);
      if (match.length) {
        for (const m of match) {
          found.push(m);
          if (m.type === 'person' && this.personNames.has(m.entityId)) (seen ??= new Set()).add(m.entityId);
        }
        i = match[0]!.last + 1;
        continue;
      }
      const surname = seen && tokens[i]!.cap ? this.surnameAt(text, tokens, i, seen) : null;
      if (surname) {
        found.push(surname);
        i = surname.last + 1;
      } else i++;
    }
    return found;
  }

  /** A person's surname alone at token i, once the full name has appeared; a hyphenated article comes along. */
  private surnameAt(text: string, tokens: Token[], i: number, seen: Set<number>): MatchedMention | null {
    // Two words only after a particle: "Bel Mokhtar", "ag Ghaly".
    for (let width = PARTICLES.includes(tokens[i]!.fold) ? 2 : 1; width >= 1; width--) {
      const last = i + width - 1;
      if (last >= tokens.length) continue;
      if (width === 2 && !joinable(text, tokens[i]!.end, tokens[last]!.start)) continue;
      const key = width === 2 ? appendKey(tokens[i]!.fold, tokens[last]!.fold) : tokens[i]!.fold;
      const ids = this.surnames.get(key);
      if (!ids) continue;
      const known = ids.filter((id) => seen.has(id));
      if (known.length !== 1) continue;
      const before = tokens[i - 1];
      const first = before?.article && before.hyphenNext ? i - 1 : i; // "al-Barnawi"
      return {
        entityId: known[0]!,
        type: 'person',
        matched: this.personNames.get(known[0]!)!,
        start: tokens[first]!.start,
        end: tokens[last]!.end,
        first,
        last,
        score: 0.7,
      };
    }
    return null;
  }

  private longestAt(text: string, tokens: Token[], i: number): MatchedMention[] {
    let key = '';
    let best: { last: number; entries: NameEntry[] } | null = null;
    for (let j = i; j < tokens.length && j - i < this.maxWords; j++) {
      const t = tokens[j]!;
      if (j > i) {
        const previous = tokens[j - 1]!;
        if (!joinable(text, previous.end + (previous.possessive ? 2 : 0), t.start)) break;
      }
      const article = isArticle(t) && j + 1 < tokens.length;
      if (!article) key = appendKey(key, t.fold);
      if (!key) continue;
      if (!this.prefixes.has(key)) break;
      if (!article) {
        const entries = this.entries.get(key);
        if (entries) best = { last: j, entries };
      }
    }
    if (!best) return [];
    return this.choose(text, tokens, i, best.last, best.entries);
  }

  /** Checks case rules, scores how exact the match is, and settles a name shared by several entities. */
  private choose(
    text: string,
    tokens: Token[],
    first: number,
    last: number,
    entries: NameEntry[],
  ): MatchedMention[] {
    let firstContent = first;
    while (firstContent < last && tokens[firstContent]!.article) firstContent++;
    let allUpper = true;
    for (let k = firstContent; k <= last; k++) {
      const t = tokens[k]!;
      if (!(t.article && k < last) && !t.upper && !/^\d+$/.test(t.norm)) allUpper = false;
    }
    const head = tokens[firstContent]!;
    const lower = !head.cap && !/^\d/.test(head.norm);
    const spanStart = tokens[first]!.start;
    const spanEnd = tokens[last]!.end;
    // Word lists are only joined when the text is not the name as written (rare).
    let normWords: string | undefined;
    let normContent: string | undefined;
    const singleWord = firstContent === last;

    const scored: { entry: NameEntry; score: number }[] = [];
    for (const entry of entries) {
      if (entry.acronym && !allUpper) continue;
      let score: number;
      if (sameText(text, spanStart, spanEnd, entry.matched)) score = 1;
      else if ((normWords ??= joinNorms(tokens, first, last, false)) === entry.normWords) score = 0.95;
      else if ((normContent ??= joinNorms(tokens, first, last, true)) === entry.normContent) score = 0.9;
      else score = 0.85; // transliteration variant, or words joined or split
      if (lower) {
        // Lower case only for the exact name, and never a common word ("the sahel" yes; "is", "us" never).
        if (score < 0.95 || (singleWord && (COMMON_WORDS.has(head.norm) || head.norm.length < 4))) continue;
        score -= 0.05;
      }
      if (entry.kind === 'stripped') score *= 0.9;
      if (entry.kind === 'fused') score *= 0.95;
      scored.push({ entry, score });
    }
    if (!scored.length) return [];
    // "The Masked Ones": the name's own article, left out of the key, is part of the span when written.
    if (first > 0 && /^the\s/i.test(scored[0]!.entry.matched) && tokens[first - 1]!.norm === 'the') first--;
    const span = [tokens[first]!, tokens[last]!];
    if (scored.length === 1) {
      const { entry, score } = scored[0]!;
      return [
        {
          entityId: entry.entityId,
          type: entry.type,
          matched: entry.matched,
          start: span[0]!.start,
          end: span[1]!.end,
          first,
          last,
          score: Math.round(score * 1000) / 1000,
        },
      ];
    }

    // The best entry per entity; then, among entities, exact names beat stripped qualifiers.
    const byEntity = new Map<number, { entry: NameEntry; score: number }>();
    for (const s of scored) {
      const seen = byEntity.get(s.entry.entityId);
      if (!seen || s.score > seen.score) byEntity.set(s.entry.entityId, s);
    }
    let candidates = [...byEntity.values()];
    if (candidates.length > 1) {
      const full = candidates.filter((c) => c.entry.kind !== 'stripped');
      if (full.length) candidates = full;
    }
    if (candidates.length > 1) {
      const near = candidates.filter((c) => this.qualifierNear(tokens, first, last, c.entry.qualifier));
      if (near.length === 1) candidates = near;
      else candidates = candidates.map((c) => ({ ...c, score: c.score * 0.5 }));
    }
    return candidates
      .sort((a, b) => a.entry.entityId - b.entry.entityId)
      .map(({ entry, score }) => ({
        entityId: entry.entityId,
        type: entry.type,
        matched: entry.matched,
        start: span[0]!.start,
        end: span[span.length - 1]!.end,
        first,
        last,
        score: Math.round(score * 1000) / 1000,
      }));
  }

  /** Whether a word of the qualifier ("Tunisia" for "(Tunisia)") is within 40 words: "Tunisian", "Tunisia". */
  private qualifierNear(tokens: Token[], first: number, last: number, qualifier?: string[]): boolean {
    if (!qualifier?.length) return false;
    const from = Math.max(0, first - 40);
    const to = Math.min(tokens.length, last + 40);
    for (let k = from; k < to; k++) {
      if (k >= first && k <= last) continue;
      const fold = tokens[k]!.fold;
      if (qualifier.some((q) => fold.startsWith(q.slice(0, Math.max(4, q.length - 1))))) return true;
    }
    return false;
  }
}

/** Whether text[start, end) is exactly `name` (compared in place: most matches are, and slicing each cost). */
function sameText(text: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (text.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** The normalised words of tokens[first..last], joined by spaces; articles left out when `content`. */
function joinNorms(tokens: Token[], first: number, last: number, content: boolean): string {
  let out = '';
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (content && t.article && k < last) continue;
    out += out ? ` ${t.norm}` : t.norm;
  }
  return out;
}

export function buildMatcher(entities: KnownEntity[]): NameMatcher {
  return new NameMatcher(entities);
}
