// Relation use cases.
import type { Parsed } from '../../shared/ipc/contract';
import type { Relation, RelationDraft } from '../../shared/model';
import type { CaseStore } from '../store';
import { AppError, notFound } from './errors';
import { caseTypes } from './vocabulary';

function checkEnds(store: CaseStore, draft: Partial<RelationDraft>): void {
  for (const id of [draft.sourceId, draft.targetId]) {
    if (id !== undefined && !store.entities.exists(id)) throw notFound('entity', id);
  }
}

function checkDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) {
    throw new AppError('invalid_input', `The end date (${end}) is before the start date (${start}).`);
  }
}

function label(
  store: CaseStore,
  verb: string,
  relation: Pick<Relation, 'sourceId' | 'targetId' | 'type'>,
): string {
  const source = store.entities.get(relation.sourceId)?.name ?? '?';
  const target = store.entities.get(relation.targetId)?.name ?? '?';
  return `${verb} “${source} ${caseTypes(store).reads(relation.type)} ${target}”`;
}

export function createRelation(store: CaseStore, draft: Parsed<'relations:create'>): Relation {
  caseTypes(store).checkRelationType(draft.type);
  checkEnds(store, draft);
  checkDates(draft.startDate, draft.endDate);
  const id = store.journal.record(label(store, 'Add', draft), () => store.relations.insert(draft));
  return store.relations.get(id)!;
}

export function updateRelation(store: CaseStore, { id, patch }: Parsed<'relations:update'>): Relation {
  const before = store.relations.get(id);
  if (!before) throw notFound('relation', id);
  if (patch.type !== undefined) caseTypes(store).checkRelationType(patch.type);
  checkEnds(store, patch);
  checkDates(
    patch.startDate === undefined ? before.startDate : patch.startDate,
    patch.endDate === undefined ? before.endDate : patch.endDate,
  );
  store.journal.record(label(store, 'Edit', before), () => store.relations.update(id, patch));
  return store.relations.get(id)!;
}

export function deleteRelations(store: CaseStore, given: number[]): { deleted: number } {
  const ids = [...new Set(given)];
  const missing = ids.find((id) => !store.relations.get(id));
  if (missing !== undefined) throw notFound('relation', missing);
  const text =
    ids.length === 1
      ? label(store, 'Delete', store.relations.get(ids[0]!)!)
      : `Delete ${ids.length} relations`;
  return { deleted: store.journal.record(text, () => ids.filter((id) => store.relations.delete(id)).length) };
}
