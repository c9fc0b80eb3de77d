// What a write announces (`store:changed`): the tables its channel declares in the contract, and
// the rows it touched where the undo journal saw them — against a real case file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type ChannelName } from '../../shared/ipc/contract';
import { CASE_TABLES, type StoreChanged } from '../../shared/ipc/tables';
import { CaseSession } from '../services/session';
import { uploadFromFile } from '../services/uploads';
import { tempDir } from '../testing/tempCase';
import { createDispatch, isWrite, type Dispatch } from './handle';
import { createHandlers } from './handlers';

let dir: string;
let session: CaseSession;
let dispatch: Dispatch;
let announced: StoreChanged[];
let ids: {
  aqim: number;
  mulathamun: number;
  relation: number;
  note: number;
  source: number;
  citation: number;
};

const caller = { kind: 'browser', token: 'ok' } as const;

async function run(channel: ChannelName, payload: unknown): Promise<unknown> {
  const result = await dispatch(channel, payload, caller);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

beforeEach(() => {
  dir = tempDir();
  session = new CaseSession({ dataDir: path.join(dir, 'data') });
  const store = session.open(path.join(dir, 'announce.awcase'), { create: true });
  store.transaction(() => {
    const aqim = store.entities.insert({ type: 'organization', name: 'AQIM', aliases: ['GSPC'] });
    const mulathamun = store.entities.insert({ type: 'organization', name: 'Al Mulathamun' });
    const relation = store.relations.insert({ sourceId: mulathamun, targetId: aqim, type: 'splinter_of' });
    const note = store.notes.insert({ kind: 'entity', id: aqim }, 'private', true);
    const source = store.sources.insert({ title: 'CRS', reliability: 'B', text: 'AQIM was formed in 2007.' });
    const citation = store.sources.cite({
      sourceId: source,
      subjectKind: 'relation',
      subjectId: relation,
      quote: 'AQIM',
      credibility: 2,
    });
    ids = { aqim, mulathamun, relation, note, source, citation };
  });
  announced = [];
  dispatch = createDispatch(createHandlers({ session, resourcesDir: path.join(dir, 'none') }), {
    verifyCaller: (c) => c.kind === 'browser' && c.token === 'ok',
    onWrite: (change) => announced.push(change),
    watch: () => session.store.journal.watch(),
  });
});

afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('what a write announces', () => {
  it('announces an entity name edit as the entity row it changed, with no alias touched', async () => {
    await run('entities:update', { id: ids.aqim, patch: { name: 'Al Qaeda in the Islamic Maghreb' } });
    expect(announced).toEqual([
      { tables: ['entity', 'alias'], ids: { entity: [ids.aqim], alias: [] }, reason: 'entities:update' },
    ]);
  });

  it('announces the rows triggers change too: a source regraded changes the grade of what it supports', async () => {
    await run('sources:setReliability', { id: ids.source, reliability: 'D' });
    expect(announced[0]).toEqual({
      tables: ['source', 'entity', 'relation'],
      ids: { source: [ids.source], entity: [], relation: [ids.relation] },
      reason: 'sources:setReliability',
    });
  });

  it('announces what undo and redo put back, row by row', async () => {
    await run('entities:update', { id: ids.mulathamun, patch: { summary: 'Belmokhtar’s brigade' } });
    await run('history:undo', {});
    await run('history:redo', {});
    const [, undo, redo] = announced;
    expect(undo).toMatchObject({
      reason: 'history:undo',
      ids: { entity: [ids.mulathamun], relation: [], note: [] },
    });
    expect(redo).toMatchObject({ reason: 'history:redo', ids: { entity: [ids.mulathamun], alias: [] } });
    expect(undo!.tables).toEqual([...CASE_TABLES]);
  });

  it('announces a CSV import as its tables without ids, and its undo the same way', async () => {
    const csv = path.join(dir, 'groups.csv');
    fs.writeFileSync(
      csv,
      `type,name\n${Array.from({ length: 50 }, (_, i) => `organization,Group ${i}`).join('\n')}\n`,
    );
    const uploadId = uploadFromFile(csv);
    await run('csvImport:run', { uploadId, kind: 'entities', delimiter: ',', jobId: 'c'.repeat(32) });
    expect(announced[0]).toEqual({
      tables: ['entity', 'alias', 'relation', 'attribute', 'vocabulary'],
      // No alias, attribute or new type in the file; the entities came in bulk.
      ids: { alias: [], relation: [], attribute: [], vocabulary: [] },
      reason: 'csvImport:run',
    });
    await run('history:undo', {});
    expect(announced[1]!.ids).toEqual({
      vocabulary: [],
      attribute: [],
      alias: [],
      relation: [],
      source: [],
      suggestion: [],
      citation: [],
      note: [],
    });
  });

  it('announces a document import as its tables, the bulk-inserted ones without ids', async () => {
    const bytes = Buffer.from('AQIM was formed in 2007 from the GSPC.').toString('base64');
    await run('sources:import', { files: [{ name: 'report.txt', bytes }], jobId: 'e'.repeat(32) });
    expect(announced).toEqual([
      { tables: ['source', 'original', 'suggestion'], ids: {}, reason: 'sources:import' },
    ]);
  });

  it('announces nothing for a read, and only the settings for a saved graph layout', async () => {
    await run('entities:list', { offset: 0, limit: 10 });
    await run('graph:get', { afterNode: 0, afterEdge: 0, limit: 100 });
    expect(announced).toEqual([]);
    await run('graph:savePositions', { layout: 'force', positions: [[ids.aqim, 1, 2]] });
    expect(announced).toEqual([{ tables: ['setting'], ids: {}, reason: 'graph:savePositions' }]);
  });

  it('declares every table a write touches (checked by watching the journal around each write)', async () => {
    const writes: [ChannelName, unknown][] = [
      ['entities:create', { type: 'person', name: 'Mokhtar Belmokhtar', aliases: ['MBM'] }],
      ['entities:update', { id: ids.aqim, patch: { name: 'AQIM', aliases: ['Al Qaeda Maghreb'] } }],
      ['entities:tag', { ids: [ids.aqim], tag: 'Sahel' }],
      ['relations:create', { sourceId: ids.aqim, targetId: ids.mulathamun, type: 'rival_of' }],
      ['relations:update', { id: ids.relation, patch: { endDate: '2013' } }],
      ['notes:save', { subject: { kind: 'relation', id: ids.relation }, body: 'why', private: true }],
      ['notes:delete', { id: ids.note }],
      [
        'citations:create',
        {
          sourceId: ids.source,
          quote: 'formed in 2007',
          credibility: 3,
          subject: { kind: 'entity', id: ids.aqim },
        },
      ],
      [
        'citations:createEntity',
        {
          sourceId: ids.source,
          quote: 'AQIM',
          credibility: 2,
          entity: { type: 'organization', name: 'AQIM Sahel' },
        },
      ],
      ['citations:delete', { id: ids.citation }],
      ['sources:setReliability', { id: ids.source, reliability: 'C' }],
      [
        'extraction:review',
        async () => {
          const { suggestions } = (await run('extraction:suggestions', { sourceId: ids.source })) as {
            suggestions: { id: number }[];
          };
          expect(suggestions.length, 'the CRS text names AQIM').toBeGreaterThan(0);
          return { sourceId: ids.source, decisions: [{ id: suggestions[0]!.id, action: 'accept' }] };
        },
      ],
      ['sources:update', { id: ids.source, patch: { title: 'CRS brief', reliability: 'A' } }],
      [
        'vocabulary:save',
        {
          kind: 'entity',
          type: { id: 'faction', label: 'Faction', plural: 'Factions', colour: '#884422', shape: 'diamond' },
        },
      ],
      ['vocabulary:merge', { kind: 'entity', from: 'faction', into: 'organization' }],
      [
        'vocabulary:save',
        {
          kind: 'relation',
          type: {
            id: 'trains',
            reads: 'trains',
            symmetric: false,
            lineage: false,
            colour: '#224488',
            lineStyle: 'dashed',
          },
        },
      ],
      ['vocabulary:delete', { kind: 'relation', id: 'trains' }],
      ['analytics:saveCentrality', { weighted: false, directed: false }],
      ['entities:merge', { keepId: ids.aqim, mergeIds: [ids.mulathamun] }],
      ['history:undo', {}],
      ['history:redo', {}],
      ['relations:delete', { ids: [ids.relation] }],
      ['entities:delete', { ids: [ids.aqim] }],
      ['history:undo', {}],
      ['sources:delete', { id: ids.source }],
    ];
    const checked = new Set<ChannelName>();
    for (const [channel, payload] of writes) {
      const input = typeof payload === 'function' ? await (payload as () => Promise<unknown>)() : payload;
      const watch = session.store.journal.watch();
      await run(channel, input);
      const touched = Object.entries(watch.stop())
        .filter(([, rows]) => rows.length > 0)
        .map(([t]) => t);
      expect(touched.length, `${channel} wrote something`).toBeGreaterThan(0);
      expect(contract[channel].writes, channel).toEqual(expect.arrayContaining(touched));
      checked.add(channel);
    }
    // Every channel that writes case data is exercised above (settings, '*' and bulk ones elsewhere).
    const caseWrites = CHANNELS.filter(
      (c) => isWrite(c) && !contract[c].writes.includes('*') && !contract[c].writes.includes('setting'),
    );
    const bulk = new Set<ChannelName>(['csvImport:run', 'sources:import', 'interchange:import']);
    expect(caseWrites.filter((c) => !checked.has(c) && !bulk.has(c))).toEqual([]);
  });
});
