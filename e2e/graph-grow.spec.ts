// A graph grown a few entities at a time (as an analyst accepts a document's suggestions one by one)
// is laid out once the nodes placed beside their neighbours add up, instead of running off the view.
import { expect, ipc, test } from './fixtures/shell';
import { GraphPage } from './pages/GraphPage';

test('entities added one by one are laid out together and stay in view', async ({ workbench }) => {
  const { page } = workbench;
  const graph = new GraphPage(page);
  const first = await ipc(page, 'entities:create', { type: 'organization', name: 'GSPC' });
  await graph.settled();
  const runs = await graph.hook((g) => g.stats().layoutRuns);
  let previous = first.id;
  const names = [
    'AQIM',
    'Al Mulathamun',
    'MUJAO',
    'Al Murabitoun',
    'Ansar al Dine',
    'JNIM',
    'ISGS',
    'Katiba Macina',
  ];
  for (const name of names) {
    const next = await ipc(page, 'entities:create', { type: 'organization', name });
    await ipc(page, 'relations:create', { sourceId: next.id, targetId: previous, type: 'splinter_of' });
    previous = next.id;
    await expect.poll(() => graph.hook((g, n) => g.nodes().some((node) => node.name === n), name)).toBe(true);
  }
  expect(await graph.hook((g) => g.stats().layoutRuns)).toBeGreaterThan(runs);
  await expect.poll(() => graph.hook((g) => g.stats().busy)).toBe(false);
  // Every node is drawn inside the graph's canvas.
  const box = (await graph.canvas.boundingBox())!;
  const drawn = await graph.hook((g) => {
    const { x: px, y: py } = g.pan();
    const z = g.zoom();
    return g.nodes().map((n) => ({ name: n.name, x: n.x * z + px, y: n.y * z + py }));
  });
  expect(drawn).toHaveLength(names.length + 1);
  for (const n of drawn) {
    expect(n.x, n.name).toBeGreaterThanOrEqual(0);
    expect(n.x, n.name).toBeLessThanOrEqual(box.width);
    expect(n.y, n.name).toBeGreaterThanOrEqual(0);
    expect(n.y, n.name).toBeLessThanOrEqual(box.height);
  }
});
