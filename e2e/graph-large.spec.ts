// A big graph's PNG: its straight edges are rasterised on a second thread while the nodes are
// drawn, then laid under them. This checks the image has both.
import path from 'node:path';
import type { Page } from '@playwright/test';
import type {} from '../src/shared/ipc/graph/hook';
import { CaseStore } from '../src/main/store';
import { countPixels, exportGraphPng } from './fixtures/images';
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

test('a big graph exports as a PNG with its edges and its nodes drawn', async ({ workbench }) => {
  test.setTimeout(90_000);
  const { page } = workbench;
  const file = path.join(workbench.dir, 'big.awcase');
  bigCase(file);
  await openCase(page, file);
  await expect
    .poll(
      () =>
        page.evaluate(
          () => !!window.__awGraph && !window.__awGraph.stats().busy && window.__awGraph.nodes().length,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(NODES);

  const { png, made } = await exportGraphPng(page);
  expect(made.phases?.edgeThread).toBeGreaterThan(0); // the edges went through the edge thread

  // Count, in the decoded image, rival_of pink (#d81b60) edge pixels and organization blue node pixels.
  const counts = await countPixels(page, png, {
    pink: [171, 255, 0, 89, 61, 139],
    blue: [0, 79, 0, 255, 151, 255],
  });
  expect(counts.pink).toBeGreaterThan(counts.total * 0.01);
  expect(counts.blue).toBeGreaterThan(NODES * 20);
});
