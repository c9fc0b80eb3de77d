// Backups and read-only cases as the analyst meets them: a mistake undone past the undo stack by
// opening an automatic backup as a new case, and a case another workbench holds shown read-only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, expect, startShell, test } from './fixtures/shell';

const ROOT = path.resolve(import.meta.dirname, '..');

async function ipc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const res = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'x-aw-token': sessionStorage.getItem('aw-token') ?? '',
        },
        body: JSON.stringify(input),
      });
      const result = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    { channel, input },
  ) as Promise<T>;
}

test('a backup made when the case opened is restored as a new case; the case itself stays as it is', async ({
  workbench,
}) => {
  const { page } = workbench;
  for (const name of ['Ansar Dine', 'Al Mourabitoun', 'MUJAO'])
    await ipc(page, 'entities:create', { type: 'organization', name });
  await expect(page.getByTestId('status-entities')).toHaveText('3 entities');
  // Reopening the case (as the next start would) makes its backup: three entities.
  await workbench.restart();
  await expect(page.getByTestId('status-entities')).toHaveText('3 entities');
  await expect
    .poll(async () => (await ipc<{ backups: unknown[] }>(page, 'backups:list', {})).backups.length)
    .toBe(2);
  // The mistake: two groups deleted.
  await ipc(page, 'entities:delete', { ids: [1, 2] });
  await expect(page.getByTestId('status-entities')).toHaveText('1 entity');

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const choices = dialog.getByRole('radio');
  await expect(choices).toHaveCount(2);
  await expect(dialog.getByText('3 entities, 0 relations, 0 sources, 0 notes')).toBeVisible();
  await expect(dialog.getByText('0 entities, 0 relations, 0 sources, 0 notes')).toBeVisible();
  await dialog.getByText('3 entities, 0 relations, 0 sources, 0 notes').click();
  await dialog.getByRole('button', { name: 'Open as a new case' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-name')).toHaveText(
    /^e2e case \(backup of \d{4}-\d\d-\d\d \d\d\.\d\d\)$/,
  );
  await expect(page.getByTestId('status-entities')).toHaveText('3 entities');
  await expect(page.getByRole('region', { name: 'Sheet' }).getByText('Ansar Dine')).toBeVisible();

  // The case with the mistake is untouched: it still has one entity.
  await ipc(page, 'case:open', { path: workbench.casePath });
  await expect(page.getByTestId('case-name')).toHaveText('e2e case');
  await expect(page.getByTestId('status-entities')).toHaveText('1 entity');
});

test('a case another workbench has open is shown read-only with a banner, and a change is refused in a sentence', async () => {
  const dir = fs.mkdtempSync(path.join(ROOT, 'test-results', 'aw-readonly-'));
  const casePath = path.join(dir, 'Held case.awcase');
  // The other workbench: a process that opens (creates) the case and keeps it open.
  const holder = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/main/testing/holdCase.ts'), casePath, dir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let shell: Awaited<ReturnType<typeof startShell>> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', (chunk: Buffer) =>
        chunk.toString().startsWith('open') ? resolve() : reject(new Error(chunk.toString())),
      );
    });
    shell = await startShell({ casePath, dataDir: path.join(dir, 'data') });
    const page = await browser.newPage();
    await page.goto(shell.url);
    const banner = page.getByRole('status', { name: 'Read-only case' });
    await expect(banner).toContainText(
      'Read-only. “Held case.awcase” is open in another Analyst Workbench window, so it is open read-only here: close it there and open it again to make changes.',
    );
    // It shows what the other workbench wrote.
    await expect(page.getByTestId('status-entities')).toHaveText('1 entity');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('alert')).toContainText(
      '“Held case” is open read-only, so this change was not made.',
    );
  } finally {
    await shell?.stop();
    holder.kill('SIGKILL');
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
