// The crash harness: runs each operation of the table (operations.ts) in a child process against a
// copy of its case, SIGKILLs the child at a random moment, and checks that the case then opens,
// passes PRAGMA integrity_check and holds exactly the state before or after the operation (a
// digest of every table against two references), never one between.
//
// Kill moments: a reference run (not killed) gives the operation's length T and the moment W its
// WAL file first grew (the first write reaching the file; before that nothing is written). One kill
// in four lands at a random moment of the whole run; the others at a random delay after the WAL of
// the killed run first grows, over (T − W) and a little more — where a write that commits in two
// steps would leave the case between them. Each group is stratified (one random moment in each of
// its equal slices), so even a few kills cover their window.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CaseStore } from '../../store';
import { digestOf, digestOfFile, integrityOf } from '../caseDigest';
import { seededRandom } from '../random';
import { BEFORE, type CrashOperation } from './operations';

export type Outcome = 'before' | 'after' | 'between' | 'corrupt' | 'unopenable';

export interface KillReport {
  operation: string;
  rows: number;
  tried: number;
  /** Kills after which the case opened, was sound and held the state before or after. */
  survived: number;
  outcomes: Record<Outcome, number>;
  /** What went wrong, kill by kill (empty when every kill was survived). */
  failures: string[];
  /** The reference run: the operation's length and when its first write reached the WAL (ms). */
  referenceMs: number;
  writeStartMs: number | null;
}

export interface KillOptions {
  operations: readonly CrashOperation[];
  rows: number;
  killsPerOperation: number;
  /** Scratch folder; prepared cases are kept here and reused when made for the same row count. */
  workDir: string;
  seed?: number;
  log?: (line: string) => void;
}

const CHILD = path.join(import.meta.dirname, 'child.ts');
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');

interface Child {
  process: ChildProcess;
  messages: unknown[];
  waiters: ((message: unknown) => void)[];
  exited: Promise<void>;
}

function spawnChild(tmp: string): Child {
  const proc = fork(CHILD, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const child: Child = {
    process: proc,
    messages: [],
    waiters: [],
    exited: new Promise((resolve) => proc.once('exit', () => resolve())),
  };
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.on('message', (message) => {
    const waiter = child.waiters.shift();
    if (waiter) waiter(message);
    else child.messages.push(message);
  });
  proc.once('exit', (code, signal) => {
    for (const waiter of child.waiters.splice(0)) waiter({ exit: code ?? signal, stderr });
  });
  return child;
}

function nextMessage(child: Child): Promise<unknown> {
  if (child.messages.length) return Promise.resolve(child.messages.shift());
  if (child.process.exitCode !== null || child.process.signalCode !== null)
    return Promise.resolve({ exit: child.process.exitCode ?? child.process.signalCode });
  return new Promise((resolve) => child.waiters.push(resolve));
}

async function expectMessage(child: Child, expected: string): Promise<void> {
  const message = await nextMessage(child);
  if (message !== expected)
    throw new Error(`the operation's process answered ${JSON.stringify(message)} instead of "${expected}"`);
}

function removeCase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal', '.lock'])
    fs.rmSync(`${file}${suffix}`, { force: true });
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

/** Resolves when the file grows past its size (or the child exits first). */
function firstGrowth(file: string, size: number, child: Child): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (fileSize(file) > size || child.process.exitCode !== null || child.messages.length > 0) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
}

/** Opens the case as the app would and judges it against the two references. */
function judge(file: string, before: string, after: string): { outcome: Outcome; detail: string } {
  let store: CaseStore;
  try {
    store = CaseStore.open(file);
  } catch (error) {
    return { outcome: 'unopenable', detail: (error as Error).message };
  }
  try {
    const check = integrityOf(store.db);
    if (check !== 'ok') return { outcome: 'corrupt', detail: check.slice(0, 300) };
    const digest = digestOf(store.db);
    if (digest === before) return { outcome: 'before', detail: '' };
    if (digest === after) return { outcome: 'after', detail: '' };
    return { outcome: 'between', detail: 'the data is neither the state before nor the state after' };
  } finally {
    store.close();
  }
}

async function prepared(operation: CrashOperation, dir: string, rows: number): Promise<void> {
  const stamp = path.join(dir, 'prepared.json');
  try {
    if ((JSON.parse(fs.readFileSync(stamp, 'utf8')) as { rows: number }).rows === rows) return;
  } catch {
    // Not prepared yet (or for another size).
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await operation.prepare(dir, rows);
  fs.writeFileSync(stamp, JSON.stringify({ rows }));
}

export async function runKills(options: KillOptions): Promise<KillReport[]> {
  const seed = options.seed ?? Date.now() % 1_000_000;
  const next = seededRandom(seed);
  const log = options.log ?? (() => {});
  log(`crash harness: seed ${seed}`);
  const tmp = path.join(options.workDir, 'tmp');
  const reports: KillReport[] = [];
  const pool: { spare: Child | null } = { spare: null };
  const child = (): Child => {
    const ready = pool.spare ?? spawnChild(tmp);
    pool.spare = spawnChild(tmp); // loads the app's code while this one runs
    return ready;
  };
  try {
    for (const operation of options.operations) {
      const dir = path.join(options.workDir, operation.name.replace(/\W+/g, '-'));
      await prepared(operation, dir, options.rows);
      const beforeFile = path.join(dir, BEFORE);
      const runFile = path.join(options.workDir, 'run.awcase');
      const before = digestOfFile(beforeFile);

      // The reference run: not killed; its result is the state after.
      const reset = (): void => {
        removeCase(runFile);
        fs.rmSync(tmp, { recursive: true, force: true });
        fs.mkdirSync(tmp, { recursive: true });
        fs.copyFileSync(beforeFile, runFile);
      };
      reset();
      const reference = child();
      await expectMessage(reference, 'loaded');
      reference.process.send({ open: runFile, operation: operation.name, dir });
      await expectMessage(reference, 'ready');
      const wal = `${runFile}-wal`;
      const walAtStart = fileSize(wal);
      let writeStartMs: number | null = null;
      const start = performance.now();
      const watch = setInterval(() => {
        if (writeStartMs === null && fileSize(wal) > walAtStart) writeStartMs = performance.now() - start;
      }, 1);
      reference.process.send('go');
      const finished = await nextMessage(reference);
      const referenceMs = performance.now() - start;
      clearInterval(watch);
      await reference.exited;
      if (finished !== 'done')
        throw new Error(`${operation.name} failed when not killed: ${JSON.stringify(finished)}`);
      const after = digestOfFile(runFile);
      if (after === before)
        throw new Error(`${operation.name} changed nothing, so a kill could not be judged`);

      const report: KillReport = {
        operation: operation.name,
        rows: options.rows,
        tried: 0,
        survived: 0,
        outcomes: { before: 0, after: 0, between: 0, corrupt: 0, unopenable: 0 },
        failures: [],
        referenceMs,
        writeStartMs,
      };
      const timed = Math.ceil(options.killsPerOperation / 4);
      const afterWrite = options.killsPerOperation - timed;
      for (let k = 0; k < options.killsPerOperation; k++) {
        // Kill k: timed ones first (k < timed), then those after the first write.
        const slice = (n: number, i: number): number => (i + next()) / n;
        const byTime = k < timed || writeStartMs === null;
        const delay = byTime
          ? referenceMs * 1.05 * slice(timed, k % timed)
          : (referenceMs - writeStartMs!) * 1.2 * slice(afterWrite, k - timed);
        reset();
        const victim = child();
        await expectMessage(victim, 'loaded');
        victim.process.send({ open: runFile, operation: operation.name, dir });
        await expectMessage(victim, 'ready');
        const walBefore = fileSize(wal);
        const started = performance.now();
        victim.process.send('go');
        if (!byTime) await firstGrowth(wal, walBefore, victim);
        const at = performance.now() - started + delay;
        await new Promise((resolve) => setTimeout(resolve, delay));
        victim.process.kill('SIGKILL');
        await victim.exited;
        const { outcome, detail } = judge(runFile, before, after);
        report.tried++;
        report.outcomes[outcome]++;
        if (outcome === 'before' || outcome === 'after') report.survived++;
        else
          report.failures.push(
            `kill at ${Math.round(at)} ms of ${Math.round(referenceMs)}: ${outcome} (${detail})`,
          );
        log(
          `  ${operation.name}: kill ${k + 1} at ${Math.round(at)} ms (${byTime ? 'any time' : 'after the first write'}) → ${outcome}`,
        );
      }
      reports.push(report);
      removeCase(runFile);
    }
  } finally {
    if (pool.spare) {
      pool.spare.process.kill('SIGKILL');
      await pool.spare.exited;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return reports;
}
