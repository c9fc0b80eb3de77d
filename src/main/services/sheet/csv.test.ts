// CSV export and import against a real case file.
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Readable } from 'node:stream';

// TextDecoder (and stream/consumers' text()) drops a BOM; keep it to see exactly what is written.
const text = async (stream: Readable): Promise<string> =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await buffer(stream));
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { exportStream } from './csvExport';
import { checkImport, runImport } from './csvImport';
import { uploadFromFile } from '../uploads';

let c: TempCase;
beforeEach(() => {
  c = tempCase();
});
afterEach(() => c.cleanup());

const NAMES = [
  'Al-Mourabitoune, the "sentinels"',
  'Line one\nline two',
  'تنظيم القاعدة في بلاد المغرب الإسلامي',
  '=HYPERLINK("x")',
  'Plain',
];

async function exportEntities(columns = ['type', 'name', 'aliases', 'notes']): Promise<string> {
  return text(
    exportStream(c.file, { tab: 'entities', columns, query: { sort: [{ column: 'name', dir: 'asc' }] } }),
  );
}

function writeCsv(name: string, content: string | Buffer): string {
  const file = path.join(c.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function check(
  content: string | Buffer,
  kind: 'entities' | 'relations' = 'entities',
  delimiter: ',' | ';' = ',',
) {
  const uploadId = uploadFromFile(writeCsv('in.csv', content));
  return { uploadId, preview: await checkImport(c.store, { uploadId, kind, delimiter }) };
}

describe('CSV export', () => {
  it('writes RFC 4180 with a header in the shown order, a BOM and CRLF', async () => {
    c.store.entities.insert({ type: 'organization', name: 'AQIM', aliases: ['GSPC'] });
    const csv = await exportEntities(['name', 'type']);
    expect(csv).toBe('\uFEFFName,Type\r\nAQIM,organization\r\n');
  });

  it('keeps notes out of every CSV export, even when the column is shown', async () => {
    const id = c.store.entities.insert({ type: 'person', name: 'Iyad Ag Ghaly' });
    c.store.notes.insert({ kind: 'entity', id }, 'private thoughts', true);
    const csv = await exportEntities(['name', 'notes']);
    expect(csv).toBe('\uFEFFName\r\nIyad Ag Ghaly\r\n');
  });

  it('round-trips names with commas, quotes, newlines and Arabic script', async () => {
    for (const name of NAMES) c.store.entities.insert({ type: 'organization', name });
    const csv = await exportEntities(['name']);
    const rows = parse(csv, { bom: true }) as string[][];
    const expected = [...NAMES]
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
      .map((n) => (n.startsWith('=') ? `'${n}` : n));
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(expected.sort());

    // …and back in: a fresh case imports the exported file to the same names.
    const second = tempCase();
    try {
      const file = writeCsv('export.csv', await exportEntities(['type', 'name']));
      const uploadId = uploadFromFile(file);
      const state = await runImport(second.store, {
        uploadId,
        kind: 'entities',
        delimiter: ',',
        jobId: 'a'.repeat(32),
      });
      expect(state.imported).toBe(NAMES.length);
      const names = second.store.entities.page({ offset: 0, limit: 100 }).rows.map((r) => r.name);
      expect(names.sort()).toEqual([...NAMES].sort());
    } finally {
      second.cleanup();
    }
  });

  it('names both ends of a relation even when those columns are hidden', async () => {
    const a = c.store.entities.insert({ type: 'organization', name: 'Al Mulathamun' });
    const b = c.store.entities.insert({ type: 'organization', name: 'AQIM' });
    c.store.relations.insert({ sourceId: a, targetId: b, type: 'splinter_of', startDate: '2012' });
    const csv = await text(
      exportStream(c.file, { tab: 'relations', columns: ['type', 'startDate'], query: {} }),
    );
    expect(csv).toBe('\uFEFFSource,Target,Relation,Start\r\nAl Mulathamun,AQIM,broke away from,2012\r\n');
  });

  it('exports only the rows the filter keeps, in the sort order', async () => {
    for (const name of ['Bravo', 'Alpha', 'Charlie']) c.store.entities.insert({ type: 'organization', name });
    c.store.entities.insert({ type: 'person', name: 'Delta' });
    const csv = await text(
      exportStream(c.file, {
        tab: 'entities',
        columns: ['name'],
        query: {
          sort: [{ column: 'name', dir: 'desc' }],
          filters: { type: { kind: 'set', values: ['organization'] } },
        },
      }),
    );
    expect(csv).toBe('\uFEFFName\r\nCharlie\r\nBravo\r\nAlpha\r\n');
  });
});

describe('CSV lifetimes', () => {
  it('exports Active from / Active to and imports them back, from our file or an active_from column', async () => {
    c.store.entities.insert({ type: 'organization', name: 'GSPC', activeTo: '2007' });
    c.store.entities.insert({ type: 'organization', name: 'JNIM', activeFrom: '2017-03' });
    const csv = await exportEntities(['type', 'name', 'activeFrom', 'activeTo']);
    expect(csv).toBe(
      '\uFEFFType,Name,Active from,Active to\r\norganization,GSPC,,2007\r\norganization,JNIM,2017-03,\r\n',
    );

    const second = tempCase();
    try {
      const lifetimes = async (file: string): Promise<string[]> => {
        const state = await runImport(second.store, {
          uploadId: uploadFromFile(
            writeCsv(
              file,
              file === 'ours.csv'
                ? csv
                : 'name,type,active_from,active_to\nMUJAO,organization,,2013\nAl Murabitoun,organization,2013,2017\n',
            ),
          ),
          kind: 'entities',
          delimiter: ',',
          jobId: (file === 'ours.csv' ? 'b' : 'c').repeat(32),
        });
        expect(state).toMatchObject({ status: 'done', rejected: 0 });
        return second.store.entities
          .page({ offset: 0, limit: 100, sort: [{ column: 'name', dir: 'asc' }] })
          .rows.map((r) => `${r.name} ${r.activeFrom ?? '…'}–${r.activeTo ?? '…'}`);
      };
      expect(await lifetimes('ours.csv')).toEqual(['GSPC …–2007', 'JNIM 2017-03–…']);
      expect(await lifetimes('theirs.csv')).toEqual([
        'Al Murabitoun 2013–2017',
        'GSPC …–2007',
        'JNIM 2017-03–…',
        'MUJAO …–2013',
      ]);
    } finally {
      second.cleanup();
    }
  });

  it('refuses a row whose lifetime is not a date or ends before it starts, with the reason', async () => {
    const { preview } = await check(
      'name,type,active_from,active_to\nA,organization,early 2013,\nB,organization,2017,2013\nC,organization,2013,2013-06\n',
    );
    expect(preview.rejections.map((r) => r.reason)).toEqual([
      'The active from date “early 2013” is not ISO 8601 (2013, 2013-01 or 2013-01-16).',
      'The active to date (2013) is before the active from date (2017).',
    ]);
  });
});

describe('CSV import', () => {
  it('matches columns by header name and reports rejected rows with the reason', async () => {
    c.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const { uploadId, preview } = await check(
      'Name,Type,Aliases\r\nAnsar al Dine,organization,Ansar Dine; Ansar Eddine\r\n,person,\r\nAQIM,organization,\r\nMali,country,\r\nMali,location,\r\n',
    );
    expect(preview.problem).toBeNull();
    expect(preview.mapping).toEqual({ name: 0, type: 1, aliases: 2 });
    expect(preview.rows).toBe(5);
    expect(preview.accepted).toBe(2);
    expect(preview.rejections).toEqual([
      { line: 3, reason: 'The name is empty.' },
      { line: 4, reason: 'An entity called “AQIM” is already in the case.' },
      {
        line: 5,
        reason: '“country” is not an entity type of this case (organization, person, location, event).',
      },
    ]);
    const state = await runImport(c.store, {
      uploadId,
      kind: 'entities',
      delimiter: ',',
      jobId: 'b'.repeat(32),
    });
    expect(state).toMatchObject({ status: 'done', imported: 2, rejected: 3 });
    expect(c.store.entities.get(c.store.entities.findByName('Ansar Eddine')!)!.name).toBe('Ansar al Dine');
  });

  it('is one undo step', async () => {
    const { uploadId } = await check('type,name\norganization,A\norganization,B\n');
    await runImport(c.store, { uploadId, kind: 'entities', delimiter: ',', jobId: 'c'.repeat(32) });
    expect(c.store.entities.count()).toBe(2);
    c.store.journal.undo();
    expect(c.store.entities.count()).toBe(0);
  });

  it('matches relation ends by name or alias and reads relations as words', async () => {
    c.store.entities.insert({ type: 'organization', name: 'Al Mulathamun', aliases: ['Masked Men Brigade'] });
    c.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const { uploadId, preview } = await check(
      'Source,Relation,Target,Start,End\nMasked Men Brigade,broke away from,AQIM,2012,\nNobody,splinter_of,AQIM,,\nAQIM,founded,Al Mulathamun,2014,2013\nAQIM,allied_with,Al Mulathamun,13 May,\n',
      'relations',
    );
    expect(preview.accepted).toBe(1);
    expect(preview.rejections.map((r) => r.reason)).toEqual([
      'No entity is called “Nobody” (by name or alias).',
      'The end date (2013) is before the start date (2014).',
      'The start date “13 May” is not ISO 8601 (2013, 2013-01 or 2013-01-16).',
    ]);
    await runImport(c.store, { uploadId, kind: 'relations', delimiter: ',', jobId: 'd'.repeat(32) });
    expect(
      c.store.relations.page({ offset: 0, limit: 10 }).rows.map((r) => [r.sourceName, r.type, r.targetName]),
    ).toEqual([['Al Mulathamun', 'splinter_of', 'AQIM']]);
  });

  const BAD_FILES: [string, string | Buffer, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['a header-only file', 'type,name\r\n', /has a header but no rows/],
    ['an unterminated quote', 'type,name\norganization,"AQIM\norganization,B\n', /never closed/],
    ['a malformed quote', 'type,name\norganization,"AQIM"x\n', /quote is misplaced on line 2/],
    ['a wrong delimiter', 'type;name\norganization;AQIM\n', /separated by semicolons, not commas/],
    [
      'broken UTF-8',
      Buffer.concat([Buffer.from('type,name\norganization,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
      /not UTF-8/,
    ],
    ['a row with too many cells', 'type,name\norganization,AQIM,extra\n', /different number of cells/],
    ['no name column', 'type,label2\norganization,AQIM\n', /No column is chosen for “name”/],
  ];
  it.each(BAD_FILES)(
    'refuses %s with a clear message and changes nothing',
    async (_what, content, message) => {
      const { uploadId, preview } = await check(content);
      expect(preview.problem).toMatch(message);
      await expect(
        runImport(c.store, { uploadId, kind: 'entities', delimiter: ',', jobId: 'e'.repeat(32) }),
      ).rejects.toThrow(message);
      expect(c.store.entities.count()).toBe(0);
    },
  );

  it('imports a large file in one transaction and cancelling leaves nothing behind', async () => {
    const lines = ['type,name'];
    for (let i = 0; i < 30_000; i++) lines.push(`organization,Group ${i}`);
    const { uploadId } = await check(lines.join('\n'));
    const jobId = 'f'.repeat(32);
    const running = runImport(c.store, { uploadId, kind: 'entities', delimiter: ',', jobId });
    const { cancelImport } = await import('./csvImport');
    await new Promise((r) => setTimeout(r, 5));
    expect(cancelImport(jobId)).toEqual({ cancelled: true });
    const state = await running;
    expect(state.status).toBe('cancelled');
    expect(c.store.entities.count()).toBe(0);
    expect(c.store.db.inTransaction).toBe(false);

    const again = await check(lines.join('\n'));
    const done = await runImport(c.store, {
      uploadId: again.uploadId,
      kind: 'entities',
      delimiter: ',',
      jobId: '0'.repeat(32),
    });
    expect(done).toMatchObject({ status: 'done', imported: 30_000 });
    expect(c.store.entities.count()).toBe(30_000);
  });

  it('undoes and redoes an import above the bulk threshold as one step, search index included', async () => {
    c.store.journal.record('Add the group before', () =>
      c.store.entities.insert({ type: 'organization', name: 'Before the import' }),
    );
    const lines = ['type,name,aliases,tags'];
    for (let i = 0; i < 60_000; i++) lines.push(`organization,Group ${i},Alias ${i};Other ${i},imported`);
    const { uploadId } = await check(lines.join('\n'));
    const done = await runImport(c.store, {
      uploadId,
      kind: 'entities',
      delimiter: ',',
      jobId: '1'.repeat(32),
    });
    expect(done).toMatchObject({ status: 'done', imported: 60_000 });
    const snapshot = () => ({
      entities: c.store.db.prepare('SELECT * FROM entity ORDER BY id').all(),
      aliases: c.store.db.prepare('SELECT * FROM alias ORDER BY id').all(),
      search: c.store.db.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all(),
    });
    const imported = snapshot();
    expect(imported.aliases).toHaveLength(120_000);
    expect(c.store.entities.get(c.store.entities.findByName('Group 59999')!)?.tags).toEqual(['imported']);
    expect(c.store.journal.state().undoLabel).toBe('Import 60,000 entities from “in.csv”');

    expect(c.store.journal.undo()).toBe('Import 60,000 entities from “in.csv”');
    expect(c.store.entities.count()).toBe(1);
    expect(c.store.db.prepare('SELECT count(*) FROM alias').pluck().get()).toBe(0);
    expect(c.store.db.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(1);
    expect(c.store.entities.findByName('Other 59999')).toBeNull();

    expect(c.store.journal.redo()).toBe('Import 60,000 entities from “in.csv”');
    expect(snapshot()).toEqual(imported);
    expect(c.store.db.prepare('SELECT count(*) FROM journal_rows').pluck().get()).toBe(0);
    expect(c.store.entities.findByName('Other 59999')).not.toBeNull();

    // Undone, then a new edit drops the redo and the rows set aside with it.
    c.store.journal.undo();
    expect(c.store.db.prepare('SELECT count(*) FROM journal_rows').pluck().get()).toBe(180_000);
    c.store.journal.record('Rename', () => c.store.entities.update(1, { name: 'Renamed' }));
    expect(c.store.db.prepare('SELECT count(*) FROM journal_rows').pluck().get()).toBe(0);
    expect(c.store.journal.state()).toMatchObject({ canRedo: false, undoLabel: 'Rename' });
  }, 120_000);

  it('folds relations the case already has, and repeats within the file, into one', async () => {
    const a = c.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const b = c.store.entities.insert({ type: 'organization', name: 'Al Qaeda' });
    c.store.relations.insert({ sourceId: a, targetId: b, type: 'allegiance_to', startDate: '2007' });
    const csv = [
      'source,relation,target,start',
      'AQIM,pledged allegiance to,Al Qaeda,2007',
      'AQIM,pledged allegiance to,Al Qaeda,2006',
      'AQIM,pledged allegiance to,Al Qaeda,2006',
    ].join('\n');
    const { uploadId, preview } = await check(csv, 'relations');
    expect(preview).toMatchObject({ rows: 3, accepted: 1, rejected: 0, merged: 2 });
    expect(preview.mergedRows).toEqual([
      {
        line: 2,
        reason: '“AQIM” pledged allegiance to “Al Qaeda” is already in the case, the same in every column.',
      },
      { line: 4, reason: '“AQIM” pledged allegiance to “Al Qaeda” is the same relation as line 3.' },
    ]);
    await runImport(c.store, { uploadId, kind: 'relations', delimiter: ',', jobId: '2'.repeat(32) });
    expect(c.store.relations.count()).toBe(2);
    c.store.journal.undo();
    expect(c.store.relations.count()).toBe(1);
  });
});
