// Real networks in and out the way an analyst does it: Import network… with a Gephi file, the
// preview and its type choices, the graph showing what came in, Export network… as a download, and a
// colleague's case export opened as a case of its own.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ipc, test } from './fixtures/shell';

const REAL = path.resolve(import.meta.dirname, '..', '..', 'shared', 'real-data');

const visibleNodes = (page: Page): Promise<number> =>
  page.evaluate(
    () => (window as unknown as { __awGraph?: { nodes(): unknown[] } }).__awGraph?.nodes().length ?? 0,
  );

test('imports a Gephi network through the preview, shows it, and exports it as GraphML', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.getByRole('button', { name: 'Import network…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a network' });
  await dialog.getByTestId('network-file').setInputFiles(path.join(REAL, 'gephi081-rio.gexf'));
  await expect(dialog.getByTestId('network-summary')).toContainText('Will add 366 entities, 1,107 relations');
  // Nothing is written by the preview.
  expect((await ipc(page, 'case:info', {})).counts.entities).toBe(0);
  await expect(dialog.getByTestId('network-types')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('preview.png') });
  await dialog.getByTestId('network-import').click();
  await expect(dialog.getByTestId('network-summary')).toContainText('Added 366 entities, 1,107 relations');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const info = await ipc(page, 'case:info', {});
  expect(info.counts).toMatchObject({ entities: 366, relations: 1107 });
  // The graph shows what came in, whatever its types.
  await expect.poll(() => visibleNodes(page), { timeout: 30_000 }).toBe(366);

  // Centrality as numbers: the definition in words, saved for the whole case as sheet columns.
  await page.getByRole('button', { name: 'Filters & analysis' }).click();
  await expect(page.getByTestId('centrality-definition')).toContainText('Unweighted: parallel relations');
  await page.getByRole('checkbox', { name: 'Weighted' }).check();
  await expect(page.getByTestId('centrality-definition')).toContainText('1/weight');
  await page.getByRole('button', { name: 'Save for the whole case as sheet columns' }).click();
  await expect(page.getByText(/Saved for 366 entities/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('centrality.png') });
  const ranked = await ipc(page, 'entities:list', {
    offset: 0,
    limit: 1,
    sort: [{ column: 'attr:centrality_pagerank', dir: 'desc' }],
  });
  expect(ranked.rows).toHaveLength(1);
  await page.getByRole('button', { name: 'Filters & analysis' }).click();

  await page.getByRole('button', { name: 'Export network…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the network' });
  await exportDialog.getByTestId('export-format').selectOption('graphml');
  const download = page.waitForEvent('download');
  await exportDialog.getByTestId('export-network').click();
  const file = await (await download).path();
  const text = fs.readFileSync(file!, 'utf8');
  expect(text).toContain('<graphml');
  expect(text.match(/<node /g)).toHaveLength(366);
  expect(text.match(/<edge /g)).toHaveLength(1107);

  // Undo takes the centralities back, then the whole import in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await ipc(page, 'case:info', {})).counts.entities).toBe(0);
});

test('opens a colleague’s case export as a new case, with its sources', async ({ workbench }) => {
  const { page } = workbench;
  const id = await ipc(page, 'entities:create', { type: 'organization', name: 'Ansar Dine' });
  expect(id).toBeTruthy();
  const exported = await ipc(page, 'interchange:export', { format: 'case' });
  if (!('bytes' in exported)) throw new Error('a one-entity case comes back inline');
  const file = path.join(workbench.dir, 'colleague.json');
  fs.writeFileSync(file, Buffer.from(exported.bytes, 'base64'));
  const before = (await ipc(page, 'case:info', {})).path;
  await page.getByRole('button', { name: 'Import network…' }).click();
  // The same file through Import network… goes into the open case (its entity is already there).
  const dialog = page.getByRole('dialog', { name: 'Import a network' });
  await dialog.getByTestId('network-file').setInputFiles(file);
  await expect(dialog.getByTestId('network-summary')).toContainText('Will add 0 entities');
  // …or opens as a case of its own, from the same preview.
  await dialog.getByRole('button', { name: 'Open as a new case' }).click();
  await expect(dialog).toBeHidden();
  const opened = await ipc(page, 'case:info', {});
  expect(opened.path).not.toBe(before);
  expect(opened.counts.entities).toBe(1);
});
