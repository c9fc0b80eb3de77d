// The hostile-files harness: for each parser of the table (parsers.ts), mutated copies of real
// files and crafted attacks, each read in a child process as the app reads it. A file must be
// accepted or refused with a sentence, within 10 s; the child is killed (and the file marked hung)
// otherwise. With measureMemory, each file's peak memory is read from /proc (VmHWM, reset before
// every file), to be held against 4 × its size + 200 MB.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isSentence } from '../fuzz/payloads';
import { mutatedCopies } from './mutate';
import type { HostileParser } from './parsers';

export type Verdict = 'accepted' | 'refused' | 'crashed' | 'hung' | 'no sentence';

export interface FileReport {
  parser: string;
  file: string;
  kind: 'sample' | 'mutated' | 'attack';
  bytes: number;
  verdict: Verdict;
  ms: number;
  /** Peak memory growth while the file was read (MB), when measured. */
  peakMb: number | null;
  detail: string;
}

export interface HostileOptions {
  parsers: readonly HostileParser[];
  mutationsPerSample: number;
  dir: string;
  timeoutMs?: number;
  measureMemory?: boolean;
  seed?: number;
  log?: (line: string) => void;
}

const CHILD = path.join(import.meta.dirname, 'child.ts');
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');

/** The memory bound a file is held to: 4 × its size + 200 MB. */
export const memoryBoundMb = (bytes: number): number => (4 * bytes) / 2 ** 20 + 200;

interface CorpusFile {
  file: string;
  kind: FileReport['kind'];
}

function corpus(parser: HostileParser, dir: string, mutations: number, seed: number): CorpusFile[] {
  fs.mkdirSync(dir, { recursive: true });
  for (const companion of parser.companions ?? [])
    fs.copyFileSync(companion, path.join(dir, path.basename(companion)));
  const files: CorpusFile[] = [];
  parser.samples(dir).forEach((sample, i) => {
    const base = path.basename(sample);
    const original = fs.readFileSync(sample);
    const copy = path.join(dir, `sample-${i}-${base}`);
    fs.writeFileSync(copy, original);
    files.push({ file: copy, kind: 'sample' });
    mutatedCopies(original, parser.mutations ?? mutations, seed + i).forEach((bytes, n) => {
      const mutant = path.join(dir, `mutant-${i}-${n}-${base}`);
      fs.writeFileSync(mutant, bytes);
      files.push({ file: mutant, kind: 'mutated' });
    });
  });
  for (const attack of parser.attacks) {
    const file = path.join(
      dir,
      `attack-${attack.name.replace(/\W+/g, '-')}${attack.extension ?? parser.extension}`,
    );
    attack.write(file);
    files.push({ file, kind: 'attack' });
  }
  return files;
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

interface Child {
  process: ChildProcess;
  next(): Promise<unknown>;
}

function spawnChild(parser: HostileParser, tmp: string): Child {
  const proc = fork(CHILD, [parser.name], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  proc.stderr!.resume();
  const queue: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  proc.on('message', (message) => (waiters.length ? waiters.shift()!(message) : queue.push(message)));
  proc.once('exit', (code, signal) => {
    for (const waiter of waiters.splice(0)) waiter({ exit: code ?? signal });
  });
  return {
    process: proc,
    next: () =>
      queue.length ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiters.push(resolve)),
  };
}

export async function runHostile(options: HostileOptions): Promise<FileReport[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => {});
  const tmp = path.join(options.dir, 'tmp');
  const reports: FileReport[] = [];
  for (const parser of options.parsers) {
    const files = corpus(
      parser,
      path.join(options.dir, parser.name.replace(/\W+/g, '-')),
      options.mutationsPerSample,
      seed,
    );
    let child: Child | null = null;
    for (const { file, kind } of files) {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp, { recursive: true });
      if (!child) {
        child = spawnChild(parser, tmp);
        if ((await child.next()) !== 'loaded')
          throw new Error(`the ${parser.name} harness process did not start`);
      }
      const scratch = fs.mkdtempSync(path.join(options.dir, 'scratch-'));
      const pid = child.process.pid!;
      let base = 0;
      if (options.measureMemory) {
        fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the present size
        base = status(pid, 'VmRSS');
      }
      child.process.send({ file, scratch });
      let timer: NodeJS.Timeout | undefined;
      const answer = (await Promise.race([
        child.next(),
        new Promise((resolve) => (timer = setTimeout(() => resolve({ outcome: 'hung' }), timeoutMs))),
      ])) as { outcome?: string; ms?: number; detail?: string; exit?: unknown };
      clearTimeout(timer);
      const peakMb =
        options.measureMemory && !answer.exit && answer.outcome !== 'hung'
          ? status(pid, 'VmHWM') - base
          : null;
      let verdict: Verdict;
      if (answer.outcome === 'accepted') verdict = 'accepted';
      else if (answer.outcome === 'refused') verdict = isSentence(answer.detail) ? 'refused' : 'no sentence';
      else if (answer.outcome === 'hung') verdict = 'hung';
      else verdict = 'crashed';
      if (verdict === 'hung' || answer.exit !== undefined) {
        child.process.kill('SIGKILL');
        child = null;
      }
      const report: FileReport = {
        parser: parser.name,
        file: path.basename(file),
        kind,
        bytes: fs.statSync(file).size,
        verdict,
        ms: answer.ms ?? timeoutMs,
        peakMb,
        detail: (
          answer.detail ?? (answer.exit !== undefined ? `the process died (${String(answer.exit)})` : '')
        ).slice(0, 500),
      };
      reports.push(report);
      log(
        `  ${parser.name}: ${report.file} (${report.bytes} bytes) → ${verdict} in ${Math.round(report.ms)} ms`,
      );
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    if (child) child.process.kill('SIGKILL');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return reports;
}
