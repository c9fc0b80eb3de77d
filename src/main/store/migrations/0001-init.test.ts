import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempCase';
import { APPLICATION_ID, migrate } from '../db';

describe('migration 0001 (init)', () => {
  it('turns an empty database into a version-1 case with every table of the data model', () => {
    const db = new Database(path.join(tempDir(), 'm1.awcase'));
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'entity',
        'alias',
        'relation',
        'source',
        'citation',
        'note',
        'journal',
        'setting',
      ]),
    );
    db.close();
  });

  it('enforces the model: no empty names, credibility 1–6, reliability A–F, cascades to aliases and relations', () => {
    const db = new Database(path.join(tempDir(), 'm1b.awcase'));
    db.pragma('foreign_keys = ON');
    migrate(db);
    const add = db.prepare(
      "INSERT INTO entity (type, name, name_norm, created_at, updated_at) VALUES ('organization', ?, ?, 'now', 'now')",
    );
    expect(() => add.run('  ', '')).toThrow(/CHECK/);
    const a = Number(add.run('AQIM', 'aqim').lastInsertRowid);
    const b = Number(add.run('GSPC', 'gspc').lastInsertRowid);
    db.prepare(
      "INSERT INTO alias (entity_id, name, name_norm) VALUES (?, 'Al Qaeda in the Islamic Maghreb', 'x')",
    ).run(a);
    db.prepare(
      "INSERT INTO relation (source_id, target_id, type, created_at, updated_at) VALUES (?, ?, 'succeeded_by', 'now', 'now')",
    ).run(b, a);
    expect(() =>
      db
        .prepare(
          "INSERT INTO source (title, reliability, created_at, updated_at) VALUES ('x', 'G', 'now', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    const s = Number(
      db
        .prepare(
          "INSERT INTO source (title, reliability, created_at, updated_at) VALUES ('CRS', 'B', 'now', 'now')",
        )
        .run().lastInsertRowid,
    );
    const cite = db.prepare(
      "INSERT INTO citation (source_id, subject_kind, subject_id, quote, credibility, created_at) VALUES (?, 'entity', ?, 'q', ?, 'now')",
    );
    expect(() => cite.run(s, a, 7)).toThrow(/CHECK/);
    cite.run(s, a, 2);
    db.prepare(
      "INSERT INTO note (subject_kind, subject_id, body, created_at, updated_at) VALUES ('entity', ?, 'mine', 'now', 'now')",
    ).run(a);
    expect(db.prepare('SELECT private FROM note').pluck().get()).toBe(1);
    db.prepare('DELETE FROM entity WHERE id = ?').run(a);
    for (const table of ['alias', 'relation', 'citation', 'note']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });
});
