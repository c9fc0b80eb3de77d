// Private notes never leave the machine: private notes carrying unique random markers, on random
// groups, relations and source documents and on the case itself, appear in no file the analyst can
// export from the screen (graph PNG with its metadata, SVG with legend and sources, sheet CSV of
// both tabs, case JSON with and without shareable notes); shareable markers appear only in the case
// JSON, and only when asked for. A note on a source document is kept and shown with the document.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

const MARKER = `PRIVATE-${Date.now().toString(36)}-do-not-export`;
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();

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

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Every text a PNG carries besides its pixels: tEXt, zTXt and iTXt chunks, inflated where compressed. */
function pngTexts(png: Buffer): string[] {
  const texts: string[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'tEXt') texts.push(data.toString('latin1'));
    if (type === 'zTXt') texts.push(zlib.inflateSync(data.subarray(data.indexOf(0) + 2)).toString('latin1'));
    if (type === 'iTXt') {
      const keywordEnd = data.indexOf(0);
      const compressed = data[keywordEnd + 1] === 1;
      const rest = data.subarray(keywordEnd + 3);
      const afterLanguage = rest.indexOf(0);
      const afterTranslated = rest.indexOf(0, afterLanguage + 1);
      const text = rest.subarray(afterTranslated + 1);
      texts.push((compressed ? zlib.inflateSync(text) : text).toString('utf8'));
    }
    at += 12 + length;
  }
  return texts;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const download: Promise<Download> = page.waitForEvent('download');
  await click();
  return fs.readFileSync(await (await download).path());
}

test('private notes with random markers on random subjects are in no exported image, CSV or case file', async ({
  workbench,
}) => {
  const { page } = workbench;
  await expect(page.getByTestId('status-entities')).toHaveText('95 entities');
  const entities = (await ipc<{ rows: { id: number }[] }>(page, 'entities:list', { offset: 0, limit: 1000 }))
    .rows;
  const relations = (
    await ipc<{ rows: { id: number }[] }>(page, 'relations:list', { offset: 0, limit: 1000 })
  ).rows;
  const sources = await ipc<{ id: number }[]>(page, 'sources:list', {});
  const privateMarkers: string[] = [];
  const shareableMarkers: string[] = [];
  for (let i = 0; i < 16; i++) {
    const kind = pick(['case', 'entity', 'relation', 'source'] as const);
    const id =
      kind === 'case' ? null : pick({ entity: entities, relation: relations, source: sources }[kind]).id;
    const isPrivate = i % 2 === 0;
    const marker = `${isPrivate ? 'PRIV' : 'SHARE'}${RUN}N${i}Q`;
    (isPrivate ? privateMarkers : shareableMarkers).push(marker);
    await ipc(page, 'notes:save', {
      subject: { kind, id },
      body: `My judgement: **${marker}**, "quoted", <b>bold</b>`,
      private: isPrivate,
    });
  }
  await expect(page.getByText('16 notes')).toBeVisible();

  const files: { name: string; text: string; carriesShareable: boolean }[] = [];
  const graph = page.getByRole('region', { name: 'Graph' });
  const exportImage = async (format: 'PNG' | 'SVG'): Promise<Buffer> => {
    await graph.getByRole('button', { name: 'Export image…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export graph image' });
    await dialog.getByLabel(format).check();
    await dialog.getByLabel('List the sources cited by the relations shown').check();
    return downloaded(page, () => dialog.getByRole('button', { name: `Export ${format}` }).click());
  };
  const svg = (await exportImage('SVG')).toString('utf8');
  expect(svg).toContain('Al Qaeda in the Islamic Maghreb');
  files.push({ name: 'graph SVG', text: svg, carriesShareable: false });
  const png = await exportImage('PNG');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  files.push({
    name: 'graph PNG (bytes and text chunks)',
    text: [png.toString('latin1'), ...pngTexts(png)].join('\n'),
    carriesShareable: false,
  });

  const sheet = page.getByRole('region', { name: 'Sheet' });
  for (const tab of ['Entities', 'Relations'] as const) {
    await sheet.getByRole('tab', { name: tab }).click();
    const csv = (
      await downloaded(page, () => sheet.getByRole('button', { name: 'Export CSV' }).click())
    ).toString('utf8');
    expect(csv).toContain('Al Qaeda in the Islamic Maghreb');
    files.push({ name: `${tab} CSV`, text: csv, carriesShareable: false });
  }

  for (const withShareable of [false, true]) {
    await page.getByRole('button', { name: 'Export case…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export case' });
    await dialog.getByLabel('Include shareable notes').setChecked(withShareable);
    const json = (
      await downloaded(page, () => dialog.getByRole('button', { name: 'Export' }).click())
    ).toString('utf8');
    expect(json).toContain('Al Qaeda in the Islamic Maghreb');
    files.push({
      name: `case JSON, shareable notes ${withShareable ? 'asked for' : 'not asked for'}`,
      text: json,
      carriesShareable: withShareable,
    });
  }

  for (const file of files) {
    expect(
      privateMarkers.filter((m) => file.text.includes(m)),
      file.name,
    ).toEqual([]);
    expect(
      shareableMarkers.filter((m) => file.text.includes(m)),
      file.name,
    ).toEqual(file.carriesShareable ? shareableMarkers : []);
  }
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
