// The command list is the one source of the menu, the shortcuts and the help: checked here.
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, MENU_BAR, accelerator, commandSpec, menuMembers } from '../../shared/commands';
import { commandForKey, registerCommands, runCommand, unhandledCommands } from './commands';

const key = (key: string, mods: Partial<KeyboardEvent> = {}, target: unknown = null) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target, ...mods }) as KeyboardEvent;

describe('commands', () => {
  it('refuses, at compile time, an owner that leaves one of its commands unhandled or claims another’s', () => {
    const off = [
      // @ts-expect-error: the graph owns export:svg too
      registerCommands('graph', { 'export:png': () => {} }),
      // @ts-expect-error: edit:undo is the app's
      registerCommands('graph', { 'export:png': () => {}, 'export:svg': () => {}, 'edit:undo': () => {} }),
    ];
    // @ts-expect-error: no such command
    expect(runCommand('graph:explode')).toBe(false);
    off.forEach((f) => f());
  });

  it('runs what an owner registers, and lists what nobody handles', () => {
    let exported = '';
    const off = registerCommands('graph', {
      'export:png': () => void (exported = 'png'),
      'export:svg': () => void (exported = 'svg'),
    });
    expect(runCommand('export:svg')).toBe(true);
    expect(exported).toBe('svg');
    expect(unhandledCommands()).not.toContain('export:png');
    expect(unhandledCommands()).toContain('edit:undo');
    expect(unhandledCommands()).not.toContain('case:saveCopy'); // the desktop app's own
    off();
    expect(runCommand('export:svg')).toBe(false);
  });

  it('finds the command a key asks for; keys typed into a field stay with the field', () => {
    expect(commandForKey(key('F1'))).toBe('help:shortcuts');
    expect(commandForKey(key('?', { shiftKey: true }))).toBe('help:shortcuts');
    expect(commandForKey(key('F6', { shiftKey: true }))).toBe('view:previousPane');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('edit:redo');
    expect(commandForKey(key('y', { ctrlKey: true }))).toBe('edit:redo');
    expect(commandForKey(key('\\', { ctrlKey: true }))).toBe('view:toggle-panel');
    const field = { tagName: 'INPUT' };
    expect(commandForKey(key('?', { shiftKey: true }, field))).toBeNull();
    expect(commandForKey(key('z', { ctrlKey: true }, field))).toBeNull();
    expect(commandForKey(key('k', { ctrlKey: true }, field))).toBe('search:open');
  });

  it('builds the menu bar from the list: each command in the menu it names, no key taken twice', () => {
    for (const menu of MENU_BAR)
      for (const item of menu.items)
        if (typeof item === 'string' && item !== '-')
          expect(commandSpec(item).menu?.in, item).toBe(menu.label);
    const placed = new Set(MENU_BAR.flatMap((m) => m.items));
    expect(COMMAND_IDS.filter((id) => commandSpec(id).menu && !placed.has(id))).toEqual([]);
    const keys = COMMAND_IDS.flatMap((id) => {
      const spec = commandSpec(id);
      return spec.shortcut ? [spec.shortcut, ...(spec.alsoKeys ?? [])] : [];
    });
    expect(new Set(keys).size).toBe(keys.length);
    expect(accelerator('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    const file = menuMembers(MENU_BAR[0]!.items);
    expect(file).toContainEqual({
      submenu: 'Export',
      items: ['export:csv', 'export:png', 'export:svg', 'network:export', 'case:exportJson'],
    });
  });
});
