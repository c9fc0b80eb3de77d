// Document import through the real session and store: one transaction, one undo step, nothing kept
// on cancel, the same bytes never twice, bad files refused by name while the rest import.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempCase';
import { CaseSession } from '../session';
import { cancelDocumentImport, importDocuments, importState } from './documentImport';
import { extractorFor } from './suggestions';

let dir: string;
let session: CaseSession;

beforeEach(() => {
  dir = tempDir();
  session = new CaseSession({ dataDir: dir });
  session.create(path.join(dir, 'docs.awcase'));
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const b64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64');
const file = (name: string, text: string | Uint8Array) => ({ name, bytes: b64(text) });
const count = (table: string): number =>
  session.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('document import', () => {
  it('imports a batch as one undo step, keeps the originals once, and finds their words at once', async () => {
    const result = await importDocuments(
      session,
      {
        files: [
          file('first.txt', 'The Sentinels operate in Gao.\r\nA second line.'),
          file('second.md', '# Notes\n\nMurabitoun fighters.'),
        ],
      },
      extractorFor,
    );
    expect(result.refused).toEqual([]);
    expect(result.imported.map((d) => [d.index, d.name, d.format, d.pages])).toEqual([
      [0, 'first.txt', 'txt', null],
      [1, 'second.md', 'md', null],
    ]);
    const first = session.store.sources.get(result.imported[0]!.id)!;
    expect(first.text).toBe('The Sentinels operate in Gao.\nA second line.');
    expect(first.fileName).toBe('first.txt');
    expect(count('original')).toBe(2);
    const hits = session.store.db
      .prepare("SELECT ref FROM search_index WHERE search_index MATCH 'murabitoun' AND kind = 'source'")
      .pluck()
      .all();
    expect(hits).toEqual([result.imported[1]!.id]);

    expect(session.store.journal.state().undoLabel).toBe('Import 2 documents');
    session.store.journal.undo();
    expect(count('source')).toBe(0);
    session.store.journal.redo();
    expect(count('source')).toBe(2);
    expect(session.store.sources.get(result.imported[0]!.id)!.text).toBe(first.text);
  });

  it('refuses a bad file by name with its reason while the others import', async () => {
    const result = await importDocuments(
      session,
      {
        files: [
          file('good.txt', 'A good report.'),
          file('empty.txt', ''),
          file('image.txt', new Uint8Array([0x89, 0x50, 0, 0, 1, 2])),
        ],
      },
      extractorFor,
    );
    expect(result.imported.map((d) => d.name)).toEqual(['good.txt']);
    expect(result.refused.map((r) => [r.index, r.name])).toEqual([
      [1, 'empty.txt'],
      [2, 'image.txt'],
    ]);
    for (const r of result.refused) expect(r.reason).toContain(r.name);
    expect(count('original')).toBe(1);
  });

  it('does not import the same bytes twice, in one batch or across batches', async () => {
    const first = await importDocuments(session, { files: [file('a.txt', 'Same words.')] }, extractorFor);
    const again = await importDocuments(
      session,
      {
        files: [
          file('copy.txt', 'Same words.'),
          file('b.txt', 'Other words.'),
          file('b2.txt', 'Other words.'),
        ],
      },
      extractorFor,
    );
    expect(again.imported.map((d) => d.name)).toEqual(['b.txt']);
    expect(again.refused).toEqual([
      expect.objectContaining({ index: 0, name: 'copy.txt', existingId: first.imported[0]!.id }),
      expect.objectContaining({ index: 2, name: 'b2.txt' }),
    ]);
  });

  it('keeps nothing of a cancelled batch, and holds the case for itself while it runs', async () => {
    const jobId = 'ab'.repeat(16);
    const files = Array.from({ length: 40 }, (_, i) => file(`doc${i}.txt`, `Document number ${i}.`));
    const running = importDocuments(session, { files, jobId }, extractorFor);
    expect(() => session.assertIdle()).toThrow(/importing documents/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(importState(jobId).status).toBe('running');
    expect(cancelDocumentImport(jobId)).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(importState(jobId).status).toBe('cancelled');
    for (const table of ['source', 'original', 'suggestion', 'journal']) expect(count(table), table).toBe(0);
    expect(() => session.assertIdle()).not.toThrow();
  });
});
