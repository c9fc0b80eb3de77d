// The sample case's graph as an analyst reads it: labels at a readable size at fit, the legend
// over no node, relation labels when asked for, one click one selection, the view refitted when
// its box changes, and the lineage as a family tree with the unrelated groups set apart.
import { expect, test } from './fixtures/shell';
import { GraphPage } from './pages/GraphPage';

test.use({ sample: true });

for (const [width, height] of [
  [1400, 900],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} the force and lineage layouts read at 11 px or more at fit, labels apart, legend over no node`, async ({
    workbench,
  }) => {
    const { page } = workbench;
    await page.setViewportSize({ width, height });
    const graph = new GraphPage(page);
    await graph.settled();
    for (const layout of ['force', 'lineage'] as const) {
      if (layout === 'lineage') await graph.chooseLayout('lineage');
      await expect.poll(() => graph.allInView(), { message: `${layout}: fitted` }).toBe(true);
      expect(Math.round(await graph.hook((g) => g.labelPx())), layout).toBeGreaterThanOrEqual(11);
      expect(await graph.overlaps(), layout).toEqual([]);
      // Most labels show at once; the rest wait for room (hover, selection, zoom).
      const shown = await graph.hook((g) => g.labelsShown().length / g.nodes().length);
      expect(shown, layout).toBeGreaterThan(width >= 1920 ? 0.75 : 0.55);
      // The legend is a band under the graph: it covers no node.
      const canvas = await graph.canvasBox();
      const legend = (await graph.legend.boundingBox())!;
      expect(legend.y, layout).toBeGreaterThanOrEqual(canvas.y + canvas.height - 0.5);
    }
    // Lineage: the family tree's groups are labelled first, and the groups with no lineage relation
    // sit apart under their own heading.
    const lineage = await graph.hook((g) => {
      const lineageTypes = new Set([
        'splinter_of',
        'merged_into',
        'renamed_to',
        'succeeded_by',
        'allegiance_to',
      ]);
      const related = new Set<number>();
      for (const e of g.edges())
        if (lineageTypes.has(e.type)) [e.source, e.target].forEach((id) => related.add(id));
      const nodes = g.nodes();
      const tree = nodes.filter((n) => related.has(n.id));
      const apart = nodes.filter((n) => !related.has(n.id));
      const bottom = Math.max(...tree.map((n) => n.y + n.size / 2));
      const right = Math.max(...tree.map((n) => n.x + n.size / 2));
      const shown = new Set(g.labelsShown());
      return {
        headings: g.headings(),
        apart: apart.length,
        setApart: apart.every((n) => n.y > bottom || n.x > right),
        treeLabelled: tree.filter((n) => shown.has(n.id)).length / tree.length,
      };
    });
    expect(lineage.headings).toEqual([`No lineage relation (${lineage.apart})`]);
    expect(lineage.setApart).toBe(true);
    expect(lineage.treeLabelled).toBeGreaterThan(width >= 1920 ? 0.9 : 0.7);
  });
}

test('a click selects one entity, Shift+click adds one, Escape clears; the notes panel follows', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const graph = new GraphPage(page);
  await graph.settled();
  const notes = page.getByRole('region', { name: 'Notes' });
  await graph.clickNode('Al Qaeda in the Islamic Maghreb');
  expect(await graph.selected()).toEqual(['Al Qaeda in the Islamic Maghreb']);
  await expect(
    notes.getByRole('heading', { name: 'Notes on Al Qaeda in the Islamic Maghreb' }),
  ).toBeVisible();
  await graph.clickNode('Al Murabitoun');
  expect(await graph.selected()).toEqual(['Al Murabitoun']); // replaced, not added
  await graph.clickNode('Ansar al Dine', 'Shift');
  expect(await graph.selected()).toEqual(['Al Murabitoun', 'Ansar al Dine']);
  await graph.clickNode('Islamic State', 'Control');
  expect(await graph.selected()).toEqual(['Al Murabitoun', 'Ansar al Dine', 'Islamic State']);
  await page.keyboard.press('Escape');
  expect(await graph.selected()).toEqual([]);
  await expect(notes.getByRole('heading', { name: 'Notes on the case' })).toBeVisible();
});

test('relation labels show on hover and with the selection, not all at once at fit', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const graph = new GraphPage(page);
  await graph.settled();
  expect(await graph.hook((g) => g.edgeLabelsShown())).toEqual([]);
  const murabitoun = await graph.nodeOnScreen('Al Murabitoun');
  const ofMurabitoun = await graph.hook((g) => {
    const id = g.nodes().find((n) => n.name === 'Al Murabitoun')!.id;
    return g
      .edges()
      .filter((e) => e.source === id || e.target === id)
      .map((e) => e.id)
      .sort((a, b) => a - b);
  });
  await page.mouse.move(murabitoun.x, murabitoun.y);
  await expect.poll(() => graph.hook((g) => g.edgeLabelsShown().sort((a, b) => a - b))).toEqual(ofMurabitoun);
  await page.mouse.click(murabitoun.x, murabitoun.y);
  const box = await graph.canvasBox();
  await page.mouse.move(box.x + 2, box.y + 2); // away: the selection keeps them
  await expect.poll(() => graph.hook((g) => g.edgeLabelsShown().sort((a, b) => a - b))).toEqual(ofMurabitoun);
  await page.keyboard.press('Escape');
  await expect.poll(() => graph.hook((g) => g.edgeLabelsShown().length)).toBe(0);
  // Zoomed in well past the fit (1.5 times, and at least to 100%), every relation reads.
  const fitted = await graph.hook((g) => g.zoom());
  await graph.zoomIn(Math.max(1, fitted * 1.5) / fitted + 0.25, murabitoun);
  await expect
    .poll(() => graph.hook((g) => g.edgeLabelsShown().length))
    .toBe(await graph.hook((g) => g.edges().length));
});

test('the view refits when Enlarge or the filters panel changes its box, and keeps a view the analyst moved', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.setViewportSize({ width: 1400, height: 900 });
  const graph = new GraphPage(page);
  await graph.settled();
  const zoom = () => graph.hook((g) => g.zoom());
  const fitted = await zoom();
  await graph.toggleEnlarge();
  await expect.poll(zoom).toBeGreaterThan(fitted * 1.2); // a bigger box, a closer fit
  expect(await graph.allInView()).toBe(true);
  await graph.toggleEnlarge();
  const near = async (z: number) => Math.abs((await zoom()) - z) / z < 0.05;
  await expect.poll(() => near(fitted)).toBe(true);
  await graph.togglePanel();
  await expect.poll(zoom).toBeLessThan(fitted); // the panel takes part of the box: all still in view
  expect(await graph.allInView()).toBe(true);
  await graph.togglePanel();
  await expect.poll(() => near(fitted)).toBe(true);
  // Zoomed in by the analyst: the box changing keeps that zoom (and the centre).
  const box = await graph.canvasBox();
  await graph.zoomIn(1.3, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  const chosen = await zoom();
  await graph.toggleEnlarge();
  await page.waitForTimeout(300);
  expect(await zoom()).toBeCloseTo(chosen, 5);
});
