// Note use cases. A new note is private unless the analyst says otherwise.
import type { Parsed } from '../../shared/ipc/contract';
import type { Note, Subject } from '../../shared/model';
import type { CaseStore } from '../store';
import { AppError, notFound } from './errors';

function checkSubject(store: CaseStore, subject: Subject): void {
  if (subject.kind === 'case' || subject.id === null) return;
  const exists =
    subject.kind === 'entity'
      ? store.entities.exists(subject.id)
      : subject.kind === 'relation'
        ? store.relations.get(subject.id) !== null
        : store.sources.get(subject.id) !== null;
  if (!exists) throw notFound(subject.kind, subject.id);
}

export function saveNote(store: CaseStore, draft: Parsed<'notes:save'>): Note {
  checkSubject(store, draft.subject);
  if (draft.id === undefined) {
    const id = store.journal.record('Add note', () =>
      store.notes.insert(draft.subject, draft.body, draft.private ?? true),
    );
    return store.notes.get(id)!;
  }
  const existing = store.notes.get(draft.id);
  if (!existing) throw notFound('note', draft.id);
  if (existing.subject.kind !== draft.subject.kind || existing.subject.id !== draft.subject.id) {
    throw new AppError('invalid_input', 'A note cannot move to another subject; create a new note instead.');
  }
  const id = draft.id;
  store.journal.record('Edit note', () =>
    store.notes.update(id, draft.body, draft.private ?? existing.private),
  );
  return store.notes.get(id)!;
}

export function deleteNote(store: CaseStore, id: number): { deleted: number } {
  if (!store.notes.get(id)) throw notFound('note', id);
  return { deleted: store.journal.record('Delete note', () => (store.notes.delete(id) ? 1 : 0)) };
}
