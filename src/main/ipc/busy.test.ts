// While a long write holds the case (a document import), the door refuses every other write with a
// sentence and changes nothing; reads and the import's own cancel still go through.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import type { StoreChanged } from '../../shared/ipc/tables';
import { CaseSession } from '../services/session';
import { tempDir } from '../testing/tempCase';
import { createDispatch, type Dispatch } from './handle';
import { createHandlers } from './handlers';

let dir: string;
let session: CaseSession;
let dispatch: Dispatch;
const caller = { kind: 'browser', token: 't' } as const;

beforeEach(() => {
  dir = tempDir();
  session = new CaseSession({ dataDir: dir });
  session.create(path.join(dir, 'busy.awcase'));
  dispatch = createDispatch(createHandlers({ session, resourcesDir: dir }), { verifyCaller: () => true });
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('refuses writes while the case is held, and takes them again after', async () => {
  let release!: () => void;
  const held = session.exclusive(
    'importing documents',
    () => new Promise<void>((resolve) => (release = resolve)),
  );
  const refused = await dispatch('entities:create', { type: 'person', name: 'Iyad Ag Ghaly' }, caller);
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'conflict',
      message: expect.stringMatching(/^The workbench is importing documents; .*Nothing was changed\.$/),
    },
  });
  expect(await dispatch('case:info', {}, caller)).toMatchObject({
    ok: true,
    value: { counts: { entities: 0 } },
  });
  expect(await dispatch('sources:importCancel', { jobId: 'd'.repeat(32) }, caller)).toEqual({
    ok: true,
    value: { cancelled: false },
  });
  release();
  await held;
  expect(await dispatch('entities:create', { type: 'person', name: 'Iyad Ag Ghaly' }, caller)).toMatchObject({
    ok: true,
  });
});

it('announces the tables of a held write that rolls back: what the panes read meanwhile is read again', async () => {
  const announced: StoreChanged[] = [];
  session.onChanged((change) => announced.push(change));
  const store = session.store;
  const cancelled = session.exclusive(
    'importing documents',
    async () => {
      store.db.exec('BEGIN IMMEDIATE');
      store.sources.insert({ title: 'Half-read report', reliability: 'C', text: 'Convoys near Gao.' });
      // A read meanwhile shares the connection: it sees the row before the import commits.
      expect(await dispatch('sources:list', {}, caller)).toMatchObject({ ok: true, value: [{}] });
      store.db.exec('ROLLBACK');
      throw new Error('cancelled');
    },
    contract['sources:import'].writes,
  );
  await expect(cancelled).rejects.toThrow('cancelled');
  expect(announced).toEqual([
    { tables: ['source', 'original', 'suggestion'], reason: 'importing documents: rolled back' },
  ]);
  expect(await dispatch('sources:list', {}, caller)).toEqual({ ok: true, value: [] });
});
