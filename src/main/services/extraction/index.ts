// STUB until the extraction branch lands (same API).
export interface KnownEntity {
  id: number;
  type: string;
  name: string;
  aliases: string[];
}
export interface RelationTypeDef {
  id: string;
  reads: string;
  symmetric: boolean;
  lineage: boolean;
}
export interface ExtractionContext {
  entities: KnownEntity[];
  relationTypes: RelationTypeDef[];
  entityTypes: string[];
  publishedOn?: string | null;
}
interface Base {
  score: number;
  start: number;
  end: number;
  text: string;
  key: string;
}
export type ExtractedSuggestion = Base &
  (
    | { kind: 'mention'; entityId: number; matched: string }
    | { kind: 'entity'; name: string; type: string; aliases: string[] }
    | {
        kind: 'relation';
        type: string;
        source: { entityId: number } | { name: string };
        target: { entityId: number } | { name: string };
        sourceSpan: [number, number];
        targetSpan: [number, number];
        startDate?: string;
        endDate?: string;
      }
  );
export function extract(text: string, context: ExtractionContext): ExtractedSuggestion[] {
  const out: ExtractedSuggestion[] = [];
  for (const e of context.entities) {
    for (const name of [e.name, ...e.aliases]) {
      let at = text.indexOf(name);
      while (at >= 0) {
        out.push({
          kind: 'mention',
          entityId: e.id,
          matched: name,
          score: 1,
          start: at,
          end: at + name.length,
          text: name,
          key: `m:${at}:${e.id}`,
        });
        at = text.indexOf(name, at + 1);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
