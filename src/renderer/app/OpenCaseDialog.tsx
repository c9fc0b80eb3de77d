// Open a case by path (the browser shell has no native dialog; Electron's File menu uses one).
import { useEffect, useState } from 'react';
import { attempt, call, IpcCallError } from '../lib/ipc';
import { Dialog } from '../ui/Dialog';

export function OpenCaseDialog({ onClose }: { onClose: () => void }) {
  const [recent, setRecent] = useState<string[]>([]);
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** A case another window has open: it can be opened here read-only. */
  const [inUse, setInUse] = useState<string | null>(null);
  useEffect(() => {
    void attempt('case:recent', {}).then((list) => setRecent(list ?? []));
  }, []);
  const open = async (file: string, readOnly = false): Promise<void> => {
    try {
      await call('case:open', { path: file, ...(readOnly ? { readOnly } : {}) });
      onClose();
    } catch (error) {
      setProblem(error instanceof IpcCallError ? error.message : String(error));
      setInUse(error instanceof IpcCallError && error.code === 'case_in_use' ? file : null);
    }
  };
  return (
    <Dialog title="Open case" onClose={onClose}>
      {recent.length > 0 && (
        <>
          <h3>Recent cases</h3>
          <ul className="recent-list">
            {recent.map((file) => (
              <li key={file}>
                <button type="button" className="link" onClick={() => void open(file)}>
                  {file}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void open(path.trim());
        }}
      >
        <label>
          Case file path (.awcase)
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/analyst/cases/sahel.awcase"
            autoFocus
          />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {inUse && (
            <button type="button" onClick={() => void open(inUse, true)}>
              Open read-only
            </button>
          )}
          <button type="submit" className="primary" disabled={!path.trim()}>
            Open
          </button>
        </div>
      </form>
    </Dialog>
  );
}
