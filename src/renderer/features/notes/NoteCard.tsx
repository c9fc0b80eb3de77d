// One note: rendered markdown (sanitised), or an autosaving editor.
import { useEffect, useRef, useState } from 'react';
import type { Note, Subject } from '../../../shared/model';
import { attempt } from '../../lib/ipc';
import { renderNote } from './markdown';
import { useAutosave, type SaveStatus } from './useAutosave';

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  failed: 'Not saved — see the message; your text is still here.',
};

export function NoteView({ note, onEdit }: { note: Note; onEdit: () => void }) {
  const html = renderNote(note.body);
  return (
    <li className="note" data-testid="note">
      <div className="note-meta">
        <span className={note.private ? 'badge private' : 'badge shareable'}>
          {note.private ? 'Private' : 'Shareable'}
        </span>
        <span className="muted" title={`Created ${when(note.createdAt)}`}>
          Updated {when(note.updatedAt)}
        </span>
        <span className="spacer" />
        <button type="button" className="link" onClick={onEdit} aria-label="Edit note">
          Edit
        </button>
      </div>
      {/* Sanitised by renderNote (markdown-it without HTML, then DOMPurify); links never navigate the app. */}
      <div
        className="note-body"
        dangerouslySetInnerHTML={{ __html: html }}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) e.preventDefault();
        }}
      />
    </li>
  );
}

export function NoteEditor({
  subject,
  note,
  onDone,
  onSaved,
}: {
  subject: Subject;
  note?: Note;
  onDone: () => void;
  onSaved?: (note: Note) => void;
}) {
  const { body, setBody, isPrivate, setPrivate, saved, status, flush } = useAutosave(subject, note);
  useEffect(() => {
    if (saved) onSaved?.(saved);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);
  const [confirming, setConfirming] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const done = async (): Promise<void> => {
    await flush();
    onDone();
  };
  const remove = async (): Promise<void> => {
    if (saved) await attempt('notes:delete', { id: saved.id });
    onDone();
  };
  return (
    <li className="note note-editing" data-testid="note-editor">
      <textarea
        ref={area}
        aria-label="Note (markdown)"
        value={body}
        rows={6}
        placeholder="Write in markdown: **bold**, *italic*, - lists, [links](…). Saved as you type."
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            void done();
          }
        }}
      />
      <label
        className="checkbox"
        title="Shareable notes may go into exports when you ask for them; private notes never leave this machine."
      >
        <input type="checkbox" checked={!isPrivate} onChange={(e) => setPrivate(!e.target.checked)} />{' '}
        Shareable (may go into exports when asked)
      </label>
      <div className="note-meta">
        <span className="muted" role="status" data-testid="save-status">
          {STATUS_TEXT[status]}
          {saved ? ` · created ${when(saved.createdAt)}, updated ${when(saved.updatedAt)}` : ''}
        </span>
      </div>
      <div className="note-actions">
        <button type="button" className="primary" onClick={() => void done()}>
          Done
        </button>
        {confirming ? (
          <>
            <span className="muted">Delete this note?</span>
            <button type="button" onClick={() => void remove()}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={!saved && !body}>
            Delete…
          </button>
        )}
      </div>
    </li>
  );
}
