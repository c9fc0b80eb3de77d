// One writer per case: a case another workbench process or window has open is refused with a
// sentence (or opened read-only when asked), never written by two at once; the lock dies with its
// holder, even when it is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../store';
import { tempDir } from '../testing/tempCase';
import { AppError } from './errors';
import { CaseSession } from './session';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const HOLDER = path.join(ROOT, 'src', 'main', 'testing', 'holdCase.ts');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function scratch(): string {
  const dir = tempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts another workbench process on the case; resolves with its first line ("open" or the refusal). */
function otherProcess(file: string): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, said: out.trim() });
    });
    child.once('exit', (code) => reject(new Error(`the other process exited (${code}) saying ${out}`)));
  });
}

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('it was not refused');
}

function makeCase(dir: string): string {
  const file = path.join(dir, 'Sahel.awcase');
  CaseStore.open(file, { create: true }).close();
  return file;
}

describe('one writer per case', () => {
  it('refuses a case another process has open, with a sentence, and offers it read-only', async () => {
    const dir = scratch();
    const file = makeCase(dir);
    const { child, said } = await otherProcess(file);
    expect(said).toBe('open');

    const session = new CaseSession({ dataDir: path.join(dir, 'data'), backups: false });
    cleanups.push(() => session.close());
    const refused = refusal(() => session.open(file));
    expect(refused.code).toBe('case_in_use');
    expect(refused.message).toBe(
      '“Sahel.awcase” is open in another Analyst Workbench window. Close it there, or open it read-only here; nothing was changed.',
    );
    expect(session.isOpen).toBe(false);

    session.open(file, { readOnly: true });
    expect(session.info().readOnly).toBe(
      '“Sahel.awcase” is open in another Analyst Workbench window, so it is open read-only here: close it there and open it again to make changes.',
    );
    // It reads what the other process wrote.
    expect(session.store.entities.count()).toBe(1);
    session.close();

    // Killed, the other process lets go of the case: it opens for writing here.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    session.open(file);
    expect(session.info().readOnly).toBeNull();
    session.store.entities.insert({ type: 'organization', name: 'AQIM' });
    expect(session.store.entities.count()).toBe(2);
  });

  it('keeps a second process out while this one writes', async () => {
    const dir = scratch();
    const file = makeCase(dir);
    const session = new CaseSession({ dataDir: path.join(dir, 'data'), backups: false });
    cleanups.push(() => session.close());
    session.open(file);
    const { said } = await otherProcess(file);
    expect(said).toBe(
      'refused: “Sahel.awcase” is open in another Analyst Workbench window. Close it there, or open it read-only here; nothing was changed.',
    );
    expect(session.store.entities.count()).toBe(0);
  });

  it('refuses a second window of the same process, and lets it in once the first closes the case', () => {
    const dir = scratch();
    const file = makeCase(dir);
    const first = new CaseSession({ dataDir: path.join(dir, 'data'), backups: false });
    const second = new CaseSession({ dataDir: path.join(dir, 'data'), backups: false });
    cleanups.push(
      () => first.close(),
      () => second.close(),
    );
    first.open(file);
    expect(refusal(() => second.open(file)).code).toBe('case_in_use');
    first.close();
    second.open(file);
    expect(second.info()).toMatchObject({ open: true, readOnly: null });
    expect(fs.existsSync(`${file}.lock`)).toBe(true);
    second.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('opens the same case again in the same window without refusing itself', () => {
    const dir = scratch();
    const file = makeCase(dir);
    const session = new CaseSession({ dataDir: path.join(dir, 'data'), backups: false });
    cleanups.push(() => session.close());
    const store = session.open(file);
    expect(session.open(file)).toBe(store);
  });
});
