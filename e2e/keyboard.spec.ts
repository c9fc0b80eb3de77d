// The keyboard: the shortcut help, shortcuts with no menu item, moving between panes with F6, the
// grid as one Tab stop, and the graph driven with arrow keys and Enter.
import { expect, test } from './fixtures/shell';

test.use({ sample: true });

test('F1 opens the shortcut help, which lists every shortcut; ? opens it too', async ({ workbench }) => {
  const { page } = workbench;
  await expect(page.getByTestId('case-name')).toContainText('sample');
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const rows = help.getByTestId('shortcut-help').locator('tbody tr');
  await expect(rows.filter({ hasText: 'Ctrl+Z' })).toContainText('Undo');
  await expect(rows.filter({ hasText: 'Ctrl+Shift+Z' })).toContainText('Ctrl+Y');
  await expect(rows.filter({ hasText: 'Ctrl+K' })).toContainText('Search');
  await expect(rows.filter({ has: page.locator('kbd', { hasText: /^F6$/ }) })).toContainText('Next pane');
  await expect(rows.filter({ hasText: 'Ctrl+\\' })).toContainText('Show or hide the side panel');
  await expect(rows.filter({ hasText: 'Graph: Select the neighbouring entity' })).toContainText('Arrow keys');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByRole('region', { name: 'Graph' }).getByTestId('graph-canvas').focus();
  await page.keyboard.press('Shift+?');
  await expect(help).toBeVisible();
});

test('a shortcut with no menu item runs its command: Ctrl+\\ hides and shows the side panel', async ({
  workbench,
}) => {
  const { page } = workbench;
  const side = page.getByRole('complementary', { name: 'Side panel' });
  await expect(side).toBeVisible();
  await page.keyboard.press('Control+\\');
  await expect(side).toBeHidden();
  await expect(page.getByRole('button', { name: 'Panel' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Control+\\');
  await expect(side).toBeVisible();
});
