// One registry of user commands: the toolbar, keyboard shortcuts and the Electron menu all run
// the same thing by id.
export interface Command {
  id: string;
  label: string;
  /** e.g. "Mod+Z", "Mod+Shift+Z", "Mod+K"; Mod is Ctrl (Cmd on macOS). */
  shortcut?: string;
  run: () => void | Promise<void>;
}

const commands = new Map<string, Command>();

export function registerCommands(list: Command[]): () => void {
  for (const command of list) commands.set(command.id, command);
  return () => {
    for (const command of list) if (commands.get(command.id) === command) commands.delete(command.id);
  };
}

export function runCommand(id: string): boolean {
  const command = commands.get(id);
  if (!command) return false;
  void command.run();
  return true;
}

function matches(shortcut: string, event: KeyboardEvent): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!.toLowerCase();
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  return (
    event.key.toLowerCase() === key &&
    (event.ctrlKey || event.metaKey) === mod &&
    event.shiftKey === shift &&
    event.altKey === alt
  );
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Global shortcuts. Inside text fields, Undo/Redo stay with the field. */
export function installShortcuts(): () => void {
  const onKey = (event: KeyboardEvent): void => {
    for (const command of commands.values()) {
      if (!command.shortcut || !matches(command.shortcut, event)) continue;
      if (command.id.startsWith('edit:') && isEditable(event.target)) return;
      event.preventDefault();
      void command.run();
      return;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
