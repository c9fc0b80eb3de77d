// A write shows in the graph as a change, not a reload: main says which rows it touched, the graph
// reads those rows again and changes those elements, and nothing moves.
import type { Page } from '@playwright/test';
import { expect, ipc, test } from './fixtures/shell';
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

  // Opening another case (a new one) is read whole; opening the open case again is no change at all.
  await ipc(page, 'case:create', {});
  await expect.poll(() => graph.hook((g) => g.stats().reloads)).toBe(reloads + 1);
});

test('the graph draws the case’s own types: a recoloured type, a renamed relation and a new type follow at once', async ({
  workbench,
}) => {
  const { page } = workbench;
  const graph = new GraphPage(page);
  await graph.settled();
  const aqim = await graph.hook(
    (g) => g.nodes().find((n) => n.name.startsWith('Al Qaeda in the Islamic'))!.id,
  );
  expect(await graph.hook((g, id) => g.node(id)?.colour, aqim)).toBe('rgb(31,95,191)');

  // The Vocabulary editor's channel: organizations become "Armed groups", magenta stars.
  await ipc(page, 'vocabulary:save', {
    kind: 'entity',
    type: {
      id: 'organization',
      label: 'Armed group',
      plural: 'Armed groups',
      colour: '#ff00ff',
      shape: 'star',
    },
  });
  await expect.poll(() => graph.hook((g, id) => g.node(id)?.colour, aqim)).toBe('rgb(255,0,255)');
  expect(await graph.hook((g, id) => g.node(id)?.shape, aqim)).toBe('star');
  await expect(page.getByRole('group', { name: 'Entity types' })).toContainText('Armed groups');

  // A relation type that reads differently: the lineage labels follow.
  await ipc(page, 'vocabulary:save', {
    kind: 'relation',
    type: {
      id: 'splinter_of',
      reads: 'split away from',
      symmetric: false,
      lineage: true,
      colour: '#c62828',
      lineStyle: 'solid',
    },
  });
  await expect
    .poll(() => graph.hook((g) => g.edges().filter((e) => e.type === 'splinter_of')[0]?.label))
    .toMatch(/^split away from/);

  // A type the case adds is one of the filters, and its entities show when it is ticked.
  await ipc(page, 'vocabulary:save', {
    kind: 'entity',
    type: { id: 'militia', label: 'Militia', plural: 'Militias', colour: '#00897b', shape: 'triangle' },
  });
  await ipc(page, 'entities:create', { type: 'militia', name: 'Ganda Koy' });
  const militias = page.getByRole('group', { name: 'Entity types' }).getByLabel('Militias');
  await militias.check();
  await expect
    .poll(() => graph.hook((g) => g.nodes().find((n) => n.name === 'Ganda Koy')?.type))
    .toBe('militia');
});
