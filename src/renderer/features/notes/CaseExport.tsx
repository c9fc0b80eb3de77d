// "Export case…": the case as one JSON file. Private notes never go in; shareable notes only when ticked.
import { useEffect, useState } from 'react';
import { registerCommands } from '../../app/commands';
import { attempt } from '../../lib/ipc';
import { saveFile } from '../../lib/platform';
import { Dialog } from '../../ui/Dialog';

export function CaseExportButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => registerCommands('notes', { 'case:exportJson': () => setOpen(true) }), []);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Save the case as a JSON file">
        Export case…
      </button>
      {open && <CaseExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function CaseExportDialog({ onClose }: { onClose: () => void }) {
  const [includeShareableNotes, setInclude] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    const data = await attempt('case:exportJson', { includeShareableNotes });
    setBusy(false);
    if (!data) return;
    const day = data.exportedAt.slice(0, 10);
    await saveFile(
      `${data.name} ${day}.json`.replace(/[\\/:*?"<>|]/g, '_'),
      JSON.stringify(data, null, 2),
      'application/json',
    );
    onClose();
  };
  return (
    <Dialog title="Export case" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <p>Entities, relations, sources and their citations, as one JSON file.</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeShareableNotes}
            onChange={(e) => setInclude(e.target.checked)}
          />{' '}
          Include shareable notes
        </label>
        <p className="muted">Private notes are never exported.</p>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Export
          </button>
        </div>
      </form>
    </Dialog>
  );
}
