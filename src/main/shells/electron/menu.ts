// The desktop app's menu bar, built from the command list (src/shared/commands.ts). A command the
// desktop app does natively (a file dialog) runs here; every other one is sent to the page.
import type { MenuItemConstructorOptions } from 'electron';
import {
  MENU_BAR,
  commandSpec,
  accelerator,
  menuMembers,
  type CommandId,
  type CommandsOf,
  type MenuEntry,
} from '../../../shared/commands';

/** The desktop app's own handlers: all of main's commands, and some of the page's done natively. */
export type NativeCommands = Record<CommandsOf<'main'>, () => void> & Partial<Record<CommandId, () => void>>;

export function menuTemplate(
  native: NativeCommands,
  sendToPage: (id: CommandId) => void,
): MenuItemConstructorOptions[] {
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const spec = commandSpec(id);
    return {
      label: spec.label,
      ...(spec.shortcut ? { accelerator: accelerator(spec.shortcut) } : {}),
      click: native[id] ?? (() => sendToPage(id)),
    };
  };
  const entry = (e: MenuEntry | { submenu: string; items: CommandId[] }): MenuItemConstructorOptions => {
    if (e === '-') return { type: 'separator' };
    if (typeof e === 'string') return item(e);
    if ('submenu' in e) return { label: e.submenu, submenu: e.items.map(item) };
    return { role: e.role as MenuItemConstructorOptions['role'] };
  };
  return MENU_BAR.map((menu) => ({ label: menu.label, submenu: menuMembers(menu.items).map(entry) }));
}
