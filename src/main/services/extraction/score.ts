// Scores suggestions against a gold annotation (gold/README.md). A mention counts when its span overlaps a gold
// span and links the same entity; a relation when its type, ends and direction match (either direction for a
// symmetric type) and its sentence overlaps the gold one. Each gold item is matched at most once, so a
// suggestion repeated within a sentence counts against precision. Relations with an end that is a new name
// (not a case entity) cannot be in the gold: they are counted apart, not scored.
import type { GoldDocument, GoldMention, GoldRelation } from './gold/gold';
import type { ExtractedSuggestion, MentionSuggestion, RelationSuggestion } from './types';

export interface Tally {
  expected: number;
  proposed: number;
  matched: number;
}

export interface DocumentScore {
  source: string;
  mentions: Tally;
  relations: Tally;
  /** Candidate new entities proposed. */
  candidates: number;
  /** Relations proposed with a new name at one end (not scored). */
  relationsWithNewNames: number;
  missedMentions: GoldMention[];
  wrongMentions: { text: string; start: number; entity: string }[];
  missedRelations: GoldRelation[];
  wrongRelations: { type: string; source: string; target: string; start: number }[];
}

export const recall = (t: Tally): number => (t.expected ? t.matched / t.expected : 1);
export const precision = (t: Tally): number => (t.proposed ? t.matched / t.proposed : 1);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * `entityKey` maps the suggestions' numeric entity ids to the gold's string ids; `symmetric` says which
 * relation types read the same both ways.
 */
export function scoreDocument(
  gold: GoldDocument,
  suggestions: ExtractedSuggestion[],
  entityKey: (id: number) => string | undefined,
  symmetric: (type: string) => boolean,
): DocumentScore {
  const mentions = suggestions.filter((s): s is MentionSuggestion => s.kind === 'mention');
  const usedMentions = new Set<MentionSuggestion>();
  const missedMentions: GoldMention[] = [];
  for (const g of gold.mentions) {
    const hit = mentions.find(
      (m) => !usedMentions.has(m) && overlaps(m, g) && entityKey(m.entityId) === g.entity,
    );
    if (hit) usedMentions.add(hit);
    else missedMentions.push(g);
  }

  const relations = suggestions.filter((s): s is RelationSuggestion => s.kind === 'relation');
  const known = relations.filter((r) => 'entityId' in r.source && 'entityId' in r.target);
  const ends = (r: RelationSuggestion): [string, string] => [
    entityKey((r.source as { entityId: number }).entityId) ?? '?',
    entityKey((r.target as { entityId: number }).entityId) ?? '?',
  ];
  const usedRelations = new Set<RelationSuggestion>();
  const missedRelations: GoldRelation[] = [];
  for (const g of gold.relations) {
    const hit = known.find((r) => {
      if (usedRelations.has(r) || r.type !== g.type || !overlaps(r, g)) return false;
      const [source, target] = ends(r);
      if (source === g.source && target === g.target) return true;
      return symmetric(g.type) && source === g.target && target === g.source;
    });
    if (hit) usedRelations.add(hit);
    else missedRelations.push(g);
  }

  return {
    source: gold.source,
    mentions: { expected: gold.mentions.length, proposed: mentions.length, matched: usedMentions.size },
    relations: { expected: gold.relations.length, proposed: known.length, matched: usedRelations.size },
    candidates: suggestions.filter((s) => s.kind === 'entity').length,
    relationsWithNewNames: relations.length - known.length,
    missedMentions,
    wrongMentions: mentions
      .filter((m) => !usedMentions.has(m))
      .map((m) => ({ text: m.text, start: m.start, entity: entityKey(m.entityId) ?? '?' })),
    missedRelations,
    wrongRelations: known
      .filter((r) => !usedRelations.has(r))
      .map((r) => {
        const [source, target] = ends(r);
        return { type: r.type, source, target, start: r.start };
      }),
  };
}

/** Sums tallies over documents. */
export function totals(scores: DocumentScore[]): { mentions: Tally; relations: Tally; candidates: number } {
  const sum = (pick: (s: DocumentScore) => Tally): Tally =>
    scores.reduce(
      (t, s) => ({
        expected: t.expected + pick(s).expected,
        proposed: t.proposed + pick(s).proposed,
        matched: t.matched + pick(s).matched,
      }),
      { expected: 0, proposed: 0, matched: 0 },
    );
  return {
    mentions: sum((s) => s.mentions),
    relations: sum((s) => s.relations),
    candidates: scores.reduce((n, s) => n + s.candidates, 0),
  };
}
