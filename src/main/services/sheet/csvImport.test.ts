// The CSV import keeps what it is given: the real networks of ../shared/real-data, edge lists
// without a header, unknown types, extra columns, parallel relations, case-only twins and loops.
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../../shared/ipc/sheet/contract';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { undo, redo } from '../history';
import { uploadFromFile } from '../uploads';
import { exportStream } from './csvExport';
import { checkImport, runImport } from './csvImport';

const REAL = path.resolve(import.meta.dirname, '../../../../../shared/real-data');
const real = (name: string): string => path.join(REAL, name);

let c: TempCase;
let jobs = 0;
beforeEach(() => {
  c = tempCase();
});
afterEach(() => c.cleanup());

type Options = Omit<ImportRequest, 'uploadId' | 'kind'>;

function fileOf(content: string): string {
  const file = path.join(c.dir, `in-${++jobs}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

async function preview(file: string, kind: 'entities' | 'relations', options: Options = {}) {
  return checkImport(c.store, { uploadId: uploadFromFile(file), kind, ...options });
}

/** Checks, then imports, as the dialog does; returns the preview and the job's end state. */
async function importFile(file: string, kind: 'entities' | 'relations', options: Options = {}) {
  const uploadId = uploadFromFile(file);
  const seen = await checkImport(c.store, { uploadId, kind, ...options });
  const jobId = (++jobs).toString(16).padStart(32, '0');
  const state = await runImport(c.store, { uploadId, kind, jobId, ...options });
  return { preview: seen, state };
}

const relations = () =>
  c.store.relations.page({ offset: 0, limit: 1000 }).rows.map((r) => ({
    source: r.sourceName,
    target: r.targetName,
    type: r.type,
    weight: r.weight,
  }));

describe('the real networks', () => {
  it('takes the 9/11 network whole: 60 people with their extra column, 152 relations of 2 new types, 27 pairs under both', async () => {
    const people = await importFile(real('krebs911_ucinet.entities.csv'), 'entities');
    expect(people.preview.columns.map((col) => col.says)).toEqual([
      'kept as attribute ‘id’ (number)',
      '→ Name',
      '→ Type',
      'kept as attribute ‘in_prior_contacts_19’ (boolean)',
    ]);
    expect(people.state).toMatchObject({ status: 'done', imported: 60, rejected: 0, attributesAdded: 2 });
    expect(c.store.attributes.list('entity')).toEqual([
      { kind: 'entity', key: 'id', title: 'id', valueType: 'number' },
      { kind: 'entity', key: 'in_prior_contacts_19', title: 'in_prior_contacts_19', valueType: 'boolean' },
    ]);
    const majed = c.store.entities.get(c.store.entities.findByName('Majed Moqed')!)!;
    expect(majed.attrs).toEqual({ values: { id: 1, in_prior_contacts_19: true } });
    const prior = c.store.entities.page({
      offset: 0,
      limit: 100,
      filters: { 'attr:in_prior_contacts_19': { kind: 'set', values: ['yes'] } },
    });
    expect(prior.total).toBe(19);

    const file = real('krebs911_ucinet.relations.csv');
    const first = await preview(file, 'relations');
    expect(first.unknownTypes).toEqual([
      { value: 'prior_contact', rows: 27, newId: 'prior_contact', choice: null },
      { value: 'associate', rows: 125, newId: 'associate', choice: null },
    ]);
    expect(first.rejected).toBe(152);
    const ties = await importFile(file, 'relations', { typeMap: { prior_contact: 'add', associate: 'add' } });
    expect(ties.preview).toMatchObject({ accepted: 152, rejected: 0, merged: 0 });
    expect(ties.state).toMatchObject({ status: 'done', imported: 152, merged: 0, typesAdded: 2 });
    const all = relations();
    expect(all).toHaveLength(152);
    const pairs = (type: string) =>
      new Set(all.filter((r) => r.type === type).map((r) => [r.source, r.target].sort().join('|')));
    const both = [...pairs('prior_contact')].filter((p) => pairs('associate').has(p));
    expect(both).toHaveLength(27);
    expect(c.store.vocabulary.list().relationTypes.map((t) => t.id)).toEqual(
      expect.arrayContaining(['prior_contact', 'associate']),
    );

    // One undo takes back the relations and the two types the import added.
    undo(c.store);
    expect(c.store.relations.count()).toBe(0);
    expect(c.store.vocabulary.list().relationTypes.map((t) => t.id)).not.toContain('associate');
    redo(c.store);
    expect(c.store.relations.count()).toBe(152);
  });

  it('takes the Bali network with every weight, its 17 upper-case names as written', async () => {
    await importFile(real('bali_ji_koschade.entities.csv'), 'entities');
    expect(c.store.entities.count()).toBe(17);
    const { state } = await importFile(real('bali_ji_koschade.relations.csv'), 'relations', {
      typeMap: { interaction: 'add' },
    });
    expect(state).toMatchObject({ status: 'done', imported: 63, rejected: 0 });
    const all = relations();
    expect(all.every((r) => r.type === 'interaction' && r.weight !== null)).toBe(true);
    const csv = fs.readFileSync(real('bali_ji_koschade.relations.csv'), 'utf8');
    const total = csv
      .trim()
      .split('\n')
      .slice(1)
      .reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
    expect(all.reduce((sum, r) => sum + r.weight!, 0)).toBe(total);
    expect(all[0]).toEqual({ source: 'AMROZI', target: 'MUKLAS', type: 'interaction', weight: 2 });
    // The weight column sorts and filters in the sheet, and goes out in the export.
    const heavy = c.store.relations.page({
      offset: 0,
      limit: 100,
      sort: [{ column: 'weight', dir: 'desc' }],
      filters: { weight: { kind: 'number', op: 'greaterThan', value: 4 } },
    });
    expect(heavy.total).toBe(16);
    const exported = new TextDecoder().decode(
      await buffer(exportStream(c.file, { tab: 'relations', columns: ['type', 'weight'], query: {} })),
    );
    expect(exported.split('\r\n').slice(0, 2)).toEqual([
      'Source,Target,Relation,Weight',
      'AMROZI,MUKLAS,interaction,2',
    ]);
  });
});

describe('what a file brings', () => {
  it('reads a header-less edge list (spaces, tabs or commas) and creates its ends when asked', async () => {
    for (const [delimiter, content] of [
      [' ', 'alpha beta 2\nbeta   gamma 3.5\ngamma alpha 1\n'],
      ['\t', 'alpha\tbeta\t2\nbeta\tgamma\t3.5\ngamma\talpha\t1\n'],
    ] as const) {
      const file = fileOf(content);
      const seen = await preview(file, 'relations', { typeMap: { '': 'add' } });
      expect(seen).toMatchObject({ delimiter, hasHeader: false, headerDetected: false, rows: 3 });
      expect(seen.columns.map((col) => col.says)).toEqual(['→ Source', '→ Target', '→ Weight']);
      // Without the analyst's word, ends no entity is called are refused.
      expect(seen.rejections[0]).toEqual({
        line: 1,
        reason: 'No entity is called “alpha” (by name or alias).',
      });
    }
    const file = fileOf('alpha,beta,2\nbeta,gamma,3.5\ngamma,alpha,1\n');
    const { preview: seen, state } = await importFile(file, 'relations', {
      createMissing: 'person',
      typeMap: { '': 'add' },
    });
    expect(seen).toMatchObject({ accepted: 3, entitiesToCreate: 3 });
    expect(seen.unknownTypes).toEqual([{ value: '', rows: 3, newId: 'related_to', choice: 'add' }]);
    expect(state).toMatchObject({ imported: 3, entitiesCreated: 3, typesAdded: 1 });
    expect(relations()).toEqual([
      { source: 'alpha', target: 'beta', type: 'related_to', weight: 2 },
      { source: 'beta', target: 'gamma', type: 'related_to', weight: 3.5 },
      { source: 'gamma', target: 'alpha', type: 'related_to', weight: 1 },
    ]);
    // The analyst can say the first line is a header after all.
    const asHeader = await preview(file, 'relations', { header: true, createMissing: 'person' });
    expect(asHeader).toMatchObject({ hasHeader: true, headerDetected: false, rows: 2 });
    undo(c.store);
    expect([c.store.entities.count(), c.store.relations.count()]).toEqual([0, 0]);
  });

  it('adds, maps or refuses unknown types value by value', async () => {
    const file = fileOf(
      'name,type\nHambali,person\nMantiqi I,cell\nMantiqi II,cell\nJI,network\nBali,island\n',
    );
    const { preview: seen, state } = await importFile(file, 'entities', {
      typeMap: { cell: 'add', network: 'organization', island: 'reject' },
    });
    expect(seen.unknownTypes.map((u) => [u.value, u.rows, u.choice])).toEqual([
      ['cell', 2, 'add'],
      ['network', 1, 'organization'],
      ['island', 1, 'reject'],
    ]);
    expect(seen.rejections).toEqual([
      { line: 6, reason: 'Rows of the type “island” are refused, as chosen.' },
    ]);
    expect(state).toMatchObject({ imported: 4, rejected: 1, typesAdded: 1 });
    expect(c.store.entities.get(c.store.entities.findByName('JI')!)!.type).toBe('organization');
    expect(c.store.vocabulary.list().entityTypes.find((t) => t.id === 'cell')).toMatchObject({
      label: 'Cell',
    });
    undo(c.store);
    expect(c.store.vocabulary.exists('entity', 'cell')).toBe(false);
    expect(c.store.entities.count()).toBe(0);
  });

  it('keeps every extra column as an attribute: a sheet column that sorts by its index, filters, and is exported', async () => {
    const file = fileOf(
      'name,type,founded,strength,banned\nAQIM,organization,2007,1000,yes\nAnsar Dine,organization,2012,,no\nMUJAO,organization,2011,250,yes\n',
    );
    const { preview: seen } = await importFile(file, 'entities');
    expect(seen.columns.slice(2).map((col) => col.says)).toEqual([
      'kept as attribute ‘founded’ (number)',
      'kept as attribute ‘strength’ (number)',
      'kept as attribute ‘banned’ (boolean)',
    ]);
    const page = c.store.entities.page({
      offset: 0,
      limit: 10,
      sort: [{ column: 'attr:strength', dir: 'desc' }],
      filters: { 'attr:founded': { kind: 'number', op: 'greaterThan', value: 2010 } },
    });
    expect(page.rows.map((r) => [r.name, r.values])).toEqual([
      ['MUJAO', { founded: 2011, strength: 250, banned: true }],
      ['Ansar Dine', { founded: 2012, banned: false }],
    ]);
    const plan = c.store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM entity e ORDER BY (e.attrs ->> '$.values."strength"') DESC, e.id DESC LIMIT 10`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX attr_entity_\d+/);
    const csv = new TextDecoder().decode(
      await buffer(
        exportStream(c.file, {
          tab: 'entities',
          columns: ['name', 'attr:strength', 'attr:banned'],
          query: { sort: [{ column: 'name', dir: 'asc' }] },
        }),
      ),
    );
    expect(csv).toBe('Name,strength,banned\r\nAnsar Dine,,no\r\nAQIM,1000,yes\r\nMUJAO,250,yes\r\n');
    // Undo takes the declarations and their indexes with the rows.
    undo(c.store);
    expect(c.store.attributes.list()).toEqual([]);
    expect(
      c.store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name GLOB 'attr_*'").pluck().get(),
    ).toBe(0);
  });

  it('keeps names that differ only in case as two entities and says so; an end is its exact name first', async () => {
    c.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const people = fileOf('name,type\naqim,organization\nAqim,organization\nGSPC,organization\n');
    const { preview: seen, state } = await importFile(people, 'entities');
    expect(seen.possibleDuplicates).toEqual([
      { name: 'aqim', line: 2, other: 'AQIM', otherLine: null },
      { name: 'Aqim', line: 3, other: 'aqim', otherLine: 2 },
    ]);
    expect(state).toMatchObject({ imported: 3, possibleDuplicates: 2 });
    const ties = fileOf(
      'source,target,type\naqim,GSPC,splinter_of\nAQIM,GSPC,rival_of\nAQIm,GSPC,rival_of\ngspc,AQIM,rival_of\n',
    );
    const result = await importFile(ties, 'relations');
    expect(result.preview.rejections).toEqual([
      {
        line: 4,
        reason:
          '3 entities of the case are called “AQIm” if case and accents are ignored (“AQIM”, “aqim”, “Aqim”): write the name exactly as one of them is written.',
      },
    ]);
    expect(relations().map((r) => `${r.source} ${r.type} ${r.target}`)).toEqual([
      'aqim splinter_of GSPC',
      'AQIM rival_of GSPC',
      'GSPC rival_of AQIM',
    ]);
  });

  it('keeps genuine self-loops and parallel relations; refuses a loop made by two names taken for one; folds identical rows', async () => {
    c.store.entities.insert({ type: 'person', name: 'Noordin Top', aliases: ['Noordin'] });
    c.store.entities.insert({ type: 'person', name: 'Azahari' });
    const file = fileOf(
      [
        'source,target,type,start,weight,channel',
        'Noordin Top,Noordin Top,member_of,,,',
        'Noordin,Noordin Top,member_of,,,',
        'Noordin Top,Azahari,allied_with,2003,,',
        'Noordin Top,Azahari,allied_with,2004,,',
        'Noordin Top,Azahari,allied_with,2003,2,',
        'Noordin Top,Azahari,allied_with,2003,,phone',
        'Noordin Top,Azahari,allied_with,2003,,',
        'Noordin Top,Azahari,allied_with,2003,heavy,',
      ].join('\n'),
    );
    const { preview: seen, state } = await importFile(file, 'relations');
    expect(seen.rejections).toEqual([
      {
        line: 3,
        reason:
          "“Noordin” and “Noordin Top” both lead to the entity “Noordin Top”: the relation would be a loop only because two names were taken for one. Write each end's name exactly as it is in the case.",
      },
      { line: 9, reason: 'The weight “heavy” is not a number.' },
    ]);
    expect(seen.mergedRows).toEqual([
      { line: 8, reason: '“Noordin Top” is allied with “Azahari” is the same relation as line 4.' },
    ]);
    expect(state).toMatchObject({ imported: 5, merged: 1, rejected: 2 });
    expect(c.store.relations.count()).toBe(5);
    // The same file again: every accepted row is already in the case, the same in every column.
    const again = await preview(file, 'relations');
    expect(again).toMatchObject({ accepted: 0, merged: 6, rejected: 2 });
  });
});
