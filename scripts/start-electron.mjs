// `npm start`: the desktop app. Needs the Electron binary and a build of better-sqlite3 for
// Electron's ABI, kept in .native/ so it never overwrites the Node build that tests use.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';
import { electronInstallScript, findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

function electronBinary() {
  const found = findElectronBinary();
  if (found) return found;
  // The electron package fetches its binary on demand; try once, quietly.
  spawnSync(process.execPath, [electronInstallScript()], { stdio: 'ignore', timeout: 300_000 });
  return findElectronBinary();
}

function electronSqlite(version) {
  const dir = path.join(root, '.native', `electron-${version}`, 'better-sqlite3');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'build'), { recursive: true, force: true });
  try {
    // npm ships node-gyp; `npm exec` finds it (or fetches it from the registry).
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = [
      'exec',
      '--yes',
      '--',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${version}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ];
    execFileSync(npm, args, { cwd: dir, stdio: 'inherit' });
  } catch {
    fail(
      `Could not build better-sqlite3 for Electron ${version} (its headers could not be downloaded). ` +
        'Run `npm run start:browser` to use the browser shell instead.',
    );
  }
  return binding;
}

const binary = electronBinary();
if (!binary) {
  fail(
    'The Electron binary is not installed and could not be downloaded on this machine, so the desktop window cannot start; ' +
      'run `npm run start:browser` to use the same app in your browser instead.',
  );
}
buildIfNeeded();
const version = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const binding = electronSqlite(version);
const child = spawn(binary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, AW_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
