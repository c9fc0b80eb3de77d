import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import type {} from '../src/shared/ipc/graph/hook';
import { countPixels, exportGraphPng } from './fixtures/images';
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

const graph = (page: Page) => page.getByRole('region', { name: 'Graph' });

async function settled(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () => !!window.__awGraph && !window.__awGraph.stats().busy && window.__awGraph.nodes().length > 0,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = window.__awGraph!.labelBoxes();
    const names = new Map(window.__awGraph!.nodes().map((n) => [n.id, n.name]));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
          found.push(`${names.get(a.id)} / ${names.get(b.id)}`);
      }
    return found;
  });
}

test('the sample case graph: time window, lineage, no overlapping labels', async ({ workbench }) => {
  const { page } = workbench;
  await settled(page);
  const names = await page.evaluate(() => window.__awGraph!.nodes().map((n) => n.name));
  expect(names).toContain('Al Qaeda in the Islamic Maghreb');
  expect(names).toContain('Jama’at Nusrat al Islam wal Muslimeen');
  expect(await page.evaluate(() => window.__awGraph!.nodes().every((n) => n.type === 'organization'))).toBe(
    true,
  );
  expect(await overlaps(page)).toEqual([]);

  // The early-2017 merger into JNIM comes and goes with the time window.
  const jnimMergers = () =>
    page.evaluate(() => {
      const jnim = window.__awGraph!.nodes().find((n) => n.name.startsWith('Jama’at Nusrat'));
      return window.__awGraph!.edges().filter((e) => e.type === 'merged_into' && e.target === jnim?.id)
        .length;
    });
  expect(await jnimMergers()).toBeGreaterThanOrEqual(4);
  await graph(page).getByLabel('To year').fill('2016');
  await expect(graph(page).getByTestId('graph-to')).toHaveText('2016');
  await expect.poll(jnimMergers).toBe(0);
  expect(
    await page.evaluate(() => window.__awGraph!.nodes().some((n) => n.name.startsWith('Jama’at Nusrat'))),
  ).toBe(false);
  await graph(page).getByLabel('To year').fill('2017');
  await expect.poll(jnimMergers).toBeGreaterThanOrEqual(4);
  await graph(page).getByLabel('From year').fill('2007');
  await graph(page).getByLabel('To year').fill('2007');
  const in2007 = await page.evaluate(() => window.__awGraph!.nodes().map((n) => n.name));
  expect(in2007).toContain('Al Qaeda in the Islamic Maghreb');
  expect(in2007).not.toContain('Al Murabitoun');
  await graph(page).getByRole('button', { name: 'All years' }).click();

  // Lineage: every splinter and merger points forward in time.
  await graph(page).getByLabel('Layout').selectOption('lineage');
  await expect.poll(() => page.evaluate(() => window.__awGraph!.layoutName())).toBe('lineage');
  await settled(page);
  const lineage = await page.evaluate(() => {
    const hook = window.__awGraph!;
    const at = new Map(hook.nodes().map((n) => [n.id, n]));
    const loops = hook.loopEdges();
    const checked = hook
      .edges()
      .filter((e) => e.type === 'splinter_of' || e.type === 'merged_into')
      .map((e) => {
        const [older, newer] = e.type === 'splinter_of' ? [e.target, e.source] : [e.source, e.target];
        return {
          forward: at.get(newer)!.x > at.get(older)!.x,
          loop: loops.includes(e.id),
          text: `${at.get(e.source)!.name} ${e.type} ${at.get(e.target)!.name} ${e.start ?? ''}`,
        };
      });
    return { checked, loops: loops.length };
  });
  expect(lineage.checked.length).toBeGreaterThanOrEqual(10);
  expect(lineage.checked.filter((c) => !c.forward && !c.loop).map((c) => c.text)).toEqual([]);
  // The only backward edge allowed is a group rejoining the one it left (Al Murabitoun back into AQIM, 2015).
  expect(lineage.checked.filter((c) => c.loop).map((c) => c.text)).toEqual([
    'Al Murabitoun merged_into Al Qaeda in the Islamic Maghreb 2015',
  ]);
  expect(await overlaps(page)).toEqual([]);
});

test('exports the graph as PNG and SVG files', async ({ workbench }) => {
  const { page } = workbench;
  await settled(page);

  await graph(page).getByRole('button', { name: 'Export image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export graph image' });
  await dialog.getByLabel('Scale').selectOption('2');
  await dialog.getByLabel('Caption (optional)').fill('AQIM family, sample case');
  const pngDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const png = fs.readFileSync(await (await pngDownload).path());
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(600);
  expect(height).toBeGreaterThan(400);
  // Inked: any channel under 200; blue: organization nodes.
  const ink = await countPixels(page, png, {
    r: [0, 199, 0, 255, 0, 255],
    g: [0, 255, 0, 199, 0, 255],
    b: [0, 255, 0, 255, 0, 199],
    white: [200, 255, 200, 255, 200, 255],
    blue: [0, 79, 0, 255, 151, 255],
  });
  const pixels = { width: ink.width, inked: ink.total - ink.white, blue: ink.blue, total: ink.total };
  expect(pixels.width).toBe(width);
  expect(pixels.inked / pixels.total).toBeGreaterThan(0.005);
  expect(pixels.blue).toBeGreaterThan(500); // organization nodes are drawn

  await graph(page).getByRole('button', { name: 'Export image…' }).click();
  await dialog.getByLabel('SVG').check();
  const svgDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export SVG' }).click();
  const svg = fs.readFileSync(await (await svgDownload).path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  const texts = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const labels = await page.evaluate(() => window.__awGraph!.nodes().map((n) => n.name));
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const label of labels) expect(texts.map(unescape), label).toContain(label);
  expect(svg).toContain('Sources:');
});

test('closing the export dialog while the image is being made saves nothing', async ({ workbench }) => {
  const { page } = workbench;
  await settled(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  const before = await page.evaluate(() => window.__awGraph!.stats().lastExport?.drawMs ?? null);
  await graph(page).getByRole('button', { name: 'Export image…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export graph image' })).toBeVisible();
  // Export, then Cancel at once: the export has started and is waiting on the browser's encoder.
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form[aria-label="Export graph image"]')!;
    form.requestSubmit();
    [...form.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
  });
  await expect(page.getByRole('dialog', { name: 'Export graph image' })).toHaveCount(0);
  // The image was made (the test hook hears of it) but not saved.
  await expect
    .poll(() => page.evaluate(() => window.__awGraph!.stats().lastExport?.drawMs ?? null))
    .not.toBe(before);
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});

test('exports a graph bigger than a browser canvas allows as a correct, non-blank PNG, strip by strip', async ({
  workbench,
}) => {
  const { page } = workbench;
  await settled(page);
  await graph(page).getByRole('button', { name: 'Enlarge' }).click();
  const canvas = page.getByTestId('graph-canvas');
  const box = (await canvas.boundingBox())!;
  // Zoom right out, then drag the rightmost group far right and the lowest one down: the graph
  // becomes tens of thousands of model pixels wide and thousands high — an image past 16,384 px a
  // side and past the pixels one canvas may hold, so it is drawn and encoded in strips.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60 && (await page.evaluate(() => window.__awGraph!.zoom())) > 0.03; i++) {
    await page.mouse.wheel(0, 300 + i * 7.3); // uneven steps, or cytoscape takes the wheel for a coarse one and zooms slowly
    await page.waitForTimeout(30);
  }
  const screen = (pick: 'right' | 'bottom') =>
    page.evaluate((pick) => {
      const g = window.__awGraph!;
      const zoom = g.zoom();
      const pan = g.pan();
      const nodes = g.nodes();
      const n = nodes.reduce((a, b) => (pick === 'right' ? (b.x > a.x ? b : a) : b.y > a.y ? b : a));
      return { x: n.x * zoom + pan.x, y: n.y * zoom + pan.y, zoom };
    }, pick);
  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++)
      await page.mouse.move(
        box.x + from.x + ((to.x - from.x) * step) / 10,
        box.y + from.y + ((to.y - from.y) * step) / 10,
      );
    await page.mouse.up();
  };
  const right = await screen('right');
  await drag(right, { x: box.width - 10, y: right.y });
  const extent = () =>
    page.evaluate(() => {
      const nodes = window.__awGraph!.nodes();
      const xs = nodes.map((n) => n.x);
      const ys = nodes.map((n) => n.y);
      return { w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    });
  const wide = await extent();
  expect(wide.w).toBeGreaterThan(16_384);
  // Down by a fifth of the width: at 32,000 px wide the image is then over 6,000 px high.
  const bottom = await screen('bottom');
  await drag(bottom, {
    x: bottom.x,
    y: bottom.y + Math.min(box.height - bottom.y - 10, wide.w * 0.2 * bottom.zoom),
  });
  const spread = await extent();
  expect(spread.h / spread.w).toBeGreaterThan(0.12);

  const { png, made } = await exportGraphPng(page);
  expect(made.strips).toBeGreaterThan(1);
  // Decode it here: PNG signature, header, and organization blue near the right edge and the bottom.
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([width, height]).toEqual([made.width, made.height]);
  expect(width).toBeGreaterThan(16_384);
  expect(width * height).toBeGreaterThan(16_384 * 16_384 * 0.37);
  const channels = png[25] === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const stride = width * channels + 1;
  let pending: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  let row = 0;
  let blueRight = 0;
  let blueBottom = 0;
  let filtersOk = true;
  const inflate = zlib.createInflate();
  inflate.on('data', (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    for (; at + stride <= pending.length; at += stride, row++) {
      if (pending[at] !== 0) filtersOk = false; // rows are written unfiltered
      for (let x = 0; x < width; x += 2) {
        const i = at + 1 + x * channels;
        if (pending[i + 2]! > 150 && pending[i]! < 80) {
          if (x > width - 3000) blueRight++;
          if (row > height - 3000) blueBottom++;
        }
      }
    }
    pending = pending.subarray(at);
  });
  await new Promise<void>((resolve, reject) => {
    inflate.on('end', resolve);
    inflate.on('error', reject);
    for (const part of idat) inflate.write(part);
    inflate.end();
  });
  expect(row).toBe(height);
  expect(filtersOk).toBe(true);
  expect(blueRight).toBeGreaterThan(50); // the group dragged far right is drawn
  expect(blueBottom).toBeGreaterThan(50); // and the one dragged down
});
