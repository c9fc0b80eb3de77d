// The keyboard: the shortcut help, shortcuts with no menu item, moving between panes with F6, the
// grid as one Tab stop, and the graph driven with arrow keys and Enter.
import { expect, test } from './fixtures/shell';
import { GraphPage } from './pages/GraphPage';

test.use({ sample: true });

test('F1 opens the shortcut help, which lists every shortcut; ? opens it too', async ({ workbench }) => {
  const { page } = workbench;
  await expect(page.getByTestId('case-name')).toContainText('sample');
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const rows = help.getByTestId('shortcut-help').locator('tbody tr');
  await expect(rows.filter({ hasText: 'Ctrl+Z' })).toContainText('Undo');
  await expect(rows.filter({ hasText: 'Ctrl+Shift+Z' })).toContainText('Ctrl+Y');
  await expect(rows.filter({ hasText: 'Ctrl+K' })).toContainText('Search');
  await expect(rows.filter({ has: page.locator('kbd', { hasText: /^F6$/ }) })).toContainText('Next pane');
  await expect(rows.filter({ hasText: 'Ctrl+\\' })).toContainText('Show or hide the side panel');
  await expect(rows.filter({ hasText: 'Graph: Select the neighbouring entity' })).toContainText('Arrow keys');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByRole('region', { name: 'Graph' }).getByTestId('graph-canvas').focus();
  await page.keyboard.press('Shift+?');
  await expect(help).toBeVisible();
});

test('a shortcut with no menu item runs its command: Ctrl+\\ hides and shows the side panel', async ({
  workbench,
}) => {
  const { page } = workbench;
  const side = page.getByRole('complementary', { name: 'Side panel' });
  await expect(side).toBeVisible();
  await page.keyboard.press('Control+\\');
  await expect(side).toBeHidden();
  await expect(page.getByRole('button', { name: 'Panel' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Control+\\');
  await expect(side).toBeVisible();
});

test('keyboard only: F6 reaches the graph from the sheet, an arrow walks to a neighbour, Enter opens it', async ({
  workbench,
}) => {
  const { page } = workbench;
  const graph = new GraphPage(page);
  await graph.settled();
  const sheet = page.getByRole('region', { name: 'Sheet' });
  const side = page.getByRole('complementary', { name: 'Side panel' });

  await page.keyboard.press('F6');
  await expect(sheet.locator('.ag-cell:focus')).toHaveCount(1); // the sheet's grid, on a cell
  await page.keyboard.press('F6');
  await expect(graph.canvas).toBeFocused();
  expect(await graph.canvas.evaluate((el) => el.matches(':focus-visible'))).toBe(true); // the ring shows

  await page.keyboard.press('ArrowRight'); // nothing selected yet: the entity nearest the centre
  await expect.poll(() => graph.hook((g) => g.selected().length)).toBe(1);
  const [from] = await graph.hook((g) => g.selected());
  // Walk: the first arrow whose direction has a neighbour selects it, and it lies that way on screen.
  const step = await graph.hook((g, id) => {
    const at = g.node(id)!;
    const linked = new Set(
      g.edges().flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])),
    );
    const ahead = (dir: string) =>
      g.nodes().some((n) => {
        if (!linked.has(n.id)) return false;
        const [dx, dy] = [n.x - at.x, n.y - at.y];
        const along = { ArrowRight: dx, ArrowLeft: -dx, ArrowDown: dy, ArrowUp: -dy }[dir]!;
        const across = dir === 'ArrowRight' || dir === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx);
        return along > 0 && across <= along * 1.8;
      });
    return ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'].find(ahead)!;
  }, from!);
  expect(step, 'the entity picked first has a neighbour on screen').toBeTruthy();
  await page.keyboard.press(step);
  await expect.poll(() => graph.hook((g) => g.selected()[0])).not.toBe(from);
  const [to] = await graph.hook((g) => g.selected());
  const linked = await graph.hook(
    (g, [a, b]) =>
      g.edges().some((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a)),
    [from!, to!],
  );
  expect(linked, 'the arrow went to a neighbour').toBe(true);

  await page.keyboard.press('Enter'); // what a double click does: the entity's notes, focused
  const name = await graph.hook((g, id) => g.node(id)!.name, to!);
  await expect(side.getByRole('heading', { level: 3 })).toContainText(name);
  await expect.poll(() => side.evaluate((el) => el.contains(document.activeElement))).toBe(true);
});

test('the grid is one Tab stop: Tab lands on a cell, arrows move inside, Tab again leaves it', async ({
  workbench,
}) => {
  const { page } = workbench;
  const sheet = page.getByRole('region', { name: 'Sheet' });
  const grid = sheet.getByRole('region', { name: 'Entities' });
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await sheet.getByRole('button', { name: 'Import CSV…' }).focus();
  await page.keyboard.press('Tab');
  const focused = grid.locator('.ag-cell:focus');
  await expect(focused).toHaveCount(1);
  const rowOf = () => focused.evaluate((el) => Number(el.closest('[row-index]')!.getAttribute('row-index')));
  expect(await rowOf()).toBe(0);
  await page.keyboard.press('ArrowDown');
  await expect.poll(rowOf).toBe(1);
  await page.keyboard.press('Tab');
  await expect(grid.locator('.ag-cell:focus')).toHaveCount(0);
  expect(await grid.evaluate((el) => el.contains(document.activeElement))).toBe(false);
  await page.keyboard.press('Shift+Tab'); // back into the grid, on the cell it left
  await expect(focused).toHaveCount(1);
  expect(await rowOf()).toBe(1);
});
