// Notes on the selected entity or relation (or the case when nothing is selected): markdown,
// rendered safely, autosaved, private unless marked shareable.
import { useEffect, useState } from 'react';
import type { Note, Subject } from '../../../shared/model';
import { attempt } from '../../lib/ipc';
import { useRevision, useSelection } from '../../lib/store';
import { CaseExportButton } from './CaseExport';
import { NoteEditor, NoteView } from './NoteCard';
import './notes.css';

function subjectOf(selection: ReturnType<typeof useSelection>): Subject {
  if (selection.entityIds.length === 1) return { kind: 'entity', id: selection.entityIds[0]! };
  if (selection.relationIds.length === 1 && selection.entityIds.length === 0)
    return { kind: 'relation', id: selection.relationIds[0]! };
  if (selection.sourceIds?.length === 1 && selection.entityIds.length + selection.relationIds.length === 0) {
    return { kind: 'source', id: selection.sourceIds[0]! };
  }
  return { kind: 'case', id: null };
}

export function NotesPanel() {
  const selection = useSelection();
  const subject = subjectOf(selection);
  const key = `${subject.kind}:${subject.id}`;
  return (
    <SubjectNotes
      key={key}
      subject={subject}
      several={selection.entityIds.length + selection.relationIds.length > 1}
    />
  );
}

function SubjectNotes({ subject, several }: { subject: Subject; several: boolean }) {
  const revision = useRevision(['note', 'entity', 'relation', 'source']);
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [label, setLabel] = useState('');
  /** The note being edited: its id, 'new', or none. */
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  /** The id the new note got on its first autosave, so the list does not show it twice. */
  const [newId, setNewId] = useState<number | null>(null);
  const stopEditing = (): void => {
    setEditing(null);
    setNewId(null);
  };

  useEffect(() => {
    let live = true;
    void attempt('notes:list', { subject }).then((list) => live && setNotes(list ?? []));
    void attempt('subjects:get', { subject }).then((info) => live && setLabel(info?.label ?? ''));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  const heading =
    subject.kind === 'case' ? 'Notes on the case' : `Notes on ${label || `this ${subject.kind}`}`;
  return (
    <section className="notes" aria-label="Notes">
      <div className="notes-head">
        <h3 title={heading}>{heading}</h3>
        <button type="button" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          New note
        </button>
      </div>
      {several && (
        <p className="muted">
          Several items are selected; select one to see its notes. Showing the case’s notes.
        </p>
      )}
      <ul className="note-list">
        {editing === 'new' && (
          <NoteEditor subject={subject} onSaved={(n) => setNewId(n.id)} onDone={stopEditing} />
        )}
        {notes
          ?.filter((note) => editing !== 'new' || note.id !== newId)
          .map((note) =>
            editing === note.id ? (
              <NoteEditor key={note.id} subject={subject} note={note} onDone={stopEditing} />
            ) : (
              <NoteView key={note.id} note={note} onEdit={() => setEditing(note.id)} />
            ),
          )}
      </ul>
      {notes?.length === 0 && editing === null && (
        <p className="muted">
          No notes yet. Notes are private: they never leave this machine unless you mark one shareable.
        </p>
      )}
      {subject.kind === 'case' && (
        <div className="notes-foot">
          <CaseExportButton />
        </div>
      )}
    </section>
  );
}
