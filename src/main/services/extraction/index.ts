// Assisted extraction (issue 14, point 4): pure functions the sources service calls on a document's stored text.
// No store, no IPC: the service keeps what they return as suggestions for the analyst to review.
export { extract } from './extract';
export { buildMatcher, NameMatcher } from './matcher';
export type {
  EntitySuggestion,
  ExtractedSuggestion,
  ExtractionContext,
  KnownEntity,
  MentionSuggestion,
  RelationEnd,
  RelationSuggestion,
  RelationTypeDef,
} from './types';
