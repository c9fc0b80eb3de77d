// extract(): mentions of the case's entities, candidate new entities and candidate relations in one text.
// Pure: no store, no IPC; the service layer stores what it returns as suggestions for the analyst to review.
import { findCandidates } from './candidates';
import { buildMatcher } from './matcher';
import { findRelations } from './relations';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';
import type { ExtractedSuggestion, ExtractionContext, MentionSuggestion } from './types';

const KIND_ORDER = { mention: 0, entity: 1, relation: 2 } as const;

export function extract(text: string, context: ExtractionContext): ExtractedSuggestion[] {
  const matcher = context.matcher ?? buildMatcher(context.entities);
  const tokens = tokenize(text);
  const found = matcher.find(text, tokens);
  const mentions: MentionSuggestion[] = found.map((m) => ({
    kind: 'mention',
    entityId: m.entityId,
    matched: m.matched,
    score: m.score,
    start: m.start,
    end: m.end,
    text: text.slice(m.start, m.end),
    key: `mention:${m.start}:${m.end}:${m.entityId}`,
  }));
  const sentences = splitSentences(text);
  const candidates = findCandidates(text, tokens, sentences, found, context.entityTypes);
  const relations = findRelations(text, tokens, sentences, found, candidates, context);
  const all: ExtractedSuggestion[] = [...mentions, ...candidates.suggestions, ...relations];
  return all.sort(
    (a, b) =>
      a.start - b.start ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.end - b.end ||
      a.key.localeCompare(b.key),
  );
}
