// Where the built app finds its pieces and where the analyst's data lives (plain Node, no electron).
import os from 'node:os';
import path from 'node:path';

export interface AppPaths {
  root: string;
  resources: string;
  renderer: string;
  preload: string;
}

/** Paths of the built app. entryDir is the folder of the running entry bundle (out/main). */
export function appPaths(entryDir: string): AppPaths {
  const root = path.resolve(entryDir, '..', '..');
  return {
    root,
    resources: path.join(root, 'resources'),
    renderer: path.join(root, 'out', 'renderer'),
    preload: path.join(root, 'out', 'preload', 'index.cjs'),
  };
}

/** The user's data folder (AW_DATA_DIR overrides it, for tests and portable use). */
export function defaultDataDir(): string {
  if (process.env.AW_DATA_DIR) return path.resolve(process.env.AW_DATA_DIR);
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'analyst-workbench');
}
