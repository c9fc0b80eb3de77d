// Test helper: the third-party files in ../shared/real-data (read there, never copied), and
// Debian's python3 with networkx 2.8.8 for the independent checks.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REAL_DATA = path.resolve(import.meta.dirname, '../../../../shared/real-data');

export function realFile(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(REAL_DATA, name)));
}

export const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(import.meta.dirname, 'networkx_check.py');

/** Why the networkx checks cannot run here, or null when they can. */
export function networkxMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import networkx, scipy'], { encoding: 'utf8' });
  if (probe.status === 0) return null;
  return `${PYTHON} cannot import networkx and scipy (apt-get install -y --no-install-recommends python3-networkx python3-scipy): ${(probe.stderr || probe.error?.message || '').trim().split('\n').pop()}`;
}

/** Runs one command of networkx_check.py and returns its JSON answer. */
export function networkx<T>(args: string[], input?: unknown): T {
  const out = execFileSync(PYTHON, [SCRIPT, ...args], {
    input: input === undefined ? undefined : JSON.stringify(input),
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}
