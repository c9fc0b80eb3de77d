// File ▸ Restore from backup…: the automatic copies of the case, newest first, with their time and
// counts; the chosen one opens as a new case file (the original and the backup are not touched).
import { useEffect, useState } from 'react';
import type { BackupList } from '../../shared/ipc/backups/contract';
import { call, IpcCallError } from '../lib/ipc';
import { Dialog } from '../ui/Dialog';

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const when = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export function RestoreBackupDialog({ onClose }: { onClose: () => void }) {
  const [list, setList] = useState<BackupList | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('backups:list', {}).then(
      (value) => {
        setList(value);
        setChosen(value.backups[0]?.id ?? null);
      },
      (error: unknown) => setProblem(error instanceof IpcCallError ? error.message : String(error)),
    );
  }, []);
  const restore = async (): Promise<void> => {
    if (!chosen) return;
    setBusy(true);
    try {
      await call('backups:restore', { id: chosen, ...(list?.casePath ? { path: list.casePath } : {}) });
      onClose();
    } catch (error) {
      setProblem(error instanceof IpcCallError ? error.message : String(error));
      setBusy(false);
    }
  };
  return (
    <Dialog title="Restore from backup" onClose={onClose}>
      {list && (
        <p className="muted">
          Copies of “{list.caseName}” made automatically when it opens and every few minutes while it changes.
          The one you choose opens as a new case; the case and its backups stay as they are.
        </p>
      )}
      {list?.problem && <p className="form-error">{list.problem}</p>}
      {list && list.backups.length === 0 && <p>There are no backups of this case yet.</p>}
      {list && list.backups.length > 0 && (
        <div className="backup-list" role="radiogroup" aria-label="Backups">
          {list.backups.map((backup) => (
            <label key={backup.id} className="backup-choice">
              <input
                type="radio"
                name="backup"
                value={backup.id}
                checked={chosen === backup.id}
                onChange={() => setChosen(backup.id)}
              />
              <span className="backup-time">{when(backup.createdAt)}</span>
              <span className="muted">
                {count(backup.counts.entities, 'entity', 'entities')},{' '}
                {count(backup.counts.relations, 'relation', 'relations')},{' '}
                {count(backup.counts.sources, 'source', 'sources')},{' '}
                {count(backup.counts.notes, 'note', 'notes')}
              </span>
            </label>
          ))}
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!chosen || busy} onClick={() => void restore()}>
          Open as a new case
        </button>
      </div>
    </Dialog>
  );
}
