// Notes on the selected entity (or the case when nothing is selected). Private unless marked shareable.
import { useEffect, useState } from 'react';
import type { Note, Subject } from '../../../shared/model';
import { attempt } from '../../lib/ipc';
import { useRevision, useSelection } from '../../lib/store';

export function NotesPanel() {
  const selection = useSelection();
  const revision = useRevision();
  const subject: Subject =
    selection.entityIds.length === 1
      ? { kind: 'entity', id: selection.entityIds[0]! }
      : selection.relationIds.length === 1
        ? { kind: 'relation', id: selection.relationIds[0]! }
        : { kind: 'case', id: null };
  const [notes, setNotes] = useState<Note[]>([]);
  const [draft, setDraft] = useState('');
  const [shareable, setShareable] = useState(false);
  const key = `${subject.kind}:${subject.id}`;
  useEffect(() => {
    void attempt('notes:list', { subject }).then((list) => setNotes(list ?? []));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, revision]);
  const add = async (): Promise<void> => {
    if (!draft.trim()) return;
    const saved = await attempt('notes:save', { subject, body: draft, private: !shareable });
    if (saved) setDraft('');
  };
  return (
    <section className="notes" aria-label="Notes">
      <h3>Notes on {subject.kind === 'case' ? 'the case' : `this ${subject.kind}`}</h3>
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id} className="note">
            <span className={note.private ? 'badge private' : 'badge shareable'}>{note.private ? 'Private' : 'Shareable'}</span>
            <p>{note.body}</p>
          </li>
        ))}
      </ul>
      <textarea aria-label="New note" value={draft} onChange={(e) => setDraft(e.target.value)} rows={3} />
      <label className="checkbox">
        <input type="checkbox" checked={shareable} onChange={(e) => setShareable(e.target.checked)} /> Shareable (may go into
        exports)
      </label>
      <button type="button" onClick={() => void add()} disabled={!draft.trim()}>
        Add note
      </button>
    </section>
  );
}
