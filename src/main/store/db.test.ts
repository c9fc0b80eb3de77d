import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempCase';
import { APPLICATION_ID, CaseFileError, openDatabase, SYNC_CHECK_BYTES } from './db';
import { CaseStore } from '.';
import { LATEST_VERSION } from './migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

function hash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function refusal(file: string): CaseFileError {
  try {
    openDatabase(file).close();
  } catch (error) {
    if (error instanceof CaseFileError) return error;
    throw error;
  }
  throw new Error('the file was opened');
}

/** A valid case file with some data, closed and checkpointed so it is one self-contained file. */
function makeCase(file: string): void {
  const db = openDatabase(file, { create: true });
  for (let i = 0; i < 200; i++) {
    db.prepare(
      "INSERT INTO entity (type, name, name_norm, summary, created_at, updated_at) VALUES ('organization', ?, ?, ?, 'now', 'now')",
    ).run(`Group ${i}`, `group ${i}`, 'x'.repeat(500));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('opening a case file', () => {
  it('creates a new case at the latest schema, in WAL mode with foreign keys on', () => {
    const file = path.join(scratch(), 'new.awcase');
    const db = openDatabase(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a file written by a newer schema with one clear sentence and leaves it untouched', () => {
    const file = path.join(scratch(), 'future.awcase');
    makeCase(file);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 6}`);
    db.close();
    const before = hash(file);
    const error = refusal(file);
    expect(error.problem).toBe('newer_version');
    expect(error.message).toBe(
      `“future.awcase” was written by a newer Analyst Workbench (schema ${LATEST_VERSION + 6}); this version reads up to schema ${LATEST_VERSION}. Update the app to open it. Nothing was changed.`,
    );
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a corrupt file and leaves it byte-for-byte untouched', () => {
    const file = path.join(scratch(), 'damaged.awcase');
    makeCase(file);
    const bytes = fs.readFileSync(file);
    // Overwrite the middle of the file (table b-tree pages) with garbage, keeping the header.
    for (let i = 4096 * 2; i < bytes.length - 100; i += 7) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = hash(file);
    const error = refusal(file);
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(
      /^“damaged\.awcase” is damaged and cannot be opened \(.+\)\. Nothing was changed; open a backup copy instead\.$/,
    );
    expect(hash(file)).toBe(before);
  });

  it('refuses a file that is not SQLite at all and leaves it untouched', () => {
    const file = path.join(scratch(), 'notes.awcase');
    fs.writeFileSync(file, 'name,type\nAQIM,organization\n');
    const before = hash(file);
    const error = refusal(file);
    expect(error.problem).toBe('not_sqlite');
    expect(error.message).toBe(
      '“notes.awcase” is not an Analyst Workbench case file (it is not an SQLite database). Nothing was changed.',
    );
    expect(hash(file)).toBe(before);
  });

  it('refuses an empty file rather than turning it into a case', () => {
    const file = path.join(scratch(), 'empty.awcase');
    fs.writeFileSync(file, '');
    expect(refusal(file).problem).toBe('not_sqlite');
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses another application’s SQLite database and leaves it untouched', () => {
    const file = path.join(scratch(), 'other.awcase');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    const before = hash(file);
    expect(refusal(file).problem).toBe('foreign');
    expect(hash(file)).toBe(before);
  });

  it('says there is no file when asked to open a missing one without create', () => {
    const file = path.join(scratch(), 'missing.awcase');
    expect(refusal(file).problem).toBe('not_found');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('checks a large file after opening it, off the main thread, and reports damage in words', async () => {
    const file = path.join(scratch(), 'large.awcase');
    const db = openDatabase(file, { create: true });
    const add = db.prepare(
      "INSERT INTO entity (type, name, name_norm, summary, created_at, updated_at) VALUES ('organization', ?, ?, ?, 'now', 'now')",
    );
    db.transaction(() => {
      for (let i = 0; i < 9000; i++) add.run(`Group ${i}`, `group ${i}`, 'x'.repeat(2000));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(fs.statSync(file).size).toBeGreaterThan(SYNC_CHECK_BYTES);

    const sound = CaseStore.open(file);
    expect(sound.checkPending).toBe(true);
    expect(await sound.integrityCheck()).toBeNull();
    sound.close();

    const bytes = fs.readFileSync(file);
    for (let i = bytes.length / 2; i < bytes.length / 2 + 200_000; i += 7) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = CaseStore.open(file);
    const problem = await damaged.integrityCheck();
    damaged.close();
    expect(problem?.message).toMatch(
      /^“large\.awcase” is damaged and cannot be opened \(.+\)\. Nothing was changed; open a backup copy instead\.$/,
    );
  });

  it('reopens its own file with the data intact', () => {
    const file = path.join(scratch(), 'again.awcase');
    makeCase(file);
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM entity').pluck().get()).toBe(200);
    db.close();
  });
});
