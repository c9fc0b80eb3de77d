import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '..';
import { APPLICATION_ID } from '../db';
import { tempDir } from '../../testing/tempCase';
import { MIGRATIONS } from './index';

/** A case file as version 6 wrote it: facts in an entity's attrs, a weighted relation. */
function schemaSixCase(file: string): void {
  const db = new Database(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= 6)) db.exec(m.up);
  db.pragma('user_version = 6');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  const add = db.prepare(
    "INSERT INTO entity (type, name, name_norm, attrs, created_at, updated_at) VALUES ('organization', ?, ?, ?, 't', 't')",
  );
  const a = add.run(
    'AQIM',
    'aqim',
    JSON.stringify({ facts: [{ name: 'Fighters', value: '1,000' }] }),
  ).lastInsertRowid;
  const b = add.run('GSPC', 'gspc', '{}').lastInsertRowid;
  db.prepare(
    "INSERT INTO relation (source_id, target_id, type, weight, created_at, updated_at) VALUES (?, ?, 'succeeded_by', 2.5, 't', 't')",
  ).run(b, a);
  db.close();
}

describe('migration 0007 (attributes)', () => {
  it('keeps every row of a version-6 case, facts and weights included, and declares no attribute yet', () => {
    const file = path.join(tempDir(), 'v6.awcase');
    schemaSixCase(file);
    const store = CaseStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    expect(store.entities.get(1)!.attrs).toEqual({ facts: [{ name: 'Fighters', value: '1,000' }] });
    expect(
      store.relations.page({ offset: 0, limit: 10, sort: [{ column: 'weight', dir: 'desc' }] }).rows,
    ).toMatchObject([{ sourceName: 'GSPC', targetName: 'AQIM', weight: 2.5, values: {} }]);
    expect(store.attributes.list()).toEqual([]);
    const plan = store.db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM relation r ORDER BY r.weight DESC, r.id DESC LIMIT 10')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/relation_by_weight/);
    store.close();
  });
});
