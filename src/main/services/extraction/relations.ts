import type { CandidateSpan } from './candidates';
import type { MatchedMention } from './matcher';
import type { Sentence } from './sentences';
import type { Token } from './tokens';
import type { ExtractionContext, RelationSuggestion } from './types';
export function findRelations(
  _text: string,
  _tokens: Token[],
  _sentences: Sentence[],
  _found: MatchedMention[],
  _candidates: { spans: CandidateSpan[] },
  _context: ExtractionContext,
): RelationSuggestion[] {
  return [];
}
