// A write shows in the graph as a change, not a reload: main says which rows it touched, the graph
// reads those rows again and changes those elements, and nothing moves.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/shell';
import { GraphPage } from './pages/GraphPage';

test.use({ sample: true });

/** Renames an entity in the sheet, as the analyst does: find it, double-click its name, type. */
async function renameInSheet(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('Quick search entities').fill(from);
  await expect(page.getByTestId('sheet-count')).toHaveText(/^\d entit/); // the rows filtered, before the double-click
  const sheet = page.getByRole('region', { name: 'Sheet' }).getByRole('region', { name: 'Entities' });
  const cell = sheet
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="name"]', { hasText: from }) })
    .first()
    .locator('[col-id="name"]');
  await cell.dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
}

/** Every node's position, by id. */
const positions = (graph: GraphPage) =>
  graph.hook((g) => Object.fromEntries(g.nodes().map((n) => [n.id, [n.x, n.y]])));

test('renaming an entity in the sheet changes its label in the graph without reading the case again or moving a node', async ({
  workbench,
}) => {
  const { page } = workbench;
  const graph = new GraphPage(page);
  await graph.settled();
  const before = { reloads: await graph.hook((g) => g.stats().reloads), at: await positions(graph) };
  const boko = await graph.hook((g) => g.nodes().find((n) => n.name === 'Boko Haram')!.id);

  await renameInSheet(page, 'Boko Haram', 'Jama’atu Ahlis Sunna');
  await expect
    .poll(() => graph.hook((g) => g.nodes().find((n) => n.name.startsWith('Jama’atu Ahlis'))?.id))
    .toBe(boko);
  expect(await graph.hook((g) => g.stats().reloads)).toBe(before.reloads);
  expect(await graph.hook((g) => g.stats().lastDelta)).toMatchObject({ nodes: 1, edges: 0, relayout: false });
  expect(await positions(graph)).toEqual(before.at);

  // Undo (Ctrl+Z) is a change of the same rows, applied the same way.
  await graph.region.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => graph.hook((g) => g.nodes().find((n) => n.name === 'Boko Haram')?.id)).toBe(boko);
  expect(await graph.hook((g) => g.stats().reloads)).toBe(before.reloads);
  expect(await positions(graph)).toEqual(before.at);
});

test('a new relation appears in the graph as a delta; another case is read whole', async ({ workbench }) => {
  const { page } = workbench;
  const graph = new GraphPage(page);
  await graph.settled();
  const reloads = await graph.hook((g) => g.stats().reloads);
  const edges = await graph.hook((g) => g.edges().length);
  // Add a relation the way the sheet's form does (its channel), between two groups on screen.
  const ids = await graph.hook((g) => {
    const byName = (name: string) => g.nodes().find((n) => n.name === name)!.id;
    return [byName('Boko Haram'), byName('Ansar al Dine')];
  });
  await page.evaluate(async ([sourceId, targetId]) => {
    const response = await fetch('/ipc/relations:create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-aw-token': sessionStorage.getItem('aw-token') ?? '' },
      body: JSON.stringify({ sourceId, targetId, type: 'allied_with', startDate: '2015' }),
    });
    if (!((await response.json()) as { ok: boolean }).ok) throw new Error('relations:create failed');
  }, ids);
  await expect.poll(() => graph.hook((g) => g.edges().length)).toBe(edges + 1);
  expect(await graph.hook((g) => g.stats().reloads)).toBe(reloads);
  expect(await graph.hook((g) => g.stats().lastDelta?.edges)).toBe(1);

  // Opening a case (here the same one again) is read whole.
  const path = await page.evaluate(async () => {
    const response = await fetch('/ipc/case:info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-aw-token': sessionStorage.getItem('aw-token') ?? '' },
      body: '{}',
    });
    return ((await response.json()) as { value: { path: string } }).value.path;
  });
  await page.evaluate(async (path) => {
    await fetch('/ipc/case:open', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-aw-token': sessionStorage.getItem('aw-token') ?? '' },
      body: JSON.stringify({ path }),
    });
  }, path);
  await expect.poll(() => graph.hook((g) => g.stats().reloads)).toBe(reloads + 1);
});
