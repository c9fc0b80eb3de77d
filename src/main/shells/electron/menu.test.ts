// The desktop menu is built from the command list: native dialogs run in main, the rest go to the page.
import type { MenuItemConstructorOptions } from 'electron';
import { expect, it } from 'vitest';
import type { CommandId } from '../../../shared/commands';
import { menuTemplate } from './menu';

it('builds the menu bar from the commands, with their shortcuts, and sends the page’s commands to the page', () => {
  const ran: string[] = [];
  const sent: CommandId[] = [];
  const native = (name: string) => () => void ran.push(name);
  const template = menuTemplate(
    {
      'case:new': native('new'),
      'case:open': native('open'),
      'case:sample': native('sample'),
      'case:saveCopy': native('save copy'),
    },
    (id) => sent.push(id),
  );
  expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  const items = (menu: string) =>
    (template.find((m) => m.label === menu)!.submenu as MenuItemConstructorOptions[]).filter((i) => i.label);
  const find = (menu: string, label: string) => items(menu).find((i) => i.label === label)!;
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

  expect(find('File', 'New case…').accelerator).toBe('CmdOrCtrl+N');
  click(find('File', 'New case…'));
  expect(ran).toEqual(['new']);
  const exports = find('File', 'Export').submenu as MenuItemConstructorOptions[];
  expect(exports.map((i) => i.label)).toEqual([
    'Sheet as CSV…',
    'Graph image (PNG)…',
    'Graph image (SVG)…',
    'Network (GEXF, GraphML, STIX, Cytoscape, case file)…',
    'Case (JSON)…',
  ]);
  click(exports[1]!);
  expect(find('Edit', 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
  click(find('Edit', 'Undo'));
  expect(find('View', 'Next pane').accelerator).toBe('F6');
  click(find('Help', 'Keyboard shortcuts'));
  expect(sent).toEqual(['export:png', 'edit:undo', 'help:shortcuts']);
});
