// Private notes never leave the machine: a unique marker in a private note on a group appears in
// no file the analyst can export from the screen (graph SVG with legend and sources, sheet CSV),
// while a note on a source document is kept and shown with the document.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

const MARKER = `PRIVATE-${Date.now().toString(36)}-do-not-export`;

async function ipc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const res = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'x-aw-token': sessionStorage.getItem('aw-token') ?? '',
        },
        body: JSON.stringify(input),
      });
      const result = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    { channel, input },
  ) as Promise<T>;
}

test('a private note’s text is in no exported image or CSV', async ({ workbench }) => {
  const { page } = workbench;
  await expect(page.getByTestId('status-entities')).toHaveText('95 entities');
  const found = await ipc<{ rows: { id: number; name: string }[] }>(page, 'entities:list', {
    offset: 0,
    limit: 5,
    quick: 'Al Qaeda in the Islamic Maghreb',
  });
  const aqim = found.rows.find((r) => r.name === 'Al Qaeda in the Islamic Maghreb')!;
  await ipc(page, 'notes:save', { subject: { kind: 'entity', id: aqim.id }, body: `My judgement ${MARKER}` });
  await ipc(page, 'notes:save', { subject: { kind: 'case', id: null }, body: `Case-wide ${MARKER}` });
  await expect(page.getByText('2 notes')).toBeVisible();

  const graph = page.getByRole('region', { name: 'Graph' });
  await graph.getByRole('button', { name: 'Export image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export graph image' });
  await dialog.getByLabel('SVG').check();
  const svgDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const svg = fs.readFileSync(await (await svgDownload).path(), 'utf8');
  expect(svg).toContain('Al Qaeda in the Islamic Maghreb');
  expect(svg).not.toContain(MARKER);

  const sheet = page.getByRole('region', { name: 'Sheet' });
  const csvDownload = page.waitForEvent('download');
  await sheet.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv).toContain('Al Qaeda in the Islamic Maghreb');
  expect(csv).not.toContain(MARKER);
});

test('notes can be written on a source document from the reader', async ({ workbench }) => {
  const { page } = workbench;
  const side = page.getByRole('complementary', { name: 'Side panel' });
  await side.getByRole('tab', { name: 'Sources' }).click();
  await side
    .getByRole('button', { name: 'Al Qaeda in the Islamic Maghreb (AQIM) and Related Groups' })
    .click();
  await expect(page.getByRole('dialog', { name: /^Reader: Al Qaeda in the Islamic Maghreb/ })).toBeVisible();
  await side.getByRole('tab', { name: 'Notes' }).click();
  const notes = side.getByRole('region', { name: 'Notes' });
  await expect(notes.getByRole('heading', { level: 3 })).toContainText(
    'Al Qaeda in the Islamic Maghreb (AQIM) and Related Groups',
  );
  await notes.getByRole('button', { name: 'New note' }).click();
  await page.keyboard.type(`Read alongside the 2017 State Department report ${MARKER}`);
  await expect
    .poll(
      async () =>
        (await ipc<{ body: string }[]>(page, 'notes:list', { subject: { kind: 'source', id: 2 } })).length +
        (await ipc<{ body: string }[]>(page, 'notes:list', { subject: { kind: 'source', id: 1 } })).length,
    )
    .toBe(1);
});
