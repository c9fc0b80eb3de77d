// Runs the extractor over the gold documents (the seeds, as the sample case stores them) and over the held-out
// texts, and scores it: shared by the `sources` benchmark and the quality test.
import fs from 'node:fs';
import path from 'node:path';
import { RELATION_TYPES, ENTITY_TYPES } from '../../../../shared/vocab';
import { buildMatcher } from '../matcher';
import { extract } from '../extract';
import { scoreDocument, totals, type DocumentScore, type Tally } from '../score';
import type { ExtractionContext, KnownEntity, RelationTypeDef } from '../types';
import { REPO_DIR, loadGold, loadHeldOut, readDocument } from './gold';

export const DEFAULT_RELATION_TYPES: RelationTypeDef[] = Object.entries(RELATION_TYPES).map(([id, t]) => ({
  id,
  ...t,
}));

interface CaseEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

/** Numbers the entities 1…n in file order, as a case store would, and keeps the way back to the string ids. */
export function numbered(entities: CaseEntity[]): {
  known: KnownEntity[];
  idOf: (id: number) => string | undefined;
} {
  const known = entities.map((e, i) => ({ id: i + 1, type: e.type, name: e.name, aliases: e.aliases }));
  return { known, idOf: (id) => entities[id - 1]?.id };
}

export function sampleCaseEntities(): CaseEntity[] {
  const file = path.join(REPO_DIR, 'resources/sample-case/case.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { entities: CaseEntity[] }).entities;
}

export interface Evaluation {
  documents: DocumentScore[];
  mentions: Tally;
  relations: Tally;
  candidates: number;
}

function evaluateSet(
  entities: CaseEntity[],
  documents: { text: string; gold: Parameters<typeof scoreDocument>[0]; publishedOn?: string | null }[],
): Evaluation {
  const { known, idOf } = numbered(entities);
  const context: ExtractionContext = {
    entities: known,
    relationTypes: DEFAULT_RELATION_TYPES,
    entityTypes: [...ENTITY_TYPES],
    matcher: buildMatcher(known),
  };
  const symmetric = (type: string): boolean =>
    DEFAULT_RELATION_TYPES.some((t) => t.id === type && t.symmetric);
  const scores = documents.map(({ text, gold, publishedOn }) =>
    scoreDocument(gold, extract(text, { ...context, publishedOn }), idOf, symmetric),
  );
  return { documents: scores, ...totals(scores) };
}

const PUBLISHED: Record<string, string | null> = { 'wiki-maghreb': null, 'crs-if10172': '2017-03-20' };

/** The two seed documents against their gold. */
export function evaluateSeeds(): Evaluation {
  const documents = loadGold().map((gold) => ({
    text: readDocument(gold.file),
    gold,
    publishedOn: PUBLISHED[gold.source] ?? null,
  }));
  return evaluateSet(sampleCaseEntities(), documents);
}

/** The held-out texts against theirs. */
export function evaluateHeldOut(): Evaluation {
  const { entities, documents } = loadHeldOut();
  return evaluateSet(entities, documents);
}
