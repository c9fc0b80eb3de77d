// Store figures (issue 2): bulk insert of 1,000,000 entities through the store's own path against a
// raw better-sqlite3 prepared-insert loop (same schema, same run), and open-to-first-page on that case.
import path from 'node:path';
import Database from 'better-sqlite3';
import { CaseStore } from '../src/main/store';
import type { EntityDraft } from '../src/shared/model';
import { ENTITY_TYPES } from '../src/shared/vocab';
import { median, report, scratch, time } from './lib';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

function* drafts(count: number): Generator<EntityDraft> {
  for (let i = 0; i < count; i++) {
    yield { type: ENTITY_TYPES[i % ENTITY_TYPES.length]!, name: `Entity ${i.toString(36)} Ḍrūkdāl ${i}`, summary: 'bench row' };
  }
}

export async function run(): Promise<void> {
  const dir = scratch('store');

  // Baseline: a raw prepared insert loop, one transaction, into a file with the same schema.
  const rawFile = path.join(dir, 'raw.awcase');
  CaseStore.open(rawFile, { create: true }).close();
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const insert = raw.prepare(
    'INSERT INTO entity (type, name, name_norm, summary, attrs, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  const baseline = time(() =>
    raw.transaction(() => {
      for (const d of drafts(ROWS)) insert.run(d.type, d.name, d.name.toLowerCase(), d.summary, '{}', '[]', at, at);
    })(),
  );
  raw.close();

  // The store's bulk path (normalised names for matching, its own statements), same transaction shape.
  const caseFile = path.join(dir, 'store.awcase');
  const store = CaseStore.open(caseFile, { create: true });
  const ours = time(() => store.transaction(() => store.entities.insertMany(drafts(ROWS))));
  store.close();

  const baselineRate = ROWS / (baseline.ms / 1000);
  const oursRate = ROWS / (ours.ms / 1000);
  report({
    name: 'store.bulk_insert_entities',
    value: oursRate,
    unit: 'rows/s',
    baseline: baselineRate,
    rows: ROWS,
    ms: ours.ms,
    baseline_ms: baseline.ms,
    target: '>= 0.7x baseline',
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
