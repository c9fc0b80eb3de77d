// Entity use cases: every write is one transaction recorded for undo.
import type { EntityDetail, Parsed } from '../../shared/ipc/contract';
import type { Entity } from '../../shared/model';
import type { CaseStore } from '../store';
import { AppError, notFound } from './errors';
import { caseTypes } from './vocabulary';

export function getEntity(store: CaseStore, id: number): EntityDetail {
  const entity = store.entities.get(id);
  if (!entity) throw notFound('entity', id);
  return {
    ...entity,
    citations: store.sources.citationsOf('entity', id),
    relations: store.relations.page({ offset: 0, limit: 1000, entityId: id }).rows,
  };
}

export function createEntity(store: CaseStore, draft: Parsed<'entities:create'>): Entity {
  caseTypes(store).checkEntityType(draft.type);
  const id = store.journal.record(`Add ${draft.type} “${draft.name.trim()}”`, () =>
    store.entities.insert(draft),
  );
  return store.entities.get(id)!;
}

export function updateEntity(store: CaseStore, { id, patch }: Parsed<'entities:update'>): Entity {
  const before = store.entities.get(id);
  if (!before) throw notFound('entity', id);
  if (patch.type !== undefined) caseTypes(store).checkEntityType(patch.type);
  store.journal.record(`Edit “${before.name}”`, () => store.entities.update(id, patch));
  return store.entities.get(id)!;
}

export function deleteEntities(store: CaseStore, given: number[]): { deleted: number } {
  // The same id twice is one entity (it was counted as a failure after the delete had been saved).
  const ids = [...new Set(given)];
  const missing = ids.find((id) => !store.entities.exists(id));
  if (missing !== undefined) throw notFound('entity', missing);
  const label =
    ids.length === 1 ? `Delete “${store.entities.get(ids[0]!)!.name}”` : `Delete ${ids.length} entities`;
  const deleted = store.journal.record(label, () => {
    const count = ids.filter((id) => store.entities.delete(id)).length;
    // Thrown inside the transaction, so "nothing was changed" is true.
    if (count !== ids.length)
      throw new AppError('internal', 'Some entities could not be deleted; nothing was changed.');
    return count;
  });
  return { deleted };
}
