// Help ▸ Keyboard shortcuts (F1 or ?): every command that has keys, and the keys that act inside a
// pane, read from the command list so the help cannot drift from what the keys do.
import { COMMAND_IDS, PANE_KEYS, commandSpec, shortcutText } from '../../shared/commands';
import { Dialog } from '../ui/Dialog';
import { isMac } from './commands';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const mac = isMac();
  const commands = COMMAND_IDS.map((id) => commandSpec(id)).filter((spec) => spec.shortcut);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcut-table" data-testid="shortcut-help">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {commands.map((spec) => (
            <tr key={spec.label}>
              <td>
                {[spec.shortcut!, ...(spec.alsoKeys ?? [])].map((keys, i) => (
                  <span key={keys}>
                    {i > 0 && ' or '}
                    <kbd>{shortcutText(keys, mac)}</kbd>
                  </span>
                ))}
              </td>
              <td>
                {spec.label.replace(/…$/, '')}
                {spec.desktopOnly && <span className="muted"> (desktop app)</span>}
              </td>
            </tr>
          ))}
          {PANE_KEYS.map((k) => (
            <tr key={`${k.pane}-${k.keys}`}>
              <td>
                <kbd>{k.keys}</kbd>
              </td>
              <td>
                {k.pane}: {k.does}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
