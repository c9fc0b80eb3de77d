// Takes a screenshot of the browser shell: `npx tsx scripts/screenshot.ts OUT.png [--case PATH] [--sample]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, startShell } from '../e2e/fixtures/shell';

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'screenshot.png';
  const caseIndex = process.argv.indexOf('--case');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-shot-'));
  const shell = await startShell({
    casePath:
      caseIndex > 0
        ? process.argv[caseIndex + 1]
        : process.argv.includes('--sample')
          ? undefined
          : path.join(dir, 'Screenshot.awcase'),
    dataDir: path.join(dir, 'data'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(shell.url);
  await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
  await page.screenshot({ path: out });
  await browser.close();
  await shell.stop();
  console.log(`saved ${out}`);
}

void main();
