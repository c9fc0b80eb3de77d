// The extraction contract (issue 14, point 5): what a case gives the extractor and the suggestions it returns.
// Offsets are UTF-16 code units into the text, end exclusive: text.slice(start, end) === suggestion.text.
import type { NameMatcher } from './matcher';

export interface KnownEntity {
  id: number;
  type: string;
  name: string;
  aliases: string[];
}

/** A relation type of the case's vocabulary (RELATION_TYPES today; per case soon, with types the analyst adds). */
export interface RelationTypeDef {
  id: string;
  reads: string;
  symmetric: boolean;
  lineage: boolean;
}

export interface ExtractionContext {
  entities: KnownEntity[];
  relationTypes: RelationTypeDef[];
  /** Today ['organization', 'person', 'location', 'event']; per case soon. */
  entityTypes: string[];
  /** The document's date: chrono's reference for relative dates. */
  publishedOn?: string | null;
  /** A matcher built once for the case (buildMatcher(entities)); built from `entities` when absent. */
  matcher?: NameMatcher;
}

interface Base {
  /** How sure the extractor is, in [0, 1]. */
  score: number;
  start: number;
  end: number;
  text: string;
  /** Stable identity of this suggestion for this document (same text + same names → same key). */
  key: string;
}

export type RelationEnd = { entityId: number } | { name: string };

export type ExtractedSuggestion = Base &
  (
    | { kind: 'mention'; entityId: number; matched: string }
    | { kind: 'entity'; name: string; type: string; aliases: string[] }
    | {
        kind: 'relation';
        type: string;
        source: RelationEnd;
        target: RelationEnd;
        sourceSpan: [number, number];
        targetSpan: [number, number];
        startDate?: string;
        endDate?: string;
        /** The words that state it ("broke away from", "’s", "figure"), for the review pane. */
        cue?: string;
      }
  );

export type MentionSuggestion = Extract<ExtractedSuggestion, { kind: 'mention' }>;
export type EntitySuggestion = Extract<ExtractedSuggestion, { kind: 'entity' }>;
export type RelationSuggestion = Extract<ExtractedSuggestion, { kind: 'relation' }>;
