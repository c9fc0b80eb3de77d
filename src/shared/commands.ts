// Every user command, once: its label, its shortcut and where the menu shows it. The Electron menu
// (src/main/shells/electron/menu.ts), the renderer's shortcuts and toolbar buttons, and the
// shortcut help are all built from this list. Each command has an owner that handles it: 'main'
// (a native dialog of the desktop app) or the renderer part that registers it, which must register
// all of its owner's commands at once (renderer/app/commands.ts), so a command nobody handles
// does not compile.

export type CommandOwner = 'main' | 'app' | 'sheet' | 'graph' | 'search' | 'notes';
export type MenuName = 'File' | 'Edit' | 'View' | 'Help';

export interface CommandSpec {
  /** As the menu and the shortcut help say it. */
  label: string;
  /** "Mod+Z", "Mod+Shift+Z", "F6", "Shift+F6"; Mod is Ctrl (Cmd on macOS). */
  shortcut?: string;
  /** More keys for the same command (Redo is also Ctrl+Y). */
  alsoKeys?: string[];
  /**
   * Keys the browser keeps for itself (Ctrl+N opens a window, Ctrl+1 picks a tab): only the
   * desktop app's menu takes them, and the help says so.
   */
  desktopOnly?: boolean;
  /** Where the desktop app's menu shows it; `submenu` nests it ("Export"). */
  menu?: { in: MenuName; submenu?: string };
  owner: CommandOwner;
}

export const COMMANDS = {
  'case:new': {
    label: 'New case…',
    shortcut: 'Mod+N',
    desktopOnly: true,
    menu: { in: 'File' },
    owner: 'app',
  },
  'case:open': { label: 'Open case…', shortcut: 'Mod+O', menu: { in: 'File' }, owner: 'app' },
  'case:sample': { label: 'Open the sample case', menu: { in: 'File' }, owner: 'app' },
  'case:saveCopy': {
    label: 'Save a copy as…',
    shortcut: 'Mod+Shift+S',
    desktopOnly: true,
    menu: { in: 'File' },
    owner: 'main',
  },
  'sources:import': { label: 'Import documents…', menu: { in: 'File' }, owner: 'app' },
  'case:restoreBackup': { label: 'Restore from backup…', menu: { in: 'File' }, owner: 'app' },
  'import:csv': { label: 'Import CSV…', menu: { in: 'File' }, owner: 'sheet' },
  'network:import': {
    label: 'Import network (GEXF, GraphML, STIX, Cytoscape, case)…',
    menu: { in: 'File' },
    owner: 'app',
  },
  'case:importFile': { label: 'Open a case export as a new case…', menu: { in: 'File' }, owner: 'app' },
  'network:export': {
    label: 'Network (GEXF, GraphML, STIX, Cytoscape, case file)…',
    menu: { in: 'File', submenu: 'Export' },
    owner: 'app',
  },
  'export:csv': { label: 'Sheet as CSV…', menu: { in: 'File', submenu: 'Export' }, owner: 'sheet' },
  'export:png': { label: 'Graph image (PNG)…', menu: { in: 'File', submenu: 'Export' }, owner: 'graph' },
  'export:svg': { label: 'Graph image (SVG)…', menu: { in: 'File', submenu: 'Export' }, owner: 'graph' },
  'case:exportJson': { label: 'Case (JSON)…', menu: { in: 'File', submenu: 'Export' }, owner: 'notes' },

  'edit:undo': { label: 'Undo', shortcut: 'Mod+Z', menu: { in: 'Edit' }, owner: 'app' },
  'edit:redo': {
    label: 'Redo',
    shortcut: 'Mod+Shift+Z',
    alsoKeys: ['Mod+Y'],
    menu: { in: 'Edit' },
    owner: 'app',
  },
  'search:open': { label: 'Search…', shortcut: 'Mod+K', menu: { in: 'Edit' }, owner: 'search' },

  'view:sheet': { label: 'Sheet', shortcut: 'Mod+1', desktopOnly: true, menu: { in: 'View' }, owner: 'app' },
  'view:graph': { label: 'Graph', shortcut: 'Mod+2', desktopOnly: true, menu: { in: 'View' }, owner: 'app' },
  'view:panel': {
    label: 'Side panel',
    shortcut: 'Mod+3',
    desktopOnly: true,
    menu: { in: 'View' },
    owner: 'app',
  },
  'view:nextPane': { label: 'Next pane', shortcut: 'F6', menu: { in: 'View' }, owner: 'app' },
  'view:previousPane': { label: 'Previous pane', shortcut: 'Shift+F6', menu: { in: 'View' }, owner: 'app' },
  'view:toggle-panel': { label: 'Show or hide the side panel', shortcut: 'Mod+\\', owner: 'app' },
  'sheet:entities': { label: 'Sheet: Entities', owner: 'sheet' },
  'sheet:relations': { label: 'Sheet: Relations', owner: 'sheet' },
  'sheet:sources': { label: 'Sheet: Sources', owner: 'sheet' },
  'entity:open': { label: 'Open the selected entity’s notes', owner: 'app' },

  'help:shortcuts': {
    label: 'Keyboard shortcuts',
    shortcut: 'F1',
    alsoKeys: ['?'],
    menu: { in: 'Help' },
    owner: 'app',
  },
  'help:about': { label: 'About Analyst Workbench', menu: { in: 'Help' }, owner: 'app' },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
export const commandSpec = (id: CommandId): CommandSpec => COMMANDS[id];
export const isCommandId = (id: string): id is CommandId => Object.hasOwn(COMMANDS, id);

/** The commands an owner handles. */
export type CommandsOf<O extends CommandOwner> = {
  [K in CommandId]: (typeof COMMANDS)[K]['owner'] extends O ? K : never;
}[CommandId];

/** The menu bar, in order: command ids, separators, and the menu roles Electron draws itself. */
export type MenuEntry = CommandId | '-' | { role: string };
export const MENU_BAR: { label: MenuName; items: MenuEntry[] }[] = [
  {
    label: 'File',
    items: [
      'case:new',
      'case:open',
      'case:sample',
      'case:saveCopy',
      'case:restoreBackup',
      '-',
      'sources:import',
      'import:csv',
      'network:import',
      'case:importFile',
      'export:csv',
      'export:png',
      'export:svg',
      'network:export',
      'case:exportJson',
      '-',
      { role: 'quit' },
    ],
  },
  {
    label: 'Edit',
    items: [
      'edit:undo',
      'edit:redo',
      '-',
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      '-',
      'search:open',
    ],
  },
  {
    label: 'View',
    items: [
      'view:sheet',
      'view:graph',
      'view:panel',
      'view:nextPane',
      'view:previousPane',
      '-',
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      '-',
      { role: 'togglefullscreen' },
    ],
  },
  { label: 'Help', items: ['help:shortcuts', 'help:about'] },
];

/** Keys that act inside one pane, listed in the shortcut help beside the commands. */
export const PANE_KEYS: { pane: string; keys: string; does: string }[] = [
  { pane: 'Sheet', keys: 'Arrow keys', does: 'Move between cells' },
  { pane: 'Sheet', keys: 'Enter or F2', does: 'Edit the cell; Enter again saves it' },
  { pane: 'Sheet', keys: 'Space', does: 'Tick or untick the row' },
  { pane: 'Graph', keys: 'Arrow keys', does: 'Select the neighbouring entity in that direction' },
  { pane: 'Graph', keys: 'Enter', does: 'Open the selected entity’s notes' },
  { pane: 'Graph', keys: 'Escape', does: 'Clear the selection' },
  { pane: 'Anywhere', keys: 'Tab / Shift+Tab', does: 'Move to the next or previous control' },
];

/** A shortcut as the analyst reads it: "Ctrl+Shift+Z" (⌘ on macOS). */
export function shortcutText(shortcut: string, mac = false): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (mac ? '⌘' : 'Ctrl') : part))
    .join('+');
}

/** A shortcut as an Electron menu accelerator: Mod → CmdOrCtrl. */
export function accelerator(shortcut: string): string {
  return shortcut.replace(/^Mod\+/, 'CmdOrCtrl+');
}

/** A menu's items with consecutive commands of one submenu ("Export") gathered into it. */
export function menuMembers(items: MenuEntry[]): (MenuEntry | { submenu: string; items: CommandId[] })[] {
  const out: (MenuEntry | { submenu: string; items: CommandId[] })[] = [];
  for (const item of items) {
    const name = typeof item === 'string' && item !== '-' ? commandSpec(item).menu?.submenu : undefined;
    if (!name) {
      out.push(item);
      continue;
    }
    const last = out.at(-1);
    if (last && typeof last === 'object' && 'submenu' in last && last.submenu === name)
      last.items.push(item as CommandId);
    else out.push({ submenu: name, items: [item as CommandId] });
  }
  return out;
}
