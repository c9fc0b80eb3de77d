// `npm run start:browser`: build if needed, then serve the workbench on 127.0.0.1.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

buildIfNeeded();
const child = spawn(
  process.execPath,
  [path.resolve(import.meta.dirname, '..', 'out', 'main', 'browser.js'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
