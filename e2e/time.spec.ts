// Time and everyday use (issue 18), in the browser shell on the sample case: lifetimes in the graph's
// time window and the timeline, search that ranks the right entity first, the quick search, a pick
// that lands in the sheet and the graph, and a sheet that fits a 1400 px window.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

const GSPC = 'Salafist Group for Preaching and Combat';
const MUJAO = 'Movement for Unity and Jihad in West Africa';
const JNIM = 'Jama’at Nusrat al Islam wal Muslimeen';

/** The page's test hooks this spec reads (typed here: the renderer's types are not in this project). */
interface Hooks {
  __awTimeline?: { domain(): { start: number; end: number } | null; itemsDrawn: number };
  __awSheet?: Record<string, { ensureColumnVisible(id: string): void }>;
}

/** The graph's time window set with its sliders, as the analyst drags them. */
async function graphWindow(page: Page, from: number, to: number): Promise<void> {
  const time = page.getByRole('group', { name: 'Time window' });
  await time.getByLabel('To year').fill(String(to));
  await time.getByLabel('From year').fill(String(from));
  await expect(page.getByTestId('graph-from')).toHaveText(String(from));
  await expect(page.getByTestId('graph-to')).toHaveText(String(to));
}

const shownInGraph = (page: Page): Promise<string[]> =>
  page.evaluate(() => window.__awGraph!.nodes().map((n) => n.name));

test('the 2007, 2013 and 2017 windows show GSPC, MUJAO and JNIM where their cited lifetimes say, and the timeline follows', async ({
  workbench,
}) => {
  const { page } = workbench;
  // The timeline starts folded (the graph keeps its height); the analyst opens it.
  await page.getByRole('button', { name: 'Show timeline' }).click();
  await expect.poll(() => shownInGraph(page)).toContain(GSPC);
  const expected: [number, Record<string, boolean>][] = [
    [2007, { [GSPC]: true, [MUJAO]: true, [JNIM]: false }],
    [2013, { [GSPC]: false, [MUJAO]: true, [JNIM]: false }],
    [2017, { [GSPC]: false, [MUJAO]: false, [JNIM]: true }],
  ];
  for (const [year, groups] of expected) {
    await graphWindow(page, year, year);
    await expect
      .poll(async () => {
        const shown = await shownInGraph(page);
        return Object.fromEntries(Object.keys(groups).map((name) => [name, shown.includes(name)]));
      })
      .toEqual(groups);
    // The timeline shows the same year, edge to edge (to the second: the zoom's arithmetic rounds).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const d = (window as unknown as Hooks).__awTimeline?.domain();
          return d ? [Math.round(d.start / 1000), Math.round(d.end / 1000)] : null;
        }),
      )
      .toEqual([Date.UTC(year, 0, 1) / 1000, Date.UTC(year + 1, 0, 1) / 1000]);
  }

  // The lifetimes come from the sheet's Active from / Active to, each cited for the field it states.
  await page.getByLabel('Quick search entities').fill('GSPC');
  const gspcRow = page
    .getByRole('region', { name: 'Entities' })
    .locator('.ag-row')
    .filter({ hasText: GSPC })
    .first();
  await page.evaluate(() =>
    (window as unknown as Hooks).__awSheet!.entities!.ensureColumnVisible('activeTo'),
  );
  await expect(gspcRow.locator('[col-id="activeTo"]')).toHaveText('2007');
  const side = page.getByRole('complementary', { name: 'Side panel' });
  await side.getByRole('tab', { name: 'Sources' }).click();
  const title = 'Insurgency in the Maghreb (2002–present)';
  await side.getByRole('button', { name: title }).click();
  const reader = page.getByRole('dialog', { name: `Reader: ${title}` });
  await reader.locator('mark.cited', { hasText: 'GSPC (until 2007)' }).first().click();
  await expect(
    page.getByTestId('citation-card').filter({ hasText: `Supports the active to of the entity ${GSPC}` }),
  ).toBeVisible();
});

test('the timeline draws the case, moves the graph’s window when dragged, and exports PNG and SVG', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.getByRole('button', { name: 'Show timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByTestId('timeline-count')).toContainText('dated relations');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Hooks).__awTimeline?.itemsDrawn ?? 0))
    .toBeGreaterThan(10);
  const canvas = timeline.getByRole('img', { name: 'Timeline of the case' });
  const box = (await canvas.boundingBox())!;
  await expect(page.getByTestId('graph-to')).toHaveText('2017');
  // Drag towards the past: the window moves, and the graph's years with it.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + box.width * (0.5 + i * 0.02), box.y + box.height * 0.6);
  await page.mouse.up();
  await expect(page.getByTestId('graph-to')).not.toHaveText('2017');
  await timeline.getByRole('button', { name: 'All dates' }).click();
  await expect(page.getByTestId('graph-from')).toHaveText('2002');
  await expect(page.getByTestId('graph-to')).toHaveText('2017');

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    timeline.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svg.suggestedFilename()).toMatch(/^timeline .*\.svg$/);
  const svgText = fs.readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain('>Salafist Group for Pre');
  expect(svgText).toContain('>2010</text>');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    timeline.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  const bytes = fs.readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000);

  // Picking a row in the timeline selects the entity in the graph.
  await canvas.click({ position: { x: 60, y: 26 + 11 } });
  await expect.poll(() => page.evaluate(() => window.__awGraph!.selected().length)).toBe(1);
  await page.screenshot({ path: test.info().outputPath('timeline.png') });

  // Folded to its title bar and opened again, it draws again.
  await timeline.getByRole('button', { name: 'Hide' }).click();
  await expect(canvas).toHaveCount(0);
  await timeline.getByRole('button', { name: 'Show timeline' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Hooks).__awTimeline?.itemsDrawn ?? 0))
    .toBeGreaterThan(10);
});

/** Every way the analyst may type a name: as written, and without accents or punctuation. */
function typedForms(name: string): string[] {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return plain === name ? [name] : [name, plain];
}

test('every name and alias of the sample case finds its entity first, typed as written or without accents and punctuation', async ({
  workbench,
}) => {
  test.setTimeout(240_000);
  const { page } = workbench;
  const sample = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../resources/sample-case/case.json'), 'utf8'),
  ) as { entities: { name: string; aliases: string[] }[] };
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Search names, notes and documents' });
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  const wrong: string[] = [];
  for (const entity of sample.entities) {
    for (const typed of [entity.name, ...entity.aliases].flatMap(typedForms)) {
      await box.fill('');
      await expect(first).toHaveCount(0);
      await box.fill(typed);
      await expect(first).toBeVisible();
      const title = await first.locator('.search-hit-title').textContent();
      if (title !== entity.name) wrong.push(`“${typed}” → ${title} (not ${entity.name})`);
    }
  }
  expect(wrong).toEqual([]);
});

test('the quick search looks in the shown columns, and in all of them when widened', async ({
  workbench,
}) => {
  const { page } = workbench;
  const quick = page.getByLabel('Quick search entities');
  const count = page.getByTestId('sheet-count');
  await quick.fill('AQIM');
  await expect(count).not.toHaveText('95 entities');
  const shown = Number((await count.textContent())!.split(' ')[0]);
  // Name, type and aliases only: the AQIM family, not every summary that mentions it.
  expect(shown).toBeGreaterThan(2);
  expect(shown).toBeLessThan(12);
  await page.getByRole('checkbox', { name: 'All columns' }).check();
  await expect
    .poll(async () => Number((await count.textContent())!.split(' ')[0]))
    .toBeGreaterThan(shown + 10);
  await page.getByRole('checkbox', { name: 'All columns' }).uncheck();
  await expect(count).toHaveText(`${shown} entities`);
});

test('picking a search result scrolls the sheet to its row; a type the graph hides is said and can be shown', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.getByRole('tab', { name: 'Relations' }).click();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search names, notes and documents' }).fill('Bamako');
  await expect(page.getByRole('option').first()).toContainText('Bamako');
  await page.keyboard.press('Enter');
  // The sheet is back on Entities, Bamako's row in view and ticked.
  await expect(page.getByRole('tab', { name: 'Entities' })).toHaveAttribute('aria-selected', 'true');
  const row = page
    .getByRole('region', { name: 'Entities' })
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="name"]', { hasText: /^Bamako$/ }) })
    .first();
  await expect(row).toBeInViewport();
  await expect(row).toHaveClass(/ag-row-selected/);
  // Places are hidden in the graph: it says so and offers to show them.
  const alert = page
    .getByRole('alert')
    .filter({ hasText: '“Bamako” is not in the graph: places are hidden.' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Show places' }).click();
  await expect.poll(() => shownInGraph(page)).toContain('Bamako');
  await expect(
    page.getByRole('group', { name: 'Entity types' }).getByRole('checkbox', { name: 'Places' }),
  ).toBeChecked();
});

test('lifetimes are typed in the sheet, checked, and kept', async ({ workbench }) => {
  const { page } = workbench;
  await page.getByLabel('Quick search entities').fill('Ansar al Islam');
  await expect(page.getByTestId('sheet-count')).toHaveText('1 entity');
  await page.evaluate(() =>
    (window as unknown as Hooks).__awSheet!.entities!.ensureColumnVisible('activeFrom'),
  );
  const cell = page
    .getByRole('region', { name: 'Entities' })
    .locator('.ag-row [col-id="activeFrom"]')
    .first();
  await cell.dblclick();
  await page.keyboard.type('2016');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('2016');
  await cell.dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2016-13');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'not a date the case can hold' })).toBeVisible();
  await expect(cell).toHaveText('2016');
  await workbench.restart();
  await page.getByLabel('Quick search entities').fill('Ansar al Islam');
  await page.evaluate(() =>
    (window as unknown as Hooks).__awSheet!.entities!.ensureColumnVisible('activeFrom'),
  );
  await expect(
    page.getByRole('region', { name: 'Entities' }).locator('.ag-row [col-id="activeFrom"]').first(),
  ).toHaveText('2016');
});

test('the sheet fits a 1400 px window: Type, Name, Aliases and the counts in view, the box and Name pinned', async ({
  workbench,
}) => {
  const { page } = workbench;
  await page.setViewportSize({ width: 1400, height: 900 });
  const grid = page.getByRole('region', { name: 'Entities' });
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  const gridBox = (await grid.boundingBox())!;
  for (const colId of ['name', 'type', 'aliases', 'citations', 'notes']) {
    const header = grid.locator(`.ag-header-cell[col-id="${colId}"]`);
    const box = (await header.boundingBox())!;
    expect(box.x + box.width, colId).toBeLessThanOrEqual(gridBox.x + gridBox.width);
    // The header reads in full (not cut to "Citatio…").
    expect(
      await header.locator('.ag-header-cell-text').evaluate((e) => e.scrollWidth <= e.clientWidth),
      colId,
    ).toBe(true);
  }
  // Scrolled sideways to the last column, the selection box and Name stay at the left.
  const nameBefore = (await grid.locator('.ag-header-cell[col-id="name"]').boundingBox())!;
  await page.evaluate(() => (window as unknown as Hooks).__awSheet!.entities!.ensureColumnVisible('tags'));
  await expect(grid.locator('.ag-header-cell[col-id="tags"]')).toBeInViewport();
  expect((await grid.locator('.ag-header-cell[col-id="name"]').boundingBox())!.x).toBe(nameBefore.x);
  const box = (await grid.locator('.ag-row .ag-selection-checkbox').first().boundingBox())!;
  expect(box.x).toBeLessThan(nameBefore.x);
  expect(box.x).toBeGreaterThanOrEqual(gridBox.x);
  // Nothing is pushed past the window's edge: the side panel and Undo stay in view.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeInViewport();
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('sheet-1400.png') });

  // The Sources tab exports CSV like the others.
  await page.getByRole('region', { name: 'Sheet' }).getByRole('tab', { name: 'Sources' }).click();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('toolbar', { name: 'Sources' }).getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFF"Title","Format"') || text.startsWith('\uFEFFTitle,Format')).toBe(true);
  expect(text).toContain('Al Qaeda in the Islamic Maghreb (AQIM) and Related Groups');
});
