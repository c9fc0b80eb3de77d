// Sheet use cases: column layouts per case, tagging and merging many entities at once.
import type { ColumnLayout, SheetTab } from '../../../shared/ipc/sheet/contract';
import type { Entity } from '../../../shared/model';
import { normalizeName } from '../../../shared/text';
import type { CaseStore } from '../../store';
import { AppError, notFound } from '../errors';

const layoutKey = (tab: SheetTab): string => `sheet.layout.${tab}`;

export function getLayout(store: CaseStore, tab: SheetTab): { columns: ColumnLayout[] | null } {
  return { columns: store.settings.get<ColumnLayout[]>(layoutKey(tab)) };
}

/** Column choices are a preference, not case data: saved per case, not recorded for undo. */
export function saveLayout(store: CaseStore, tab: SheetTab, columns: ColumnLayout[]): { saved: true } {
  store.settings.set(layoutKey(tab), columns);
  return { saved: true };
}

function mustGet(store: CaseStore, id: number): Entity {
  const entity = store.entities.get(id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

export function tagEntities(store: CaseStore, ids: number[], tag: string): { tagged: number } {
  const entities = ids.map((id) => mustGet(store, id));
  const clean = tag.trim();
  const label =
    entities.length === 1
      ? `Tag “${entities[0]!.name}” ${clean}`
      : `Tag ${entities.length} entities ${clean}`;
  const tagged = store.journal.record(label, () => {
    let count = 0;
    for (const entity of entities) {
      if (entity.tags.includes(clean)) continue;
      store.entities.update(entity.id, { tags: [...entity.tags, clean] });
      count++;
    }
    return count;
  });
  return { tagged };
}

function mergedSummary(parts: string[]): string {
  const seen = new Set<string>();
  return parts
    .map((p) => p.trim())
    .filter((p) => p && !seen.has(p) && seen.add(p))
    .join('\n\n');
}

/**
 * Merges entities into the one kept: it gains every name (as aliases), relation, citation, note,
 * tag, fact and summary of the others, which are then removed. One step for undo.
 */
export function mergeEntities(store: CaseStore, keepId: number, mergeIds: number[]): Entity {
  const others = [...new Set(mergeIds)].filter((id) => id !== keepId);
  if (others.length === 0)
    throw new AppError('invalid_input', 'Choose at least two different entities to merge.');
  const keep = store.entities.get(keepId);
  if (!keep) throw notFound('entity', keepId);
  const merged = others.map((id) => mustGet(store, id));
  const label =
    merged.length === 1
      ? `Merge “${merged[0]!.name}” into “${keep.name}”`
      : `Merge ${merged.length} entities into “${keep.name}”`;
  store.journal.record(label, () => {
    const keepNorm = normalizeName(keep.name);
    const aliases = [...keep.aliases];
    const tags = [...keep.tags];
    const facts = [...(keep.attrs.facts ?? [])];
    for (const other of merged) {
      for (const name of [other.name, ...other.aliases])
        if (normalizeName(name) !== keepNorm) aliases.push(name);
      for (const tag of other.tags) if (!tags.includes(tag)) tags.push(tag);
      facts.push(...(other.attrs.facts ?? []));
      store.relations.moveEnds(other.id, keep.id);
      store.sources.moveCitations('entity', other.id, keep.id);
      store.notes.moveNotes('entity', other.id, keep.id);
    }
    store.entities.update(keep.id, {
      aliases,
      tags,
      summary: mergedSummary([keep.summary, ...merged.map((m) => m.summary)]),
    });
    if (facts.length) store.entities.setAttrs(keep.id, { ...keep.attrs, facts });
    for (const other of merged) store.entities.delete(other.id);
  });
  return store.entities.get(keep.id)!;
}
