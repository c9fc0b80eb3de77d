// Help ▸ About: what this is, and the promise that matters most to its users.
import { Dialog } from '../ui/Dialog';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="About Analyst Workbench" onClose={onClose}>
      <p>
        An offline workbench for studying armed groups and their networks from open sources: entities,
        relations, citations to the passage that supports each fact, and private notes.
      </p>
      <p>
        It makes no network request. Notes are private unless you mark them shareable, and private notes never
        leave this machine through any export.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
