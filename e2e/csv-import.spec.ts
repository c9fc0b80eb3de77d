// Bringing real networks in through Import CSV, the way an analyst does: the files of
// ../shared/real-data as published, and an edge list with no header.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/shell';

/** The sheet's test hook (RowsGrid.tsx): each tab's grid API, as much of it as these tests use. */
type SheetHook = Record<
  'entities' | 'relations',
  { ensureColumnVisible(id: string): void; getColumn(id: string): unknown }
>;
const sheet = (): SheetHook => (window as unknown as { __awSheet: SheetHook }).__awSheet;

const REAL = path.resolve(import.meta.dirname, '../../shared/real-data');

async function importFile(page: Page, tab: 'Entities' | 'Relations', file: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('toolbar', { name: tab }).getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import CSV' });
  await dialog.getByLabel(/CSV file/).setInputFiles(file);
  await expect(dialog.getByTestId('import-report')).toBeVisible();
}

test('the 9/11 network comes in whole: its extra column is a sheet column, its two relation types are added', async ({
  workbench,
}) => {
  const { page } = workbench;
  await importFile(page, 'Entities', path.join(REAL, 'krebs911_ucinet.entities.csv'));
  const dialog = page.getByRole('dialog', { name: 'Import CSV' });
  const columns = dialog.getByTestId('import-columns');
  await expect(columns).toContainText(
    'in_prior_contacts_19 kept as attribute ‘in_prior_contacts_19’ (boolean)',
  );
  await expect(columns).toContainText('name → Name');
  await dialog.getByRole('button', { name: 'Import 60 rows' }).click();
  await expect(dialog.getByTestId('import-progress')).toContainText('Imported 60 entities');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const entities = page.getByRole('region', { name: 'Sheet' }).getByRole('region', { name: 'Entities' });
  // The grid draws only the columns in view: bring the new one into view, as scrolling would.
  await expect
    .poll(() =>
      page.evaluate(
        (hook) => !!(window as unknown as { __awSheet?: SheetHook }).__awSheet?.entities?.getColumn(hook),
        'attr:in_prior_contacts_19',
      ),
    )
    .toBe(true);
  await page.evaluate(`(${sheet})().entities.ensureColumnVisible('attr:in_prior_contacts_19')`);
  await expect(entities.locator('.ag-header-cell[col-id="attr:in_prior_contacts_19"]')).toBeVisible();

  await importFile(page, 'Relations', path.join(REAL, 'krebs911_ucinet.relations.csv'));
  // Both types the case does not know are offered as new types.
  await expect(dialog.getByLabel('What to do with “associate”')).toHaveValue('add');
  await expect(dialog.getByTestId('import-report')).toContainText(
    '152 rows: 152 will be imported, 0 rejected',
  );
  await dialog.getByRole('button', { name: 'Import 152 rows' }).click();
  await expect(dialog.getByTestId('import-progress')).toContainText('Imported 152 relations');
  await expect(dialog.getByTestId('import-progress')).toContainText('2 types added');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('sheet-count')).toHaveText('152 relations');
});

test('an edge list with no header and weights creates its people and shows the weights', async ({
  workbench,
}) => {
  const { page } = workbench;
  const file = path.join(workbench.dir, 'edges.txt');
  fs.writeFileSync(file, 'Hambali Noordin 3\nNoordin Azahari 5\nAzahari Hambali 1\n');
  await importFile(page, 'Relations', file);
  const dialog = page.getByRole('dialog', { name: 'Import CSV' });
  await expect(dialog.getByLabel('First line names the columns (it looked like data)')).not.toBeChecked();
  await expect(dialog.getByTestId('import-columns')).toContainText('Column 3 → Weight');
  await expect(dialog.getByRole('list', { name: 'Rejected rows' })).toContainText(
    'Line 1: No entity is called “Hambali” (by name or alias).',
  );
  await dialog.getByLabel('Ends no entity is called').selectOption('person');
  await expect(dialog.getByTestId('import-report')).toContainText(
    '3 rows: 3 will be imported, 0 rejected; 3 entities will be created for their ends',
  );
  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(dialog.getByTestId('import-progress')).toContainText('3 entities created for ends');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const relations = page.getByRole('region', { name: 'Sheet' }).getByRole('region', { name: 'Relations' });
  await page.evaluate(`(${sheet})().relations.ensureColumnVisible('weight')`);
  await relations.locator('.ag-header-cell[col-id="weight"] .ag-header-cell-label').click();
  await relations.locator('.ag-header-cell[col-id="weight"] .ag-header-cell-label').click();
  await expect(relations.locator('.ag-row[row-index="0"] [col-id="weight"]')).toHaveText('5');
  await expect(relations.locator('.ag-row[row-index="0"] [col-id="sourceName"]')).toHaveText('Noordin');
});
