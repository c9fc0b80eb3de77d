// Merge the selected entities: the analyst picks the one to keep; it gains everything of the others.
import { useState } from 'react';
import type { EntityRow } from '../../../shared/model';
import { Dialog } from '../../ui/Dialog';

export function MergeDialog({
  entities,
  onMerge,
  onClose,
}: {
  entities: EntityRow[];
  onMerge: (keepId: number) => Promise<void>;
  onClose: () => void;
}) {
  const [keep, setKeep] = useState(entities[0]?.id ?? 0);
  return (
    <Dialog title={`Merge ${entities.length} entities`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onMerge(keep);
        }}
      >
        <p>
          Keep one; it takes every name (as aliases), relation, citation, note and tag of the others, which
          are then removed. Undo (Ctrl+Z) reverses the merge.
        </p>
        <fieldset className="merge-choices">
          <legend>Keep</legend>
          {entities.map((e) => (
            <label key={e.id} className="checkbox">
              <input type="radio" name="keep" checked={keep === e.id} onChange={() => setKeep(e.id)} />
              {e.name} <span className="muted">({e.type})</span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}
