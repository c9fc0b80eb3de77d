// Automatic backups: a copy when a case opens and after a few minutes of changes, at most 10 (or
// 2 GB) per case with the oldest going first, listed with time and counts, and restored as a new
// case that leaves the original untouched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../store';
import { digestOfFile, integrityOf } from '../testing/caseDigest';
import { tempDir } from '../testing/tempCase';
import { backupFolderName } from './backups';
import { listBackups, restoreBackup } from './restore';
import { CaseSession, type SessionOptions } from './session';

const dirs: string[] = [];
const sessions: CaseSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) {
    session.close();
    await session.backups?.idle();
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setUp(backups: SessionOptions['backups'] = {}): { dir: string; session: CaseSession; file: string } {
  const dir = tempDir();
  dirs.push(dir);
  const session = new CaseSession({ dataDir: path.join(dir, 'data'), backups });
  sessions.push(session);
  const file = path.join(dir, 'Sahel groups.awcase');
  const store = CaseStore.open(file, { create: true });
  store.entities.insert({ type: 'organization', name: 'AQIM' });
  store.entities.insert({ type: 'organization', name: 'GSPC' });
  store.relations.insert({ sourceId: 2, targetId: 1, type: 'renamed_to' });
  store.sources.insert({ title: 'CRS brief', reliability: 'B', text: 'The GSPC became AQIM.' });
  store.notes.insert({ kind: 'entity', id: 1 }, 'Private.', true);
  store.close();
  return { dir, session, file };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('automatic backups', () => {
  it('copies a case when it opens, beside the data folder, with its counts; not again while it is unchanged', async () => {
    const { dir, session, file } = setUp();
    session.open(file);
    await session.backups!.idle();
    const folder = path.join(dir, 'data', 'backups', backupFolderName(file));
    expect(path.basename(folder)).toMatch(/^Sahel groups [0-9a-f]{8}$/);
    const [copy, ...others] = listBackups(session).backups;
    expect(others).toEqual([]);
    expect(copy).toMatchObject({ counts: { entities: 2, relations: 1, sources: 1, notes: 1 } });
    expect(Date.now() - Date.parse(copy!.createdAt)).toBeLessThan(60_000);
    expect(fs.existsSync(path.join(folder, copy!.id))).toBe(true);
    // The copy is a sound case file of its own, with the same content.
    const db = new Database(path.join(folder, copy!.id), { readonly: true });
    expect(integrityOf(db)).toBe('ok');
    db.close();
    session.close();
    expect(digestOfFile(path.join(folder, copy!.id))).toBe(digestOfFile(file));

    session.open(file);
    await session.backups!.idle();
    expect(listBackups(session).backups).toHaveLength(1);
  });

  it('copies the case again once changes have waited the interval, in one copy for all of them', async () => {
    const { session, file } = setUp({ intervalMs: 150 });
    const store = session.open(file);
    await session.backups!.idle();
    for (const name of ['Ansar Dine', 'Al Mourabitoun', 'MUJAO']) {
      store.entities.insert({ type: 'organization', name });
      session.emit(['entity'], 'entities:create');
    }
    expect(listBackups(session).backups).toHaveLength(1);
    await wait(400);
    await session.backups!.idle();
    const list = listBackups(session).backups;
    expect(list).toHaveLength(2);
    expect(list[0]!.counts.entities).toBe(5); // newest first
    expect(list[1]!.counts.entities).toBe(2);
  });

  it('copies changes still waiting for their copy when the case closes', async () => {
    const { session, file } = setUp({ intervalMs: 3_600_000 });
    const store = session.open(file);
    await session.backups!.idle();
    store.entities.insert({ type: 'organization', name: 'Ansar Dine' });
    session.emit(['entity'], 'entities:create');
    session.close();
    await session.backups!.idle();
    expect(listBackups(session, file).backups.map((b) => b.counts.entities)).toEqual([3, 2]);
  });

  it('keeps at most 10 copies per case, the oldest going first', async () => {
    const { session, file } = setUp({ automatic: false });
    session.open(file);
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      made.push((await session.backups!.backUpNow(file)).id);
      await wait(2); // distinct times
    }
    const kept = listBackups(session).backups.map((b) => b.id);
    expect(kept).toEqual(made.slice(2).reverse());
  });

  it('keeps no more than the byte limit allows, but always the newest copy', async () => {
    const { session, file } = setUp({ automatic: false, maxBytes: 1 });
    session.open(file);
    await session.backups!.backUpNow(file);
    const newest = await session.backups!.backUpNow(file);
    expect(listBackups(session).backups.map((b) => b.id)).toEqual([newest.id]);
  });

  it('opens a backup as a new case, leaving the case and the backup as they were', async () => {
    const { session, file } = setUp();
    const store = session.open(file);
    await session.backups!.idle();
    const [backup] = listBackups(session).backups;
    store.entities.delete(1); // the mistake the backup undoes
    session.close();
    const original = digestOfFile(file);

    session.open(file);
    const info = restoreBackup(session, backup!.id);
    expect(info.name).toMatch(/^Sahel groups \(backup of \d{4}-\d\d-\d\d \d\d\.\d\d\)$/);
    expect(info.path).not.toBe(file);
    expect(info.counts).toEqual({ entities: 2, relations: 1, sources: 1, notes: 1 });
    expect(session.store.entities.get(1)?.name).toBe('AQIM');
    session.close();
    expect(digestOfFile(file)).toBe(original);
    expect(listBackups(session, file).backups.map((b) => b.id)).toContain(backup!.id);
  });

  it('lists and restores the backups of a case that could not be opened', async () => {
    const { session, file } = setUp();
    session.open(file);
    await session.backups!.idle();
    session.close();
    fs.writeFileSync(file, 'not a case any more');
    expect(() => session.open(file)).toThrow(/is not an Analyst Workbench case file/);
    const list = listBackups(session);
    expect(list.casePath).toBe(file);
    expect(list.backups).toHaveLength(1);
    expect(restoreBackup(session, list.backups[0]!.id).counts.entities).toBe(2);
  });

  it('makes a sound copy while the case is being written', async () => {
    const { session, file } = setUp({ automatic: false });
    const store = session.open(file);
    const copying = session.backups!.backUpNow(file);
    store.transaction(() => {
      for (let i = 0; i < 2000; i++) store.entities.insert({ type: 'person', name: `Person ${i}` });
    });
    const copy = await copying;
    expect([2, 2002]).toContain(copy.counts.entities);
    const db = new Database(path.join(session.backups!.folderOf(file), copy.id), { readonly: true });
    expect(integrityOf(db)).toBe('ok');
    db.close();
  });
});
