// The desktop shell, driven through Playwright's Electron support. It runs wherever an Electron
// binary is installed; where none is (it is downloaded from GitHub at install time), it is skipped
// with the reason, decided before launching anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with `npm start`
import { findElectronBinary } from '../scripts/electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const binary = (findElectronBinary as () => string | null)();

export const SKIP_REASON =
  'No Electron binary is installed here (npm could not download it from GitHub); the browser-shell specs cover the same app.';

test.describe('Electron shell', () => {
  test.skip(!binary, SKIP_REASON);

  test('opens a locked-down window on the case and keeps an entity across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-electron-'));
    const casePath = path.join(dir, 'desktop.awcase');
    const launch = () =>
      electron.launch({
        executablePath: binary!,
        args: [ROOT],
        env: { ...process.env, AW_CASE: casePath, AW_DATA_DIR: path.join(dir, 'data') },
      });
    let app = await launch();
    let page = await app.firstWindow();
    await expect(page.getByTestId('case-name')).toHaveText('desktop');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      const p = (
        wc as unknown as { getLastWebPreferences(): Record<string, unknown> }
      ).getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await page.getByRole('button', { name: 'Add entity' }).click();
    await page.getByRole('form', { name: 'Add entity' }).getByLabel('Name').fill('Al Murabitoun');
    await page.getByRole('form', { name: 'Add entity' }).getByRole('button', { name: 'Add' }).click();
    await expect(page.getByTestId('status-entities')).toHaveText('1 entity');
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByText('Al Murabitoun')).toBeVisible();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('exports the sheet as CSV through the save dialog, streamed by main', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-electron-'));
    const target = path.join(dir, 'groups.csv');
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      env: { ...process.env, AW_CASE: path.join(dir, 'export.awcase'), AW_DATA_DIR: path.join(dir, 'data') },
    });
    // The native dialog answers with our path (a test cannot click a system dialog).
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (() =>
        Promise.resolve({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, target);
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Add entity' }).click();
    await page.getByRole('form', { name: 'Add entity' }).getByLabel('Name').fill('=cmd|calc');
    await page.getByRole('form', { name: 'Add entity' }).getByRole('button', { name: 'Add' }).click();
    await expect(page.getByTestId('status-entities')).toHaveText('1 entity');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => fs.existsSync(target)).toBe(true);
    const text = fs.readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain("'=cmd|calc");
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
