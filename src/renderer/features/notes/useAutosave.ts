// Debounced autosave of one note: the first save creates it, later saves update it; saves run one
// after another, so fast typing never creates two notes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note, Subject } from '../../../shared/model';
import { attempt } from '../../lib/ipc';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

const DELAY_MS = 600;

export function useAutosave(subject: Subject, note: Note | undefined) {
  const [body, setBody] = useState(note?.body ?? '');
  const [isPrivate, setPrivate] = useState(note?.private ?? true);
  const [saved, setSaved] = useState<Note | undefined>(note);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const last = useRef({ id: note?.id, body: note?.body ?? '', private: note?.private ?? true });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef({ body, isPrivate });
  latest.current = { body, isPrivate };

  const save = useCallback((): Promise<void> => {
    queue.current = queue.current.then(async () => {
      const { body: text, isPrivate: priv } = latest.current;
      if (text === last.current.body && priv === last.current.private) return;
      if (last.current.id === undefined && !text.trim()) return;
      setStatus('saving');
      const result = await attempt('notes:save', { id: last.current.id, subject, body: text, private: priv });
      if (!result) {
        setStatus('failed');
        return;
      }
      last.current = { id: result.id, body: result.body, private: result.private };
      setSaved(result);
      const now = latest.current;
      setStatus(now.body === result.body && now.isPrivate === result.private ? 'saved' : 'unsaved');
    });
    return queue.current;
    // The subject of an editor never changes (the panel keys editors by subject).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (body === last.current.body && isPrivate === last.current.private) return;
    setStatus('unsaved');
    const timer = setTimeout(() => void save(), DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, isPrivate, save]);

  // Leaving the editor (or the selection) saves what was typed.
  useEffect(() => () => void save(), [save]);

  return { body, setBody, isPrivate, setPrivate, saved, status, flush: save };
}
