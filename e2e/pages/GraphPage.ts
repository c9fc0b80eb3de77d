// The graph pane as a page object: what an analyst does with it (choose a layout, open the filters,
// enlarge, click an entity) and what the typed test hook (window.__awGraph) says it shows.
import { expect, type Locator, type Page } from '@playwright/test';
import type { GraphHook } from '../../src/shared/ipc/graph/hook';

type Box = { x: number; y: number; width: number; height: number };

export class GraphPage {
  readonly region: Locator;
  readonly canvas: Locator;
  readonly legend: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Graph' });
    this.canvas = page.getByTestId('graph-canvas');
    this.legend = page.getByTestId('graph-legend');
  }

  /** Reads the test hook in the page: `read` runs there, with the hook (and `arg`, as JSON) as its arguments. */
  hook<T>(read: (graph: GraphHook) => T): Promise<T>;
  hook<T, A>(read: (graph: GraphHook, arg: A) => T, arg: A): Promise<T>;
  hook<T, A>(read: (graph: GraphHook, arg?: A) => T, arg?: A): Promise<T> {
    const args = arg === undefined ? '' : `, ${JSON.stringify(arg)}`;
    return this.page.evaluate(`(${read.toString()})(window.__awGraph${args})`) as Promise<T>;
  }

  /** Waits until the graph is drawn, laid out and idle. */
  async settled(): Promise<void> {
    await expect
      .poll(
        () =>
          this.page.evaluate(
            () => !!window.__awGraph && !window.__awGraph.stats().busy && window.__awGraph.nodes().length > 0,
          ),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    await this.page.waitForTimeout(300); // labels are placed a moment after the last zoom
  }

  async chooseLayout(name: 'force' | 'lineage' | 'concentric' | 'circle' | 'grid'): Promise<void> {
    await this.region.getByLabel('Layout').selectOption(name);
    await expect.poll(() => this.hook((g) => g.layoutName())).toBe(name);
    await this.settled();
  }

  async togglePanel(): Promise<void> {
    await this.region.getByRole('button', { name: 'Filters & analysis' }).click();
  }

  async toggleEnlarge(): Promise<void> {
    await this.region.getByRole('button', { name: /^(Enlarge|Restore)$/ }).click();
  }

  async canvasBox(): Promise<Box> {
    return (await this.canvas.boundingBox())!;
  }

  /** Where an entity is drawn, in page pixels. */
  async nodeOnScreen(name: string): Promise<{ id: number; x: number; y: number }> {
    const box = await this.canvasBox();
    const at = await this.page.evaluate((name) => {
      const g = window.__awGraph!;
      const n = g.nodes().find((node) => node.name === name);
      if (!n) throw new Error(`No node called ${name} is drawn.`);
      const zoom = g.zoom();
      const pan = g.pan();
      return { id: n.id, x: n.x * zoom + pan.x, y: n.y * zoom + pan.y };
    }, name);
    return { id: at.id, x: box.x + at.x, y: box.y + at.y };
  }

  /** Clicks an entity, holding Shift or Control when asked (to add it to the selection). */
  async clickNode(name: string, modifier?: 'Shift' | 'Control'): Promise<void> {
    const { x, y } = await this.nodeOnScreen(name);
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.click(x, y);
    if (modifier) await this.page.keyboard.up(modifier);
  }

  /** Zooms in with the wheel at page point (x, y) until the zoom is `factor` times what it was. */
  async zoomIn(factor: number, at: { x: number; y: number }): Promise<void> {
    const target = (await this.hook((g) => g.zoom())) * factor;
    await this.page.mouse.move(at.x, at.y);
    for (let i = 0; i < 80 && (await this.hook((g) => g.zoom())) < target; i++) {
      await this.page.mouse.wheel(0, -300 - i * 7.3); // uneven steps, or cytoscape takes them for a coarse wheel and zooms slowly
      await this.page.waitForTimeout(20);
    }
    expect(await this.hook((g) => g.zoom())).toBeGreaterThanOrEqual(target);
  }

  /** Names of the selected entities, sorted. */
  async selected(): Promise<string[]> {
    return this.page.evaluate(() => {
      const g = window.__awGraph!;
      const names = new Map(g.nodes().map((n) => [n.id, n.name]));
      return g
        .selected()
        .map((id) => names.get(id)!)
        .sort();
    });
  }

  /** Pairs of entities whose boxes (with their labels) overlap. */
  async overlaps(): Promise<string[]> {
    return this.page.evaluate(() => {
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

  /** Whether every shown entity lies inside the graph's box on screen (the view is fitted). */
  async allInView(): Promise<boolean> {
    const box = await this.canvasBox();
    return this.page.evaluate(
      ({ width, height }) => {
        const g = window.__awGraph!;
        const zoom = g.zoom();
        const pan = g.pan();
        return g.nodes().every((n) => {
          const x = n.x * zoom + pan.x;
          const y = n.y * zoom + pan.y;
          return x >= 0 && y >= 0 && x <= width && y <= height;
        });
      },
      { width: box.width, height: box.height },
    );
  }
}
