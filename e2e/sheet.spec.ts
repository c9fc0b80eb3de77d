// The sheet, driven the way an analyst does: sort, filter, edit a cell, undo, export and import CSV.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

/** The Entities or Relations grid as a page object. */
class SheetGrid {
  readonly region: Locator;
  constructor(
    readonly page: Page,
    name: 'Entities' | 'Relations',
  ) {
    this.region = page.getByRole('region', { name: 'Sheet' }).getByRole('region', { name });
  }

  headerCell(colId: string): Locator {
    return this.region.locator(`.ag-header-cell[col-id="${colId}"]`);
  }

  /** Visible data columns, left to right. */
  async columns(): Promise<string[]> {
    const ids = await this.region.locator('.ag-header-cell[col-id]').evaluateAll((cells) =>
      cells
        .map((c) => ({ id: c.getAttribute('col-id')!, index: Number(c.getAttribute('aria-colindex')) }))
        .sort((a, b) => a.index - b.index)
        .map((c) => c.id),
    );
    return ids.filter((id) => id !== 'ag-Grid-SelectionColumn');
  }

  /** The rows on screen as cell text, in row order, for the given columns. */
  async rows(columns: string[]): Promise<string[][]> {
    return this.region.locator('.ag-row[row-index]').evaluateAll(
      (rows, cols) =>
        rows
          .map((row) => ({
            index: Number(row.getAttribute('row-index')),
            id: row.getAttribute('row-id'),
            cells: cols.map((c) => row.querySelector(`[col-id="${c}"]`)?.textContent ?? ''),
          }))
          .filter((r, i, all) => all.findIndex((o) => o.index === r.index) === i)
          .sort((a, b) => a.index - b.index)
          .map((r) => r.cells),
      columns,
    );
  }

  /** A cell of the row whose `keyColumn` cell contains `key`. */
  cell(key: string, colId: string, keyColumn = colId): Locator {
    const keyCell = this.page.locator(`[col-id="${keyColumn}"]`, { hasText: key });
    return this.region.locator('.ag-row').filter({ has: keyCell }).first().locator(`[col-id="${colId}"]`);
  }

  async firstName(): Promise<string> {
    return (await this.region.locator('.ag-row[row-index="0"] [col-id="name"]').first().textContent()) ?? '';
  }
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

test('sorts by a column and filters with the column filter and the quick search', async ({ workbench }) => {
  const { page } = workbench;
  const grid = new SheetGrid(page, 'Entities');
  await expect(page.getByTestId('sheet-count')).toHaveText('95 entities');

  const isSorted = (names: string[], dir: 1 | -1): boolean =>
    names.every((n, i) => i === 0 || dir * (n.toLowerCase() < names[i - 1]!.toLowerCase() ? -1 : 1) >= 0);
  const firstNames = async (): Promise<string[]> =>
    (await grid.rows(['name'])).slice(0, 15).map((r) => r[0]!);
  await grid.headerCell('name').locator('.ag-header-cell-label').click();
  await expect.poll(async () => isSorted(await firstNames(), 1)).toBe(true);
  const ascending = await grid.firstName();
  await grid.headerCell('name').locator('.ag-header-cell-label').click();
  await expect.poll(() => grid.firstName()).not.toBe(ascending);
  await expect.poll(async () => isSorted(await firstNames(), -1)).toBe(true);

  // Set filter on Type: people only.
  await grid.headerCell('type').hover();
  await grid
    .headerCell('type')
    .locator('.ag-header-cell-filter-button, .ag-header-cell-menu-button')
    .first()
    .click();
  await page.getByRole('button', { name: 'None' }).click();
  await page.getByRole('checkbox', { name: 'person' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sheet-count')).toHaveText(/^[1-9]\d? entit/);
  await expect
    .poll(async () => new Set((await grid.rows(['type'])).map((r) => r[0])))
    .toEqual(new Set(['person']));

  await page.getByLabel('Quick search entities').fill('Droukdel');
  await expect(grid.cell('Abdelmalek Droukdel', 'name')).toBeVisible();
  await expect(page.getByTestId('sheet-count')).not.toHaveText(/^\d\d/);
  const found = await grid.rows(['type', 'name']);
  expect(found).toContainEqual(['person', 'Abdelmalek Droukdel']);
  expect(found.every(([type]) => type === 'person')).toBe(true);
});

test('a cell edit is saved, survives a restart and is undone with Ctrl+Z; a bad edit is refused', async ({
  workbench,
}) => {
  const { page } = workbench;
  const grid = new SheetGrid(page, 'Entities');
  await page.getByLabel('Quick search entities').fill('Boko');
  await expect(page.getByTestId('sheet-count')).toHaveText(/^\d entit/);

  await grid.cell('Boko Haram', 'name').dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Jama’atu Ahlis Sunna Lidda’awati wal-Jihad');
  await page.keyboard.press('Enter');
  await page.getByLabel('Quick search entities').fill('Lidda');
  await expect(grid.cell('Lidda', 'name')).toHaveText('Jama’atu Ahlis Sunna Lidda’awati wal-Jihad');

  await workbench.restart();
  const after = new SheetGrid(page, 'Entities');
  await page.getByLabel('Quick search entities').fill('Lidda');
  await expect(after.cell('Lidda', 'name')).toHaveText('Jama’atu Ahlis Sunna Lidda’awati wal-Jihad');

  await page.getByRole('region', { name: 'Graph' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await page.getByLabel('Quick search entities').fill('Boko');
  await expect(page.getByTestId('sheet-count')).toHaveText(/^\d entit/);
  await expect(after.cell('Boko', 'name')).toHaveText('Boko Haram');

  // An empty name is refused in words and nothing changes.
  await after.cell('Boko', 'name').dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'A name cannot be empty' })).toBeVisible();
  await expect(after.cell('Boko', 'name')).toHaveText('Boko Haram');

  // A date that is not ISO 8601 is refused on the Relations tab.
  await page.getByRole('tab', { name: 'Relations' }).click();
  const relations = new SheetGrid(page, 'Relations');
  await page.getByLabel('Quick search relations').fill('Boko');
  await expect(page.getByTestId('sheet-count')).toHaveText(/^\d relation/);
  await relations.region.locator('.ag-row[row-index="0"] [col-id="startDate"]').first().dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('March 2015');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'not a date the case can hold' })).toBeVisible();
});

test('Export CSV writes exactly what the tab shows', async ({ workbench }) => {
  const { page } = workbench;
  await page.getByRole('tab', { name: 'Relations' }).click();
  const grid = new SheetGrid(page, 'Relations');
  await page.getByLabel('Quick search relations').fill('AQIM');
  await grid.headerCell('startDate').locator('.ag-header-cell-label').click();
  await page.locator('summary', { hasText: 'Columns' }).click();
  await page.getByRole('group', { name: 'Shown columns' }).getByRole('checkbox', { name: 'End' }).uncheck();
  await page.locator('summary', { hasText: 'Columns' }).click();
  await expect(grid.headerCell('endDate')).toHaveCount(0);

  const columns = await grid.columns();
  expect(columns).not.toContain('endDate');
  const count = Number((await page.getByTestId('sheet-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(20); // every row is on screen, so the screen is the whole export
  await expect.poll(async () => (await grid.rows(columns)).length).toBe(count);
  const shown = await grid.rows(columns);
  const headers = await Promise.all(
    columns.map((c) => grid.headerCell(c).locator('.ag-header-cell-text').textContent()),
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const file = path.join(workbench.dir, 'export.csv');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  const exported = columns.filter((c) => c !== 'notes');
  const keep = exported.map((c) => columns.indexOf(c));
  const expected =
    '\uFEFF' +
    [exported.map((_, i) => headers[keep[i]!]!), ...shown.map((row) => keep.map((i) => row[i]!))]
      .map((cells) => cells.map(csvCell).join(',') + '\r\n')
      .join('');
  expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
  expect(bytes.toString('utf8')).not.toContain('Notes');
});

test('Import CSV shows the rows it will reject and why, then imports the good ones', async ({
  workbench,
}) => {
  const { page } = workbench;
  const file = path.join(workbench.dir, 'new groups.csv');
  fs.writeFileSync(
    file,
    'Name,Type,Aliases\r\nKatiba Serma,organization,Serma Brigade\r\n"Al-Furqan, Brigade",organization,\r\nAQIM,organization,\r\nNowhere,planet,\r\nمجموعة الاختبار,organization,\r\n',
  );
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import CSV' });
  await dialog.getByLabel(/CSV file/).setInputFiles(file);
  const report = dialog.getByTestId('import-report');
  // A type the case does not know is offered as a new type, value by value; here the analyst refuses it.
  await expect(report).toContainText('5 rows: 4 will be imported, 1 rejected. The import is one step');
  await expect(dialog.getByTestId('import-columns')).toContainText('Aliases → Aliases');
  const planet = dialog.getByLabel('What to do with “planet”');
  await expect(planet).toHaveValue('add');
  await planet.selectOption('reject');
  await expect(report).toContainText('5 rows: 3 will be imported, 2 rejected. The import is one step');
  const rejected = dialog.getByRole('list', { name: 'Rejected rows' });
  await expect(rejected).toContainText('Line 4: An entity called “AQIM” is already in the case');
  await expect(rejected).toContainText('Line 5: Rows of the type “planet” are refused, as chosen.');
  await expect(dialog.getByRole('table', { name: 'First rows of the file' })).toContainText(
    'Al-Furqan, Brigade',
  );

  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(dialog.getByTestId('import-progress')).toContainText(
    'Imported 3 entities; 2 rows were rejected.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('sheet-count')).toHaveText('98 entities');

  // The whole import is one undo step, and redo brings it back.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByTestId('sheet-count')).toHaveText('95 entities');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(page.getByTestId('sheet-count')).toHaveText('98 entities');

  // A file that is not CSV of ours is refused whole, in words.
  const bad = path.join(workbench.dir, 'semicolons.csv');
  fs.writeFileSync(bad, 'Name;Type\nX;organization\n');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await dialog.getByLabel(/CSV file/).setInputFiles(bad);
  // Detected, the semicolons read right; told commas, the file is refused whole, in words.
  await expect(dialog.getByTestId('import-report')).toContainText('1 rows: 1 will be imported');
  await dialog.getByLabel('Delimiter').selectOption(',');
  await expect(dialog.getByTestId('import-problem')).toContainText('separated by semicolons, not commas');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
});

test('selecting a row in the sheet selects the same group in the graph and shows its notes', async ({
  workbench,
}) => {
  const { page } = workbench;
  const grid = new SheetGrid(page, 'Entities');
  await expect(grid.cell('Al Murabitoun', 'name')).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () => !!window.__awGraph && !window.__awGraph.stats().busy && window.__awGraph.nodes().length > 0,
      ),
    )
    .toBe(true);
  await grid.cell('Al Murabitoun', 'name').click();
  const id = await page.evaluate(() => window.__awGraph!.nodes().find((n) => n.name === 'Al Murabitoun')!.id);
  await expect.poll(() => page.evaluate(() => window.__awGraph!.selected())).toEqual([id]);
  await expect(
    page.getByRole('complementary', { name: 'Side panel' }).getByRole('heading', { level: 3 }),
  ).toContainText('Al Murabitoun');
});
