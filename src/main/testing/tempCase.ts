// Test helper: a fresh case file in its own temporary folder, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseStore } from '../store';

export interface TempCase {
  dir: string;
  file: string;
  store: CaseStore;
  cleanup(): void;
}

export function tempDir(prefix = 'aw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempCase(name = 'test.awcase'): TempCase {
  const dir = tempDir();
  const file = path.join(dir, name);
  const store = CaseStore.open(file, { create: true });
  return {
    dir,
    file,
    store,
    cleanup() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
