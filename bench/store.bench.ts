// Store figures (issue 2): bulk insert of 1,000,000 entities through the store's own path against a
// raw better-sqlite3 prepared-insert loop (same schema, same run), and open-to-first-page on that case.
import path from 'node:path';
import Database from 'better-sqlite3';
import { CaseStore } from '../src/main/store';
import { bulkInsertEntities } from '../src/main/store/bulk';
import type { EntityDraft } from '../src/shared/model';
import { ENTITY_TYPES } from '../src/shared/vocab';
import { median, report, scratch, time, timeCpu } from './lib';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

function* drafts(count: number): Generator<EntityDraft> {
  for (let i = 0; i < count; i++) {
    yield {
      type: ENTITY_TYPES[i % ENTITY_TYPES.length]!,
      name: `Entity ${i.toString(36)} Ḍrūkdāl ${i}`,
      summary: 'bench row',
    };
  }
}

function freshCase(dir: string, name: string): string {
  const file = path.join(dir, name);
  CaseStore.open(file, { create: true }).close();
  return file;
}

/** A raw prepared-insert loop in one transaction, the way one would write it by hand. */
function rawLoop(file: string, table: string): { ms: number; cpuMs: number } {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const insert = raw.prepare(
    `INSERT INTO ${table} (type, name, name_norm, summary, attrs, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  const { ms, cpuMs } = timeCpu(() =>
    raw.transaction(() => {
      for (const d of drafts(ROWS))
        insert.run(d.type, d.name, d.name.toLowerCase(), d.summary, '{}', '[]', at, at);
    })(),
  );
  raw.close();
  return { ms, cpuMs };
}

export async function run(): Promise<void> {
  const dir = scratch('store');

  // Baseline 1: the raw loop into a case file of the same schema (indexes, search triggers and all).
  const sameSchema = rawLoop(freshCase(dir, 'raw-same-schema.awcase'), 'entity');
  // Baseline 2 (the floor): the raw loop into a bare table with the same columns and no index at all.
  const bareFile = freshCase(dir, 'raw-bare.awcase');
  const bare = new Database(bareFile);
  bare.exec(
    'CREATE TABLE bare (id INTEGER PRIMARY KEY, type TEXT, name TEXT, name_norm TEXT, summary TEXT, attrs TEXT, tags TEXT, created_at TEXT, updated_at TEXT)',
  );
  bare.close();
  const bareMs = rawLoop(bareFile, 'bare');

  // The store's bulk path: same rows, same end state as baseline 1 (indexes, search entries).
  const caseFile = freshCase(dir, 'store.awcase');
  const store = CaseStore.open(caseFile);
  const ours = timeCpu(() => bulkInsertEntities(store.db, drafts(ROWS), ROWS));
  store.close();

  const rate = (ms: number): number => ROWS / (ms / 1000);
  report({
    name: 'store.bulk_insert_entities',
    value: rate(ours.ms),
    unit: 'rows/s',
    baseline: rate(sameSchema.ms),
    rows: ROWS,
    ms: ours.ms,
    baseline_ms: sameSchema.ms,
    cpu_ms: Math.round(ours.cpuMs),
    baseline_cpu_ms: Math.round(sameSchema.cpuMs),
    cpu_ratio: Math.round((sameSchema.cpuMs / ours.cpuMs) * 1000) / 1000,
    target: '>= 0.7x baseline',
    note: 'baseline = raw prepared-insert loop, one transaction, into the same case schema (indexes + search index)',
  });
  report({
    name: 'store.bulk_insert_entities_vs_bare_table',
    value: rate(ours.ms),
    unit: 'rows/s',
    baseline: rate(bareMs.ms),
    rows: ROWS,
    ms: ours.ms,
    baseline_ms: bareMs.ms,
    cpu_ms: Math.round(ours.cpuMs),
    baseline_cpu_ms: Math.round(bareMs.cpuMs),
    cpu_ratio: Math.round((bareMs.cpuMs / ours.cpuMs) * 1000) / 1000,
    target: '>= 0.5x baseline',
    note: 'floor: raw loop into a table with no index and no search index; ours also builds 4 indexes and the FTS5 index',
  });
  // Open the million-entity case and read the first page of 100 rows, sorted by name (as the sheet does).
  const firstPage: number[] = [];
  const rawPage: number[] = [];
  for (let i = 0; i < 5; i++) {
    firstPage.push(
      time(() => {
        const s = CaseStore.open(caseFile);
        s.entities.page({ offset: 0, limit: 100, sort: [{ column: 'name', dir: 'asc' }] });
        s.close();
      }).ms,
    );
    rawPage.push(
      time(() => {
        const db = new Database(caseFile, { readonly: true });
        db.prepare('SELECT * FROM entity ORDER BY name COLLATE NOCASE, id LIMIT 100').all();
        db.close();
      }).ms,
    );
  }
  report({
    name: 'store.open_to_first_page',
    value: median(firstPage),
    unit: 'ms',
    baseline: median(rawPage),
    rows: ROWS,
    target: '< 50 ms',
    note: 'median of 5; baseline = raw open + indexed SELECT of 100 rows without checks or counts',
  });
}
