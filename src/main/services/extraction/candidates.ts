import type { MatchedMention } from './matcher';
import type { Sentence } from './sentences';
import type { Token } from './tokens';
import type { EntitySuggestion } from './types';

export interface CandidateSpan {
  start: number;
  end: number;
  first: number;
  last: number;
  name: string;
  type: string;
  score: number;
}
export function findCandidates(
  _text: string,
  _tokens: Token[],
  _sentences: Sentence[],
  _found: MatchedMention[],
  _types: string[],
): { suggestions: EntitySuggestion[]; spans: CandidateSpan[] } {
  return { suggestions: [], spans: [] };
}
