// CSV figures (issues 4 and 19), each against a baseline taken in the same run:
// - export of 1,000,000 entities (rows/s) against a raw iterate-and-write of the same query, with
//   the peak resident memory sampled on a thread of its own while the export runs;
// - import of that file into a fresh case (rows/s, the parse, insert and index phases apart, search
//   index, counters and journal complete) against `sqlite3 .import` of the same file into a bare
//   table, and the preview check that comes before it;
// - import of 2,000,000 relations whose ends are looked up by name, against `sqlite3 .import`;
// - undo and redo of the million-row import (one step each).
// The benchmark installs nothing: without the sqlite3 command it says so and prints our figures
// alone. `npm run bench -- csv`
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { exportStream } from '../src/main/services/sheet/csvExport';
import * as csvImport from '../src/main/services/sheet/csvImport';
import { uploadFromFile } from '../src/main/services/uploads';
import { CaseStore } from '../src/main/store';
import { entityListSql } from '../src/main/store/repos/entities';
import { RELATION_TYPE_NAMES } from '../src/shared/vocab';
import { report, scratch, time, timeCpu, timeCpuAsync } from './lib';
import { entityName, sheetCase } from './sheetData';

const { checkImport, runImport } = csvImport;
// The same file runs on the commit before this bench's own (for before/after figures): what that
// commit lacks is left out of the figures, not guessed.
const lastImportTimings = (): { readAndCheckMs: number; insertMs: number; indexMs: number } | null =>
  (csvImport as { lastImportTimings?: () => ReturnType<typeof lastImportTimings> }).lastImportTimings?.() ??
  null;
const csvRead = (await import('../src/main/io/csvRead' as string).catch(() => null)) as null | {
  readRecords: (file: string, delimiter: ',') => AsyncIterable<unknown[]>;
};

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RELATIONS = Number(process.env.BENCH_RELATIONS ?? 2 * ROWS);

/**
 * Samples the process's resident set every 10 ms on a worker thread (the main thread may be busy
 * for long stretches) while fn runs; returns the peak growth over the start, in MB.
 */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  global.gc?.();
  const start = process.memoryUsage.rss();
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss();
     const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 10);
     parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });`,
    { eval: true },
  );
  await new Promise((resolve) => sampler.once('online', resolve));
  try {
    const result = await fn();
    const peak = await new Promise<number>((resolve) => {
      sampler.once('message', resolve);
      sampler.postMessage('stop');
    });
    return { result, peakMb: (peak - start) / 2 ** 20 };
  } finally {
    await sampler.terminate();
  }
}

function sqliteCli(): string | null {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'pipe' });
    return 'sqlite3';
  } catch {
    return null;
  }
}

/**
 * `sqlite3 .import` of a CSV file (header skipped) into a bare table of `columns`: wall ms, and the
 * CPU ms the shell's `times` reports for it.
 */
function cliImport(
  dir: string,
  file: string,
  columns: string[],
  name: string,
): { ms: number; cpuMs: number } {
  const db = path.join(dir, `${name}.sqlite`);
  fs.rmSync(db, { force: true });
  const script = [
    `CREATE TABLE bare (${columns.map((c) => `"${c}" TEXT`).join(', ')});`,
    '.mode csv',
    `.import --skip 1 '${file}' bare`,
  ].join('\n');
  const scriptFile = path.join(dir, `${name}.sql`);
  fs.writeFileSync(scriptFile, script);
  const { ms, result } = time(() =>
    execFileSync('bash', ['-c', 'sqlite3 "$0" < "$1"; times', db, scriptFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  // `times` prints the shell's, then its children's, user and system time: 0m0.444s 0m0.067s
  const children = result.toString().trim().split('\n').at(-1)!;
  const cpuMs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000,
    0,
  );
  const rows = Number(execFileSync('sqlite3', [db, 'SELECT count(*) FROM bare']).toString().trim());
  if (rows < 0.99 * ROWS) throw new Error(`sqlite3 .import read only ${rows} rows of ${file}`);
  fs.rmSync(db, { force: true });
  return { ms, cpuMs };
}

export async function run(): Promise<void> {
  const dir = scratch('csv');
  const source = sheetCase(ROWS, 0);
  const cli = sqliteCli();
  if (!cli)
    console.log(
      'sqlite3 (the command-line shell) is not installed: the import figures have no CLI baseline.',
    );

  // Export: the sheet's own path (query, cell text, neutralising, RFC 4180 quoting) to a file.
  const columns = ['type', 'name', 'aliases', 'summary', 'citations', 'grade', 'updatedAt', 'tags'];
  const query = { sort: [{ column: 'name' as const, dir: 'asc' as const }] };
  const out = path.join(dir, 'entities.csv');
  const ours = await peakRss(() =>
    timeCpuAsync(() =>
      pipeline(exportStream(source, { tab: 'entities', columns, query }), fs.createWriteStream(out)),
    ),
  );
  // Baseline: the same query iterated raw and written as naive comma-joined lines, no quoting.
  const rawOut = path.join(dir, 'raw.csv');
  const baseline = await peakRss(() =>
    timeCpuAsync(async () => {
      const db = new Database(source, { readonly: true });
      const stream = fs.createWriteStream(rawOut);
      let buffer = '';
      const sql = entityListSql(query, columns);
      for (const r of db
        .prepare(sql.select)
        .raw()
        .iterate(...sql.params) as Iterable<unknown[]>) {
        buffer += `${r.join(',')}\n`;
        if (buffer.length > 1 << 20) {
          if (!stream.write(buffer))
            await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
          buffer = '';
        }
      }
      stream.end(buffer);
      await new Promise<void>((resolve) => stream.once('finish', () => resolve()));
      db.close();
    }),
  );
  report({
    name: 'csv.export_entities',
    value: ROWS / (ours.result.ms / 1000),
    unit: 'rows/s',
    baseline: ROWS / (baseline.result.ms / 1000),
    rows: ROWS,
    ms: ours.result.ms,
    bytes: fs.statSync(out).size,
    baseline_ms: baseline.result.ms,
    cpu_ms: Math.round(ours.result.cpuMs),
    baseline_cpu_ms: Math.round(baseline.result.cpuMs),
    cpu_ratio: Math.round((baseline.result.cpuMs / ours.result.cpuMs) * 1000) / 1000,
    target: '>= 0.7x baseline',
    note: 'baseline: the same SQL query iterated raw + naive join, no quoting, no cell formatting',
  });
  report({
    name: 'csv.export_entities_peak_memory',
    value: ours.peakMb,
    unit: 'MB',
    baseline: baseline.peakMb,
    rows: ROWS,
    bytes: fs.statSync(out).size,
    note: 'peak resident-set growth while exporting, sampled every 10 ms on a worker thread',
  });

  // Parsing alone (the phase the import cannot do without), for the phases below.
  const parse = await timeCpuAsync(async () => {
    let n = 0;
    if (csvRead) for await (const batch of csvRead.readRecords(out, ',')) n += batch.length;
    return n;
  });

  // Import: the exported file into a fresh case — the preview check, then the import.
  const target = path.join(dir, 'import.awcase');
  const store = CaseStore.open(target, { create: true });
  const uploadId = uploadFromFile(out);
  const check = await timeCpuAsync(() => checkImport(store, { uploadId, kind: 'entities', delimiter: ',' }));
  if (check.result.problem) throw new Error(check.result.problem);
  const imported = await peakRss(() =>
    timeCpuAsync(() =>
      runImport(store, { uploadId, kind: 'entities', delimiter: ',', jobId: 'b'.repeat(32) }),
    ),
  );
  if (imported.result.result.imported !== ROWS)
    throw new Error(`imported ${imported.result.result.imported} of ${ROWS}`);
  const phases = lastImportTimings();
  const searchable = store.db
    .prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'mourabitoune'")
    .pluck()
    .get() as number;
  if (searchable === 0) throw new Error('the search index is not complete after the import');
  const cliRun = cli ? cliImport(dir, out, columns, 'entities') : null;
  const cliMs = cliRun?.ms ?? null;
  const rate = (rows: number, ms: number): number => rows / (ms / 1000);
  report({
    name: 'csv.import_entities',
    value: rate(ROWS, imported.result.ms),
    unit: 'rows/s',
    baseline: cliMs === null ? null : rate(ROWS, cliMs),
    rows: ROWS,
    ms: imported.result.ms,
    baseline_ms: cliMs,
    parse_ms: csvRead ? Math.round(parse.ms) : null,
    read_and_check_ms: phases && Math.round(phases.readAndCheckMs),
    insert_ms: phases && Math.round(phases.insertMs),
    index_ms: phases && Math.round(phases.indexMs),
    peak_memory_mb: Math.round(imported.peakMb),
    parse_cpu_ms: csvRead ? Math.round(parse.cpuMs) : null,
    cpu_ms: Math.round(imported.result.cpuMs),
    baseline_cpu_ms: cliRun ? Math.round(cliRun.cpuMs) : null,
    cpu_ratio: cliRun ? Math.round((cliRun.cpuMs / imported.result.cpuMs) * 1000) / 1000 : null,
    target: '>= 0.3x baseline and >= 200,000 rows/s',
    note: 'ours: the import (read, parse, check every row, insert, rebuild indexes and the search index, journal, commit); parse_ms is a parse of the same file alone; baseline: sqlite3 .import of the same file into a bare table',
  });
  report({
    name: 'csv.import_entities_check',
    value: rate(ROWS, check.ms),
    unit: 'rows/s',
    baseline: rate(ROWS, imported.result.ms),
    rows: ROWS,
    ms: check.ms,
    cpu_ms: Math.round(check.cpuMs),
    note: 'the preview that comes before the import (read, parse, check every row, nothing written); baseline: the import',
  });
  report({
    name: 'csv.import_entities_with_check',
    value: rate(ROWS, check.ms + imported.result.ms),
    unit: 'rows/s',
    baseline: cliMs === null ? null : rate(ROWS, cliMs),
    rows: ROWS,
    ms: check.ms + imported.result.ms,
    note: 'preview check + import, as the dialog runs them; baseline: sqlite3 .import',
  });

  // The whole import is one undo step: undo and redo it, against the import's own time.
  const undone = timeCpu(() => store.journal.undo());
  if (store.entities.count() !== 0) throw new Error('undo left rows behind');
  const redone = timeCpu(() => store.journal.redo());
  if (store.entities.count() !== ROWS) throw new Error('redo did not bring every row back');
  for (const [name, figure] of [
    ['csv.import_undo', undone],
    ['csv.import_redo', redone],
  ] as const) {
    report({
      name,
      value: figure.ms,
      unit: 'ms',
      baseline: imported.result.ms,
      rows: ROWS,
      cpu_ms: Math.round(figure.cpuMs),
      note: 'one step; baseline: the import itself',
    });
  }

  // Relations whose ends are looked up by name, into the case that now has the million entities
  // (no two rows alike: row i + ROWS has the same source as row i and the next target).
  const relationsFile = path.join(dir, 'relations.csv');
  const stream = fs.createWriteStream(relationsFile);
  let buffer = 'source,target,type\n';
  for (let i = 0; i < RELATIONS; i++) {
    buffer += `${entityName((i * 31) % ROWS)},${entityName((i * 17 + 5 + Math.floor(i / ROWS)) % ROWS)},${RELATION_TYPE_NAMES[i % RELATION_TYPE_NAMES.length]}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
      buffer = '';
    }
  }
  stream.end(buffer);
  await new Promise<void>((resolve) => stream.once('finish', () => resolve()));
  const relationUpload = uploadFromFile(relationsFile);
  const relationCheck = await timeCpuAsync(() =>
    checkImport(store, { uploadId: relationUpload, kind: 'relations', delimiter: ',' }),
  );
  if (relationCheck.result.problem) throw new Error(relationCheck.result.problem);
  const relationRun = await peakRss(() =>
    timeCpuAsync(() =>
      runImport(store, {
        uploadId: relationUpload,
        kind: 'relations',
        delimiter: ',',
        jobId: 'c'.repeat(32),
      }),
    ),
  );
  const relationPhases = lastImportTimings();
  const end = relationRun.result.result as { imported: number; rejected: number; merged?: number };
  if (end.imported + end.rejected + (end.merged ?? 0) !== RELATIONS)
    throw new Error(`read ${end.imported + end.rejected} of ${RELATIONS} relations`);
  store.close();
  const cliRelations = cli ? cliImport(dir, relationsFile, ['source', 'target', 'type'], 'relations') : null;
  const cliRelationsMs = cliRelations?.ms ?? null;
  report({
    name: 'csv.import_relations',
    value: rate(RELATIONS, relationRun.result.ms),
    unit: 'rows/s',
    baseline: cliRelationsMs === null ? null : rate(RELATIONS, cliRelationsMs),
    rows: RELATIONS,
    ms: relationRun.result.ms,
    baseline_ms: cliRelationsMs,
    check_ms: Math.round(relationCheck.ms),
    imported: end.imported,
    merged: end.merged ?? null,
    rejected: end.rejected,
    read_and_check_ms: relationPhases && Math.round(relationPhases.readAndCheckMs),
    insert_ms: relationPhases && Math.round(relationPhases.insertMs),
    index_ms: relationPhases && Math.round(relationPhases.indexMs),
    peak_memory_mb: Math.round(relationRun.peakMb),
    cpu_ms: Math.round(relationRun.result.cpuMs),
    baseline_cpu_ms: cliRelations ? Math.round(cliRelations.cpuMs) : null,
    cpu_ratio: cliRelations
      ? Math.round((cliRelations.cpuMs / relationRun.result.cpuMs) * 1000) / 1000
      : null,
    target: '>= 0.15x baseline',
    note: `ends looked up by name among ${ROWS.toLocaleString('en-US')} entities; baseline: sqlite3 .import of the same file into a bare table`,
  });
}
