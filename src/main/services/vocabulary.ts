// The open case's vocabulary: checking the types writes name, and the editor's add, change, merge
// and delete (each one undo step).
import type { TypeKind, VocabularyInfo } from '../../shared/ipc/vocabulary/contract';
import type { EntityTypeDef, RelationTypeDef, Vocabulary } from '../../shared/vocabulary';
import { labelOf } from '../../shared/vocabulary';
import type { CaseStore } from '../store';
import { AppError } from './errors';

/** The case's types, read once for an operation: lookups and the checks writes go through. */
export class CaseTypes {
  private readonly entities: Map<string, EntityTypeDef>;
  private readonly relations: Map<string, RelationTypeDef>;

  constructor(readonly vocabulary: Vocabulary) {
    this.entities = new Map(vocabulary.entityTypes.map((t) => [t.id, t]));
    this.relations = new Map(vocabulary.relationTypes.map((t) => [t.id, t]));
  }

  entity(id: string): EntityTypeDef | undefined {
    return this.entities.get(id);
  }

  relation(id: string): RelationTypeDef | undefined {
    return this.relations.get(id);
  }

  /** How a relation type reads ("broke away from"); a type the case lost reads as its words. */
  reads = (id: string): string => this.relations.get(id)?.reads ?? labelOf(id).toLowerCase();

  checkEntityType(id: string): void {
    if (this.entities.has(id)) return;
    const known = [...this.entities.keys()].join(', ');
    throw new AppError(
      'invalid_input',
      `“${id}” is not an entity type of this case (${known}). Add it in the Vocabulary editor first. Nothing was changed.`,
    );
  }

  checkRelationType(id: string): void {
    if (this.relations.has(id)) return;
    throw new AppError(
      'invalid_input',
      `“${id}” is not a relation type of this case. Add it in the Vocabulary editor, or choose one of the case’s relations. Nothing was changed.`,
    );
  }
}

export function caseTypes(store: CaseStore): CaseTypes {
  return new CaseTypes(store.vocabulary.list());
}

export function listVocabulary(store: CaseStore): VocabularyInfo {
  const { entityTypes, relationTypes } = store.vocabulary.list();
  const entityUse = store.vocabulary.usage('entity');
  const relationUse = store.vocabulary.usage('relation');
  return {
    entityTypes: entityTypes.map((t) => ({ ...t, count: entityUse.get(t.id) ?? 0 })),
    relationTypes: relationTypes.map((t) => ({ ...t, count: relationUse.get(t.id) ?? 0 })),
  };
}

export function saveType(
  store: CaseStore,
  input: { kind: 'entity'; type: EntityTypeDef } | { kind: 'relation'; type: RelationTypeDef },
): VocabularyInfo {
  const exists = store.vocabulary.exists(input.kind, input.type.id);
  const name = input.kind === 'entity' ? input.type.label : input.type.reads;
  const label = exists ? `Change the ${input.kind} type “${name}”` : `Add the ${input.kind} type “${name}”`;
  store.journal.record(label, () => {
    if (input.kind === 'entity') store.vocabulary.saveEntityType(input.type);
    else store.vocabulary.saveRelationType(input.type);
  });
  return listVocabulary(store);
}

function nameOf(store: CaseStore, kind: TypeKind, id: string): string {
  const v = store.vocabulary.list();
  return kind === 'entity'
    ? (v.entityTypes.find((t) => t.id === id)?.label ?? id)
    : (v.relationTypes.find((t) => t.id === id)?.reads ?? id);
}

function mustExist(store: CaseStore, kind: TypeKind, id: string): void {
  if (!store.vocabulary.exists(kind, id))
    throw new AppError('not_found', `This case has no ${kind} type “${id}”. Nothing was changed.`);
}

export function mergeTypes(
  store: CaseStore,
  { kind, from, into }: { kind: TypeKind; from: string; into: string },
): { moved: number } {
  if (from === into)
    throw new AppError('invalid_input', 'Choose two different types to merge. Nothing was changed.');
  mustExist(store, kind, from);
  mustExist(store, kind, into);
  const table = kind === 'entity' ? 'entity' : 'relation';
  const label = `Merge the ${kind} type “${nameOf(store, kind, from)}” into “${nameOf(store, kind, into)}”`;
  const moved = store.journal.record(label, () => {
    const changes = store.db
      .prepare(`UPDATE ${table} SET type = ?, updated_at = ? WHERE type = ?`)
      .run(into, new Date().toISOString(), from).changes;
    store.vocabulary.delete(kind, from);
    return changes;
  });
  return { moved };
}

export function deleteType(
  store: CaseStore,
  { kind, id }: { kind: TypeKind; id: string },
): { deleted: number } {
  mustExist(store, kind, id);
  const used = store.vocabulary.usage(kind).get(id) ?? 0;
  if (used > 0) {
    const what =
      kind === 'entity' ? (used === 1 ? 'entity' : 'entities') : used === 1 ? 'relation' : 'relations';
    throw new AppError(
      'conflict',
      `“${nameOf(store, kind, id)}” is the type of ${used.toLocaleString('en-US')} ${what}; merge it into another type instead. Nothing was changed.`,
    );
  }
  store.journal.record(`Delete the ${kind} type “${nameOf(store, kind, id)}”`, () =>
    store.vocabulary.delete(kind, id),
  );
  return { deleted: 1 };
}
