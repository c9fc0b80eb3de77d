import { expect, test } from './fixtures/shell';

test('the app starts and shows the open case by name', async ({ workbench }) => {
  const { page } = workbench;
  await expect(page.getByTestId('case-name')).toHaveText('e2e case');
  await expect(page.getByTestId('status-case-name')).toHaveText('e2e case');
  await expect(page.getByTestId('status-entities')).toHaveText('0 entities');
  await expect(page.getByRole('region', { name: 'Sheet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Graph' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toBeVisible();
});

test('an entity created through the UI is still there after the shell restarts', async ({ workbench }) => {
  const { page } = workbench;
  await page.getByRole('button', { name: 'Add entity' }).click();
  const form = page.getByRole('form', { name: 'Add entity' });
  await form.getByLabel('Name').fill('Al Qaeda in the Islamic Maghreb');
  await form.getByLabel('Aliases (separated by ;)').fill('AQIM; Al-Qaida au Maghreb islamique');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('status-entities')).toHaveText('1 entity');

  await workbench.restart();
  await expect(page.getByTestId('status-entities')).toHaveText('1 entity');
  await expect(
    page.getByRole('region', { name: 'Sheet' }).getByText('Al Qaeda in the Islamic Maghreb'),
  ).toBeVisible();
});

test('an invalid entity is refused with a message in words', async ({ workbench }) => {
  const { page } = workbench;
  await page.getByRole('button', { name: 'Add entity' }).click();
  const form = page.getByRole('form', { name: 'Add entity' });
  await form.getByLabel('Name').fill('   ');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('alert')).toContainText('A name cannot be empty');
  await expect(page.getByTestId('status-entities')).toHaveText('0 entities');
});

test('the IPC door refuses calls without the session token', async ({ workbench }) => {
  const origin = new URL(workbench.shell.url).origin;
  const status = await workbench.page.evaluate(async (base) => {
    const response = await fetch(`${base}/ipc/case:info`, { method: 'POST', body: '{}' });
    return response.status;
  }, origin);
  expect(status).toBe(403);
});

test('the panes resize from the keyboard and the side panel hides and comes back', async ({ workbench }) => {
  const { page } = workbench;
  const sheet = page.getByRole('region', { name: 'Sheet' });
  const before = (await sheet.boundingBox())!.width;
  await page.getByRole('separator', { name: 'Resize the sheet' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await sheet.boundingBox())!.width).toBeGreaterThan(before + 40);

  await page.getByRole('button', { name: 'Panel' }).click();
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toBeHidden();
  await page.keyboard.press('Control+Backslash');
  await expect(page.getByRole('complementary', { name: 'Side panel' })).toBeVisible();
});
