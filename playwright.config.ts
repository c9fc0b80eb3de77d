import { defineConfig } from '@playwright/test';
// @ts-expect-error -- a plain .mjs helper shared with `npm start`
import { findElectronBinary } from './scripts/electron-binary.mjs';

if (!process.env.TEST_WORKER_INDEX && !(findElectronBinary as () => string | null)()) {
  process.stderr.write(
    'Note: e2e/electron.spec.ts will be skipped: no Electron binary is installed here (npm could not download it from GitHub); the browser-shell specs cover the same app.\n',
  );
}

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
