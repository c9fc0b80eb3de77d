// A big graph on screen and in a PNG. On screen its edges (and, zoomed out, its nodes) are drawn by
// the edge layer's worker under cytoscape's canvas, and what is under the pointer is found from
// the layer's arrays; in the PNG its straight edges are rasterised on a second thread while the
// nodes are drawn, then laid under them. These check both pictures hold edges and nodes, and that
// a click still finds the node under it.
import path from 'node:path';
import type { Page } from '@playwright/test';
import type {} from '../src/shared/ipc/graph/hook';
import { CaseStore } from '../src/main/store';
import { countPixels, exportGraphPng, type ColourRange } from './fixtures/images';
import { expect, test } from './fixtures/shell';

const NODES = 1_500;
const EDGES = 5_000;

function bigCase(file: string): void {
  const store = CaseStore.open(file, { create: true });
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647);
  store.transaction(() => {
    for (let i = 0; i < NODES; i++) store.entities.insert({ type: 'organization', name: `Katiba ${i}` });
    for (let i = 0; i < EDGES; i++) {
      const a = (next() % NODES) + 1;
      const b = (next() % NODES) + 1;
      if (a !== b) store.relations.insert({ sourceId: a, targetId: b, type: 'rival_of' });
    }
  });
  store.close();
}

async function openCase(page: Page, file: string): Promise<void> {
  await page.evaluate(async (file) => {
    const response = await fetch('/ipc/case:open', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-aw-token': sessionStorage.getItem('aw-token') ?? '' },
      body: JSON.stringify({ path: file }),
    });
    if (!((await response.json()) as { ok: boolean }).ok) throw new Error('case:open failed');
  }, file);
}

/** Writes the big case into the test's folder, opens it, and waits until every node is in the graph. */
async function openBigCase(workbench: { page: Page; dir: string }): Promise<Page> {
  const { page } = workbench;
  const file = path.join(workbench.dir, 'big.awcase');
  bigCase(file);
  await openCase(page, file);
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          window.__awGraph && !window.__awGraph.stats().busy ? window.__awGraph.nodes().length : 0,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(NODES);
  return page;
}

/** The model point at the middle of the graph's box, the zoom, and the box's height. */
async function viewCentre(page: Page): Promise<{ x: number; y: number; zoom: number; height: number }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  return page.evaluate(
    ({ width, height }) => {
      const g = window.__awGraph!;
      const zoom = g.zoom();
      const pan = g.pan();
      return { x: (width / 2 - pan.x) / zoom, y: (height / 2 - pan.y) / zoom, zoom, height };
    },
    { width: box.width, height: box.height },
  );
}

/** rival_of pink (#d81b60) edge pixels and organization blue node pixels, as channel ranges. */
const PINK_AND_BLUE = {
  pink: [171, 255, 0, 89, 61, 139],
  blue: [0, 79, 0, 255, 151, 255],
} satisfies Record<string, ColourRange>;

test('a big graph exports as a PNG with its edges and its nodes drawn', async ({ workbench }) => {
  test.setTimeout(90_000);
  const page = await openBigCase(workbench);

  const { png, made } = await exportGraphPng(page);
  expect(made.phases?.edgeThread).toBeGreaterThan(0); // the edges went through the edge thread

  // Count, in the decoded image, rival_of pink (#d81b60) edge pixels and organization blue node pixels.
  const counts = await countPixels(page, png, PINK_AND_BLUE);
  expect(counts.pink).toBeGreaterThan(counts.total * 0.01);
  expect(counts.blue).toBeGreaterThan(NODES * 20);

  // The lines come from the edge layer's arrays: hiding the relation type just before exporting
  // leaves it out of the image too, nodes kept.
  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Filters & analysis' }).click();
  await graph.getByRole('checkbox', { name: 'is a rival of' }).uncheck();
  await graph.getByRole('button', { name: 'Filters & analysis' }).click();
  const filtered = await countPixels(page, (await exportGraphPng(page)).png, PINK_AND_BLUE);
  expect(filtered.pink).toBeLessThan(filtered.total * 0.001);
  expect(filtered.blue).toBeGreaterThan(NODES * 20);
});

test('a big graph on screen: the edge layer draws edges and nodes, and a click selects the node under it', async ({
  workbench,
}) => {
  test.setTimeout(90_000);
  const page = await openBigCase(workbench);
  const edges = await page.evaluate(() => window.__awGraph!.edges().length);
  await expect
    .poll(() => page.evaluate(() => window.__awGraph!.stats().edgeLayer?.draws ?? 0))
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__awGraph!.stats().edgeLayer?.lines)).toBe(edges);
  // Cytoscape works out the bounds only of what it draws; the layer has it work out the rest in
  // idle time, so an export (or anything else asking for all of them) finds them ready.
  const boundsPending = () => page.evaluate(() => window.__awGraph!.stats().edgeLayer?.boundsPending);
  await expect.poll(boundsPending).toBe(0);

  // What the analyst sees: rival_of pink edges and organization blue nodes, neither blank.
  const shot = await page.getByTestId('graph-canvas').screenshot();
  const counts = await countPixels(page, shot, PINK_AND_BLUE);
  expect(counts.pink).toBeGreaterThan(counts.total * 0.01);
  expect(counts.blue).toBeGreaterThan(counts.total * 0.01);

  // Click the node nearest the middle of the view that no other node overlaps: it is selected.
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const target = await page.evaluate(
    ({ w, h }) => {
      const g = window.__awGraph!;
      const z = g.zoom();
      const pan = g.pan();
      const nodes = g
        .nodes()
        .map((n) => ({ id: n.id, x: n.x * z + pan.x, y: n.y * z + pan.y, r: (n.size * z) / 2 }));
      const byDistance = [...nodes].sort(
        (a, b) => (a.x - w / 2) ** 2 + (a.y - h / 2) ** 2 - ((b.x - w / 2) ** 2 + (b.y - h / 2) ** 2),
      );
      return byDistance.find((n) =>
        nodes.every((o) => o === n || Math.hypot(o.x - n.x, o.y - n.y) > (o.r + n.r) * 1.5 + 4),
      )!;
    },
    { w: box.width, h: box.height },
  );
  await page.mouse.click(box.x + target.x, box.y + target.y);
  await expect.poll(() => page.evaluate(() => window.__awGraph!.selected())).toEqual([target.id]);
  // Hiding the organizations hides every node, so every edge: the layer's picture loses them all.
  await page
    .getByRole('region', { name: 'Graph' })
    .getByRole('checkbox', { name: 'Organizations' })
    .uncheck();
  await expect.poll(() => page.evaluate(() => window.__awGraph!.stats().edgeLayer?.lines)).toBe(0);
  const hidden = await countPixels(page, await page.getByTestId('graph-canvas').screenshot(), PINK_AND_BLUE);
  expect(hidden.pink).toBeLessThan(hidden.total * 0.001);
  expect(hidden.blue).toBeLessThan(hidden.total * 0.001);
  await page.getByRole('region', { name: 'Graph' }).getByRole('checkbox', { name: 'Organizations' }).check();
  await expect.poll(() => page.evaluate(() => window.__awGraph!.stats().edgeLayer?.lines)).toBe(edges);
  await expect.poll(boundsPending).toBe(0); // shown again, restyled: worked out again

  // Node size by PageRank: a big graph is resized a chunk per idle slot (one restyle of every node
  // froze the window); in the end every node is sized by its rank.
  const graph = page.getByRole('region', { name: 'Graph' });
  const before = await viewCentre(page);
  await graph.getByRole('button', { name: 'Filters & analysis' }).click();
  // The panel takes part of the graph's box; the view keeps its centre.
  await expect.poll(async () => (await viewCentre(page)).height).not.toBe(before.height);
  const after = await viewCentre(page);
  expect(Math.abs(after.x - before.x) * after.zoom).toBeLessThan(1);
  expect(Math.abs(after.y - before.y) * after.zoom).toBeLessThan(1);
  await graph.getByLabel('Node size by').selectOption('pagerank');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const g = window.__awGraph!;
        const nodes = g.nodes().map((n) => ({ size: n.size, rank: g.metrics(n.id)?.pagerank ?? NaN }));
        nodes.sort((a, b) => a.rank - b.rank);
        const ordered = nodes.every((n, i) => i === 0 || n.size >= nodes[i - 1]!.size - 1e-9);
        return ordered && nodes[0]!.size < nodes.at(-1)!.size;
      }),
    )
    .toBe(true);
  await graph.getByRole('button', { name: 'Filters & analysis' }).click();

  // A click on nothing clears the selection (the canvas moved as the panel opened and closed).
  const moved = (await page.getByTestId('graph-canvas').boundingBox())!;
  await page.mouse.click(moved.x + 3, moved.y + 3);
  await expect.poll(() => page.evaluate(() => window.__awGraph!.selected())).toEqual([]);
});
