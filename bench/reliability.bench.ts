// Reliability figures (issue 17), the long forms of the CI tests: `npm run bench -- reliability`.
// - backup of a 1M-entity case (SQLite's backup API on a worker thread) against a plain file copy,
//   and how long IPC takes to answer while the copy is made, against no copy running;
// - fuzzed channels: payloads sent per channel and how many were refused;
// - hostile files: mutated and crafted files per parser, the worst time and peak memory among them
//   (against 4 × the file's size + 200 MB);
// - kills: survived of tried, per long write, on 1M-row operations.
// Sizes: BENCH_ROWS (1,000,000), BENCH_KILLS per operation (20, 100 in all), BENCH_FUZZ_PAYLOADS
// (10,000), BENCH_MUTATIONS per sample file (100). BENCH_ONLY=backup,fuzz,hostile,kills picks parts.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHANNELS } from '../src/shared/ipc/contract';
import { createDispatch } from '../src/main/ipc/handle';
import { createHandlers } from '../src/main/ipc/handlers';
import { CaseSession } from '../src/main/services/session';
import { runKills } from '../src/main/testing/crash/harness';
import { CRASH_OPERATIONS } from '../src/main/testing/crash/operations';
import { createFuzzEnvironment, fuzzChannel } from '../src/main/testing/fuzz/fuzzChannels';
import { memoryBoundMb, runHostile } from '../src/main/testing/hostile/harness';
import { HOSTILE_PARSERS } from '../src/main/testing/hostile/parsers';
import { machine, report, round, scratch } from './lib';
import { sheetCase } from './sheetData';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const KILLS = Number(process.env.BENCH_KILLS ?? 20);
const PAYLOADS = Number(process.env.BENCH_FUZZ_PAYLOADS ?? 10_000);
const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 100);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'backup,fuzz,hostile,kills').split(','));

const slug = (text: string): string => text.toLowerCase().replace(/\W+/g, '_').replace(/^_|_$/g, '');

/** Calls case:info and entities:list (the first page) every 5 ms while `during` runs; the slowest answer, in ms. */
async function slowestAnswer(
  dispatch: ReturnType<typeof createDispatch>,
  during: Promise<unknown>,
): Promise<{ max: number; calls: number }> {
  let done = false;
  void during.finally(() => (done = true));
  let max = 0;
  let calls = 0;
  while (!done) {
    const start = performance.now();
    await dispatch(
      'entities:list',
      { offset: Math.floor(ROWS / 2), limit: 100 },
      { kind: 'browser', token: 'bench' },
    );
    await dispatch('case:info', {}, { kind: 'browser', token: 'bench' });
    max = Math.max(max, performance.now() - start);
    calls += 2;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { max, calls };
}

async function backup(): Promise<void> {
  const dir = scratch('reliability-backup');
  const source = sheetCase(ROWS, 0);
  const file = path.join(dir, 'big.awcase');
  fs.copyFileSync(source, file);
  const session = new CaseSession({ dataDir: path.join(dir, 'data'), backups: { automatic: false } });
  session.open(file);
  const dispatch = createDispatch(createHandlers({ session, resourcesDir: dir }), {
    verifyCaller: () => true,
  });
  // Baseline: the same calls for as long as a plain copy of the file takes, with nothing else running.
  const copyStart = performance.now();
  fs.copyFileSync(file, path.join(dir, 'plain-copy.awcase'));
  const copyMs = performance.now() - copyStart;
  const idle = await slowestAnswer(
    dispatch,
    new Promise((resolve) => setTimeout(resolve, Math.max(2000, copyMs))),
  );
  const start = performance.now();
  const copying = session.backups!.backUpNow(file);
  const during = await slowestAnswer(dispatch, copying);
  const backupMs = performance.now() - start;
  const made = await copying;
  report({
    name: 'reliability.backup',
    value: backupMs,
    unit: 'ms',
    baseline: copyMs,
    rows: made.counts.entities,
    bytes: fs.statSync(file).size,
    note: 'online backup API on a worker thread (own connection, one step); baseline: fs.copyFileSync of the same file',
  });
  report({
    name: 'reliability.ipc_slowest_answer_during_backup',
    value: during.max,
    unit: 'ms',
    baseline: idle.max,
    calls: during.calls,
    note: 'entities:list (first page) + case:info every 5 ms while the backup runs; baseline: the same with no backup',
  });
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function fuzz(): Promise<void> {
  const env = await createFuzzEnvironment();
  try {
    let total = 0;
    let totalMs = 0;
    for (const channel of CHANNELS) {
      const stats = await fuzzChannel(env, channel, PAYLOADS);
      total += stats.payloads;
      totalMs += stats.ms;
      report({
        name: `reliability.fuzz.${channel}`,
        value: stats.payloads,
        unit: 'payloads',
        baseline: null,
        refused: stats.refused,
        accepted: stats.accepted,
        ms: round(stats.ms),
      });
    }
    report({
      name: 'reliability.fuzz.all_channels',
      value: total,
      unit: 'payloads',
      baseline: null,
      channels: CHANNELS.length,
      payloads_per_s: round(total / (totalMs / 1000)),
      note: 'every answer an envelope, every refusal a sentence, no refused payload changed the case',
    });
  } finally {
    await env.close();
  }
}

async function hostile(): Promise<void> {
  const dir = scratch('reliability-hostile');
  const reports = await runHostile({
    parsers: HOSTILE_PARSERS,
    mutationsPerSample: MUTATIONS,
    dir,
    measureMemory: true,
    seed: 29,
  });
  for (const parser of HOSTILE_PARSERS) {
    const mine = reports.filter((r) => r.parser === parser.name);
    const slowest = mine.reduce((a, b) => (b.ms > a.ms ? b : a));
    // Memory is judged against each file's own bound; the worst is the one closest to (or past) it.
    const heaviest = mine.reduce((a, b) =>
      (b.peakMb ?? 0) / memoryBoundMb(b.bytes) > (a.peakMb ?? 0) / memoryBoundMb(a.bytes) ? b : a,
    );
    const largestPeak = mine.reduce((a, b) => ((b.peakMb ?? 0) > (a.peakMb ?? 0) ? b : a));
    report({
      name: `reliability.hostile.${slug(parser.name)}`,
      value: mine.length,
      unit: 'files',
      baseline: null,
      mutated: mine.filter((r) => r.kind === 'mutated').length,
      attacks: mine.filter((r) => r.kind === 'attack').length,
      accepted: mine.filter((r) => r.verdict === 'accepted').length,
      refused: mine.filter((r) => r.verdict === 'refused').length,
      failed: mine
        .filter((r) => r.verdict !== 'accepted' && r.verdict !== 'refused')
        .map((r) => `${r.file}: ${r.verdict}`),
      worst_ms: round(slowest.ms),
      worst_ms_file: slowest.file,
      largest_peak_mb: round(largestPeak.peakMb ?? 0),
      largest_peak_file: `${largestPeak.file} (${largestPeak.bytes} bytes, bound ${round(memoryBoundMb(largestPeak.bytes))} MB)`,
      closest_to_bound: `${heaviest.file}: ${round(heaviest.peakMb ?? 0)} of ${round(memoryBoundMb(heaviest.bytes))} MB`,
      within_bounds: mine.every((r) => r.peakMb === null || r.peakMb <= memoryBoundMb(r.bytes)),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

async function kills(): Promise<void> {
  // Prepared cases are kept between runs (they take minutes at 1M rows).
  const dir = path.resolve(import.meta.dirname, '..', '.bench', 'reliability-kills');
  fs.mkdirSync(dir, { recursive: true });
  for (const operation of CRASH_OPERATIONS) {
    const start = performance.now();
    let result;
    try {
      [result] = await runKills({
        operations: [operation],
        rows: ROWS,
        killsPerOperation: KILLS,
        workDir: dir,
        log: process.env.BENCH_VERBOSE ? (line) => console.error(line) : undefined,
      });
    } catch (error) {
      // The operation itself failed at this size (not killed): a figure of its own, not the end of the run.
      report({
        name: `reliability.kills.${slug(operation.name)}`,
        value: 0,
        unit: 'kills survived',
        baseline: 0,
        rows: ROWS,
        error: (error as Error).message.slice(0, 500),
      });
      continue;
    }
    report({
      name: `reliability.kills.${slug(operation.name)}`,
      value: result!.survived,
      unit: 'kills survived',
      baseline: result!.tried,
      rows: ROWS,
      found_before: result!.outcomes.before,
      found_after: result!.outcomes.after,
      failures: result!.failures,
      operation_ms: round(result!.referenceMs),
      first_write_ms: result!.writeStartMs === null ? null : round(result!.writeStartMs),
      total_ms: round(performance.now() - start),
      note: 'baseline: kills tried; the case opened, passed integrity_check and was exactly before or after',
    });
  }
}

export async function run(): Promise<void> {
  console.error(
    `reliability bench on ${machine()}: ${ROWS.toLocaleString('en-US')} rows, ${KILLS} kills per operation, ${PAYLOADS} payloads per channel, ${MUTATIONS} mutations per sample`,
  );
  if (ONLY.has('backup')) await backup();
  if (ONLY.has('fuzz')) await fuzz();
  if (ONLY.has('hostile')) await hostile();
  if (ONLY.has('kills')) await kills();
}
