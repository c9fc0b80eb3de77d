// Graph figures at scale (issue 5): 20,000 entities / 80,000 relations opened and laid out (< 30 s),
// pan and zoom frame times while the analyst moves around, and PNG export of the whole graph
// (< 5 s) against cytoscape's own cy.png on the same positions. Baseline layout: `cose`, capped.
// `npm run bench -- graph-large`
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/fixtures/shell';
import { buildCase, coseBaseline, openInShell } from './graph.bench';
import { median, report, scratch } from './lib';

type Page = import('@playwright/test').Page;
/** How far a drag moves the pointer, in page pixels. */
const DRAG = { x: 200, y: 100 };

/** requestAnimationFrame intervals while `gesture` runs and for a second after (the redraw that ends it). */
async function framesDuring(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  // Strings, so the bundler's helpers (tsx's __name) never reach the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  await page.waitForTimeout(1000);
  return page.evaluate(`(() => { window.__stop = true; return window.__frames.slice(1); })()`) as Promise<
    number[]
  >;
}

/** The point of the graph canvas (page pixels) farthest from any node: where a press pans the view. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const spot = (await page.evaluate(`(() => {
    const g = window.__awGraph;
    const z = g.zoom();
    const pan = g.pan();
    const nodes = g.nodes().map((n) => [n.x * z + pan.x, n.y * z + pan.y]);
    let best = { x: ${box.width / 2}, y: ${box.height / 2}, d: -1 };
    for (let x = 40; x < ${box.width} - ${DRAG.x} - 40; x += 8)
      for (let y = 40; y < ${box.height} - ${DRAG.y} - 40; y += 8) {
        let d = Infinity;
        for (const [nx, ny] of nodes) d = Math.min(d, (nx - x) ** 2 + (ny - y) ** 2);
        if (d > best.d) best = { x, y, d };
      }
    return best;
  })()`)) as { x: number; y: number };
  return { x: box.x + spot.x, y: box.y + spot.y };
}

async function drag(page: Page, from: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(from.x + (i * DRAG.x) / 20, from.y + (i * DRAG.y) / 20);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
}

/**
 * Frame times of the ways an analyst moves around: the pointer crossing the graph (cytoscape finds
 * what is under it at every move), wheel zoom, panning, dragging a node.
 */
async function gestureFrames(page: Page): Promise<Record<'hover' | 'zoom' | 'pan' | 'nodeDrag', number[]>> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const hover = await framesDuring(page, async () => {
    for (let i = 0; i <= 20; i++) {
      await page.mouse.move(
        box.x + box.width * (0.2 + (0.6 * i) / 20),
        box.y + box.height * (0.3 + (0.4 * i) / 20),
      );
      await page.waitForTimeout(30);
    }
  });
  const zoom = await framesDuring(page, async () => {
    await page.mouse.move(centre.x, centre.y);
    for (const dy of [-240, -240, -240, -240, -240, -240, 240, 240, 240]) {
      await page.mouse.wheel(0, dy);
      await page.waitForTimeout(60);
    }
  });
  const pan = await framesDuring(page, async () => drag(page, await emptySpot(page)));
  const node = (await page.evaluate(`(() => {
    const g = window.__awGraph, z = g.zoom(), pan = g.pan();
    // The node nearest the middle of where a drag fits.
    const cx = (${box.width} - ${DRAG.x}) / 2, cy = (${box.height} - ${DRAG.y}) / 2;
    let best = null, bestD = Infinity;
    for (const n of g.nodes()) {
      const x = n.x * z + pan.x, y = n.y * z + pan.y, d = (x - cx) ** 2 + (y - cy) ** 2;
      if (d < bestD) { best = { x, y }; bestD = d; }
    }
    return best;
  })()`)) as { x: number; y: number };
  const nodeDrag = await framesDuring(page, () => drag(page, { x: box.x + node.x, y: box.y + node.y }));
  return { hover, zoom, pan, nodeDrag };
}

/** Calls a channel from the page, as the renderer does (the browser shell's IPC door). */
const callFromPage = (channel: string, input: unknown) => `fetch('/ipc/${channel}', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'x-aw-token': sessionStorage.getItem('aw-token') ?? '' },
  body: ${JSON.stringify(JSON.stringify(input))},
}).then((r) => r.json()).then((r) => { if (!r.ok) throw new Error(r.error.message); })`;

/**
 * Milliseconds from the IPC call that renames entity `id` to the first frame cytoscape draws with
 * the new label (the graph applies the write as a delta). The node is in view, zoomed in so its
 * label shows.
 */
async function nameEdit(page: Page, id: number, name: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const g = window.__awGraph;
    const before = g.stats().lastDelta;
    const t0 = performance.now();
    await ${callFromPage('entities:update', { id, patch: { name } })};
    for (;;) {
      const d = g.stats().lastDelta;
      if (d && d !== before && d.drawnAt && g.node(${id}).name === ${JSON.stringify(name)}) return d.drawnAt - t0;
      await new Promise((r) => requestAnimationFrame(r));
    }
  })()`)) as number;
}

/** Milliseconds from the IPC call that opens the case again to the first frame of its full reload. */
async function fullReload(page: Page, file: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const g = window.__awGraph;
    const reloads = g.stats().reloads;
    const t0 = performance.now();
    await ${callFromPage('case:open', { path: file })};
    for (;;) {
      const s = g.stats();
      if (s.reloads > reloads && (s.marks.drawn ?? 0) > t0) return s.marks.drawn - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
  })()`)) as number;
}

function frameFigures(frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    p50_ms: Math.round(median(frames) * 10) / 10,
    p95_ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    max_ms: Math.round(sorted.at(-1) ?? 0),
    frames: frames.length,
  };
}

export async function run(): Promise<void> {
  const dir = scratch('graph-large');
  const file = path.join(dir, 'g20k.awcase');
  buildCase(file, 20_000, 80_000);
  const opened = await openInShell('20k', file, 20_000, 90_000);
  const { page } = opened;
  const gestures = await gestureFrames(page);
  const frames = [...gestures.zoom, ...gestures.pan];
  const edgeLayer = await page.evaluate(() => window.__awGraph!.stats().edgeLayer);
  const positions = await page.evaluate(() =>
    window.__awGraph!.nodes().map((n) => [n.id, n.x, n.y] as const),
  );

  // Export the whole graph through the UI, as the analyst would.
  await page.getByRole('button', { name: 'Export image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export graph image' });
  await dialog.getByLabel('Scale').selectOption('1');
  const started = performance.now();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const saved = await (await download).path(); // resolves once the file is complete on disk
  const exportMs = performance.now() - started;
  const png = fs.readFileSync(saved);
  fs.writeFileSync(path.join(dir, 'export.png'), png); // to look at
  const exportStats = await page.evaluate(() => window.__awGraph!.stats().lastExport);

  // An entity renamed (issue 15): found with the find box (it is centred, zoomed in to 100% and
  // selected, so its label shows), then renamed over IPC five times; against reading the whole
  // case again (what every write cost before), three times.
  const target = (await page.evaluate(() => window.__awGraph!.node(123)))!;
  await page.getByLabel('Find in graph').fill(target.name);
  await page.getByLabel('Find in graph').press('Enter');
  await page.waitForTimeout(2000);
  const edits: number[] = [];
  for (let i = 0; i < 5; i++) edits.push(await nameEdit(page, target.id, `Renamed group ${i}`));
  const labelShown = await page.evaluate(
    (id) => window.__awGraph!.node(id)!.name === 'Renamed group 4' && window.__awGraph!.zoom() >= 0.9,
    target.id,
  );
  const reloads: number[] = [];
  for (let i = 0; i < 3; i++) {
    reloads.push(await fullReload(page, file));
    await page.waitForTimeout(1500);
  }
  await opened.browser.close();
  await opened.shell.stop();

  // Baseline export: cytoscape's own full-graph PNG of the same positions.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const bpage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await bpage.setContent('<div id="cy" style="width:800px;height:600px"></div>');
  await bpage.addScriptTag({
    path: path.resolve(import.meta.dirname, '../node_modules/cytoscape/dist/cytoscape.min.js'),
  });
  const baseline = await bpage.evaluate(async (positions) => {
    const w = window as unknown as { cytoscape: (o: unknown) => { png(o: unknown): Promise<Blob> } };
    const cy = w.cytoscape({
      container: document.getElementById('cy'),
      elements: positions.map(([id, x, y]) => ({
        data: { id: `n${id}`, label: `Group ${id}` },
        position: { x, y },
      })),
      style: [{ selector: 'node', style: { label: 'data(label)' } }],
      layout: { name: 'preset' },
    });
    const t0 = performance.now();
    const blob = await cy.png({ full: true, scale: 1, output: 'blob-promise', bg: '#ffffff' });
    const ms = performance.now() - t0;
    let blank = true;
    try {
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(Math.min(bitmap.width, 2000), Math.min(bitmap.height, 2000));
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length && blank; i += 4) if (data[i]! < 200) blank = false;
    } catch {
      blank = true;
    }
    return { ms, bytes: blob.size, blank };
  }, positions);
  await browser.close();

  const cose = await coseBaseline(file, Number(process.env.BENCH_COSE_CAP_MS ?? 60_000));
  const common = { nodes: 20_000, edges: 80_000 };
  report({
    name: 'graph.open_and_layout_20k',
    value: opened.openMs,
    unit: 'ms',
    baseline: cose.ms,
    target: '< 30000 ms',
    note: `page load → paged IPC → ForceAtlas2 in a worker → drawn; baseline cose ${cose.finished ? 'finished' : 'stopped at the 60 s cap (lower bound)'}`,
    worker_layout_ms: Math.round(opened.stats.layoutMs),
    data_to_applied_ms: Math.round((opened.stats.marks.applied ?? NaN) - (opened.stats.marks.loaded ?? NaN)),
    data_to_drawn_ms: Math.round((opened.stats.marks.drawn ?? NaN) - (opened.stats.marks.loaded ?? NaN)),
    marks_ms_since_navigation: opened.stats.marks,
    load_ms: Math.round(opened.stats.loadMs),
    renderer: opened.renderer,
    ...common,
  });
  report({
    name: 'graph.pan_zoom_frame_20k',
    value: median(frames),
    unit: 'ms',
    baseline: null,
    ...frameFigures(frames),
    zoom: frameFigures(gestures.zoom),
    pan: frameFigures(gestures.pan),
    note: 'requestAnimationFrame intervals during nine wheel steps and a drag from the emptiest spot of the view (a pan), each with the second after it (the redraw that ends a gesture); edges (and nodes below zoom 0.3) drawn by the edge layer worker, its last picture moved with the view meanwhile',
    edge_layer: edgeLayer ?? null,
    ...common,
  });
  report({
    name: 'graph.hover_frame_20k',
    value: median(gestures.hover),
    unit: 'ms',
    baseline: null,
    ...frameFigures(gestures.hover),
    note: 'the same, while the pointer crosses the graph in 21 moves: what is under it is found from the edge layer arrays (cytoscape alone asks all 100,000 elements, about a second a move)',
    ...common,
  });
  report({
    name: 'graph.node_drag_frame_20k',
    value: median(gestures.nodeDrag),
    unit: 'ms',
    baseline: null,
    ...frameFigures(gestures.nodeDrag),
    note: 'the same, dragging one node: cytoscape draws it and its edges in its drag layer, the worker the rest',
    ...common,
  });
  report({
    name: 'graph.name_edit_20k',
    value: median(edits),
    unit: 'ms',
    baseline: median(reloads),
    target: '< 100 ms, ≥ 20× faster than a reload',
    edits_ms: edits.map((ms) => Math.round(ms)),
    reloads_ms: reloads.map((ms) => Math.round(ms)),
    label_in_view: labelShown,
    note: 'IPC entities:update → the graph reads the one row (graph:rows) and relabels the node → first frame drawn with the new label; baseline: IPC case:open of the same case → full reload (every page read, every element built, positions kept) → its first frame, as every write was handled before',
    ...common,
  });
  report({
    name: 'graph.png_export_20k',
    value: exportMs,
    unit: 'ms',
    baseline: baseline.ms,
    target: '< 5000 ms',
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bytes: png.length,
    strips: exportStats?.strips,
    draw_ms: Math.round(exportStats?.drawMs ?? NaN),
    encode_ms: Math.round(exportStats?.encodeMs ?? NaN),
    // Where the time goes (exportImage.ts): plan, edges, background, elements, read, encode.
    phases_ms: Object.fromEntries(
      Object.entries(exportStats?.phases ?? {}).map(([k, v]) => [k, Math.round(v)]),
    ),
    baseline_blank: baseline.blank,
    baseline_bytes: baseline.bytes,
    note: 'click Export → file downloaded (whole graph, scale 1, legend + sources; 20,000 nodes and 80,000 edges drawn); baseline cy.png({full:true}) of the same node positions with labels but WITHOUT the edges (less work than ours), checked for blankness',
    ...common,
  });
}
