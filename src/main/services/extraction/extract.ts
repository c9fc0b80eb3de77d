// extract(): mentions of the case's entities, candidate new entities and candidate relations in one text.
// Pure: no store, no IPC; the service layer stores what it returns as suggestions for the analyst to review.
import { findCandidates } from './candidates';
import { buildMatcher } from './matcher';
import { findRelations } from './relations';
import { splitSentences } from './sentences';
import { tokenize, type Token } from './tokens';
import type { ExtractedSuggestion, ExtractionContext, MentionSuggestion } from './types';

const KIND_ORDER = { mention: 0, entity: 1, relation: 2 } as const;
/** Token objects reused from one document to the next (extract is synchronous and keeps none of them). */
const TOKEN_POOL: Token[] = [];

export function extract(text: string, context: ExtractionContext): ExtractedSuggestion[] {
  const matcher = context.matcher ?? buildMatcher(context.entities);
  const tokens = tokenize(text, TOKEN_POOL);
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
  return merge(mentions, candidates.suggestions, relations);
}

function before(a: ExtractedSuggestion, b: ExtractedSuggestion): number {
  return (
    a.start - b.start ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.end - b.end ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Orders suggestions by start, then kind (mention, entity, relation), end and key. The three lists come in
 * text order already (relations by sentence), so they are merged rather than sorted. */
function merge(...lists: ExtractedSuggestion[][]): ExtractedSuggestion[] {
  const sorted = lists.map((list) => {
    for (let i = 1; i < list.length; i++)
      if (before(list[i - 1]!, list[i]!) > 0) return [...list].sort(before);
    return list;
  });
  const out: ExtractedSuggestion[] = [];
  const at = sorted.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < sorted.length; k++) {
      const item = sorted[k]![at[k]!];
      if (item && (best < 0 || before(item, sorted[best]![at[best]!]!) < 0)) best = k;
    }
    if (best < 0) return out;
    out.push(sorted[best]![at[best]!++]!);
  }
}
