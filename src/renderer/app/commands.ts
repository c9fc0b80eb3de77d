// The renderer's side of the command list (src/shared/commands.ts): each owner registers a handler
// for every command it owns, in one call whose type names them all, so a command added to the list
// without a handler does not compile. Toolbars, shortcuts, the Electron menu (menu:command) and
// the shortcut help all run a command by its id.
import {
  COMMAND_IDS,
  commandSpec,
  shortcutText,
  type CommandId,
  type CommandOwner,
  type CommandsOf,
} from '../../shared/commands';

export type CommandHandler = () => void | Promise<void>;
type RendererOwner = Exclude<CommandOwner, 'main'>;

const handlers = new Map<CommandId, CommandHandler>();

/** Registers every command `owner` handles; returns how to take them back (on unmount). */
export function registerCommands<O extends RendererOwner>(
  owner: O,
  table: Record<CommandsOf<O>, CommandHandler>,
): () => void {
  const entries = Object.entries(table) as [CommandId, CommandHandler][];
  for (const [id, handler] of entries) handlers.set(id, handler);
  return () => {
    for (const [id, handler] of entries) if (handlers.get(id) === handler) handlers.delete(id);
  };
}

/** Runs a command; false when nothing handles it right now (its pane is not mounted). */
export function runCommand(id: CommandId): boolean {
  const handler = handlers.get(id);
  if (!handler) return false;
  void handler();
  return true;
}

/** Commands of the page that no mounted part handles (the e2e tests check it is none). */
export function unhandledCommands(): CommandId[] {
  return COMMAND_IDS.filter((id) => commandSpec(id).owner !== 'main' && !handlers.has(id));
}

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

/** "Undo (Ctrl+Z)": a button's tooltip, from the command's label and shortcut. */
export function commandTitle(id: CommandId, label = commandSpec(id).label): string {
  const { shortcut } = commandSpec(id);
  return shortcut ? `${label} (${shortcutText(shortcut, isMac())})` : label;
}

const SYMBOL = /^[^\p{L}\p{N}]$/u;

function matches(shortcut: string, event: KeyboardEvent): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mod = parts.includes('Mod');
  const alt = parts.includes('Alt');
  // A symbol is typed with or without Shift depending on the keyboard ("?" is Shift+/ in English).
  const shift = SYMBOL.test(key) ? event.shiftKey : parts.includes('Shift');
  return (
    event.key.toLowerCase() === key.toLowerCase() &&
    (event.ctrlKey || event.metaKey) === mod &&
    event.shiftKey === shift &&
    event.altKey === alt
  );
}

export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The command a key press asks for, if any; keys typed into a text field stay with the field. */
export function commandForKey(event: KeyboardEvent): CommandId | null {
  const editable = isEditable(event.target);
  for (const id of COMMAND_IDS) {
    const spec = commandSpec(id);
    if (spec.owner === 'main' || !spec.shortcut) continue;
    for (const keys of [spec.shortcut, ...(spec.alsoKeys ?? [])]) {
      if (!matches(keys, event)) continue;
      // Undo/Redo inside a field undo the typing; a plain key (?) is a character there.
      if (editable && (id.startsWith('edit:') || !/Mod|Alt|F\d/.test(keys))) return null;
      return id;
    }
  }
  return null;
}

/** The global shortcuts, from the command list. */
export function installShortcuts(): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const id = commandForKey(event);
    if (!id || !runCommand(id)) return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
