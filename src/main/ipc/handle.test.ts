// The IPC door: every channel refuses malformed payloads with invalid_input and changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type ChannelName } from '../../shared/ipc/contract';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { CaseSession } from '../services/session';
import { tempDir } from '../testing/tempCase';
import { createDispatch, type Dispatch } from './handle';
import { createHandlers } from './handlers';

/** One valid payload per channel; the malformed ones are derived from it. */
const VALID: Partial<Record<ChannelName, Record<string, unknown>>> = {
  'case:info': {},
  'case:create': { path: '/tmp/aw-never-created/x.awcase' },
  'case:open': { path: '/tmp/aw-never-created/x.awcase' },
  'case:openSample': {},
  'case:recent': {},
  'entities:list': { offset: 0, limit: 100, sort: [{ column: 'name', dir: 'asc' }], quick: 'aq' },
  'entities:position': { id: 1, query: { quick: 'aq', quickIn: ['name'] } },
  'entities:get': { id: 1 },
  'entities:create': { type: 'organization', name: 'Ansar al Dine', aliases: ['Ansar Dine'], summary: 's' },
  'entities:update': { id: 1, patch: { name: 'AQIM' } },
  'entities:delete': { ids: [1] },
  'relations:list': { offset: 0, limit: 100 },
  'relations:create': { sourceId: 1, targetId: 2, type: 'splinter_of', startDate: '2013' },
  'relations:update': { id: 1, patch: { endDate: '2017' } },
  'relations:delete': { ids: [1] },
  'notes:list': { subject: { kind: 'entity', id: 1 } },
  'notes:save': { subject: { kind: 'entity', id: 1 }, body: 'note', private: true },
  'notes:delete': { id: 1 },
  'sources:list': {},
  'sources:get': { id: 1 },
  'history:state': {},
  'history:undo': {},
  'history:redo': {},
  'sheet:get': { tab: 'entities' },
  'sheet:saveLayout': { tab: 'entities', columns: [{ colId: 'name', width: 200 }] },
  'entities:tag': { ids: [1], tag: 'Sahel' },
  'entities:merge': { keepId: 1, mergeIds: [2] },
  'csvExport:get': { tab: 'entities', columns: ['name'], query: { quick: 'aq' } },
  'csvImport:upload': { fileName: 'groups.csv', chunk: 'bmFtZQo=', totalBytes: 5 },
  'csvImport:info': { uploadId: 'a'.repeat(32), kind: 'entities', delimiter: ',' },
  'csvImport:run': { uploadId: 'a'.repeat(32), kind: 'entities', delimiter: ',', jobId: 'b'.repeat(32) },
  'csvImport:state': { jobId: 'b'.repeat(32) },
  'csvImport:cancel': { jobId: 'b'.repeat(32) },
  'attributes:list': {},
  'caseTypes:list': {},
  'graph:get': { afterNode: 0, afterEdge: 0, limit: 100 },
  'graph:rows': { entityIds: [1], relationIds: [1], sources: true },
  'graph:savePositions': { layout: 'force', positions: [[1, 10, 20]], merge: true },
  'search:list': { query: 'droukdel', limit: 10 },
  'citations:list': { sourceId: 1 },
  'citations:create': { sourceId: 1, quote: 'text', credibility: 2, subject: { kind: 'entity', id: 1 } },
  'citations:createEntity': {
    sourceId: 1,
    quote: 'text',
    credibility: 2,
    entity: { type: 'person', name: 'X' },
  },
  'citations:delete': { id: 1 },
  'sources:setReliability': { id: 1, reliability: 'B' },
  'subjects:get': { subject: { kind: 'entity', id: 1 } },
  'noteCounts:get': { kind: 'entity', ids: [1] },
  'case:exportJson': { includeShareableNotes: false },
  'backups:list': { path: '/tmp/aw-never-created/x.awcase' },
  'backups:restore': { path: '/tmp/aw-never-created/x.awcase', id: '2025-01-01T00-00-00-000Z.awcase' },
  'uploads:put': { name: 'report.pdf', chunk: 'JVBERi0=', totalBytes: 5 },
  'sources:import': { files: [{ name: 'report.txt', bytes: 'UmVwb3J0Lg==' }], jobId: 'c'.repeat(32) },
  'sources:importState': { jobId: 'c'.repeat(32) },
  'sources:importCancel': { jobId: 'c'.repeat(32) },
  'sources:update': { id: 1, patch: { author: 'Alexis Arieff', language: 'en', publishedOn: '2017-03-20' } },
  'sources:delete': { id: 1 },
  'sources:original': { id: 1 },
  'extraction:suggestions': { sourceId: 1 },
  'vocabulary:list': {},
  'vocabulary:save': {
    kind: 'relation',
    type: {
      id: 'kinship',
      reads: 'is related to',
      symmetric: true,
      lineage: false,
      colour: '#00897b',
      lineStyle: 'dashed',
    },
  },
  'vocabulary:merge': { kind: 'relation', from: 'kinship', into: 'allied_with' },
  'vocabulary:delete': { kind: 'entity', id: 'vehicle' },
  'extraction:review': {
    sourceId: 1,
    decisions: [{ id: 1, action: 'accept', edit: { type: 'splinter_of' } }],
  },
  'interchange:import': {
    name: 'network.gexf',
    bytes: 'PGdleGYvPg==',
    format: 'gexf',
    unknownTypes: 'add',
    typeMap: { kinship: 'add', '': 'related_to', noise: 'reject' },
    dryRun: true,
    jobId: 'a'.repeat(32),
  },
  'interchange:importState': { jobId: 'b'.repeat(32) },
  'interchange:export': { format: 'graphml', notes: 'shareable' },
  'case:importFile': { name: 'colleague.json', bytes: 'e30=' },
  'analytics:saveCentrality': { weighted: true, directed: false, types: ['allied_with'] },
};

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

function wrongValues(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, NaN, null, TEN_MB, ['x']];
  if (typeof value === 'number') return ['1', NaN, Infinity, -1, 1e300, 1.5, null];
  if (typeof value === 'boolean') return ['true', 1, null];
  if (Array.isArray(value)) return ['x', 7, [TEN_MB], new Array(20_000).fill(1)];
  return ['x', 7, [], null];
}

function malformed(valid: Record<string, unknown>): [string, unknown][] {
  const cases: [string, unknown][] = [
    ['a string', 'x'],
    ['a number', 42],
    ['null', null],
    ['an array', [valid]],
    ['an extra field', { ...valid, extra: 1 }],
    [
      'a __proto__ key',
      JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1, -1) || '"x":1'}}`),
    ],
    ['a constructor key', { ...valid, constructor: { prototype: { polluted: true } } }],
  ];
  for (const [key, value] of Object.entries(valid)) {
    const { [key]: _dropped, ...without } = valid;
    cases.push([`${key} missing`, without]);
    for (const wrong of wrongValues(value))
      cases.push([`${key} = ${JSON.stringify(wrong)?.slice(0, 20)}`, { ...valid, [key]: wrong }]);
  }
  return cases;
}

function fingerprint(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

let dir: string;
let session: CaseSession;
let dispatch: Dispatch;
let caseFile: string;

beforeAll(() => {
  dir = tempDir();
  session = new CaseSession({ dataDir: path.join(dir, 'data') });
  caseFile = path.join(dir, 'ipc.awcase');
  const store = session.open(caseFile, { create: true });
  store.transaction(() => {
    const a = store.entities.insert({ type: 'organization', name: 'AQIM' });
    const b = store.entities.insert({ type: 'organization', name: 'Al Mulathamun' });
    store.relations.insert({ sourceId: b, targetId: a, type: 'splinter_of' });
    store.notes.insert({ kind: 'entity', id: a }, 'private', true);
    store.sources.insert({ title: 'CRS', reliability: 'B', text: 'text' });
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const handlers = createHandlers({ session, resourcesDir: path.join(dir, 'no-resources') });
  dispatch = createDispatch(handlers, { verifyCaller: (c) => c.kind === 'browser' && c.token === 'ok' });
});

afterAll(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('IPC payload validation', () => {
  it('has a valid sample payload for every channel (so every channel is exercised below)', () => {
    expect(CHANNELS.filter((c) => !VALID[c])).toEqual([]);
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS.filter((c) => VALID[c]))(
    '%s refuses malformed payloads and leaves the case unchanged',
    async (channel) => {
      const before = fingerprint(caseFile);
      const journal = session.store.journal.state();
      const cases = malformed(VALID[channel]!);
      for (const [label, payload] of cases) {
        // A missing optional field or a null for a nullable one is a valid payload: not sent, so a
        // write channel does not write. Every other mutation must be refused.
        const mayBeValid = label.endsWith(' missing') || label.endsWith(' = null');
        if (mayBeValid && contract[channel].input.safeParse(payload).success) continue;
        const result = await dispatch(channel, payload, { kind: 'browser', token: 'ok' });
        expect(result, `${channel} with ${label}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        });
        if (!result.ok) {
          const { message } = result.error;
          expect(message.length, `${channel} with ${label}`).toBeLessThan(400);
          // One sentence in words: no raw schema path ("(at patch.name)", "decisions.0.id").
          expect(message, `${channel} with ${label}`).toMatch(/^[A-Z“].*\.$/s);
          expect(message, `${channel} with ${label}`).not.toMatch(
            /\(at |\b[a-z]+[A-Za-z]*\.\d|\b[a-z]+\.[a-z]+[A-Z]/,
          );
        }
      }
      session.store.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(fingerprint(caseFile)).toBe(before);
      expect(session.store.journal.state()).toEqual(journal);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('refuses callers that are not the workbench window', async () => {
    const result = await dispatch('case:info', {}, { kind: 'browser', token: 'wrong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses unknown channels', async () => {
    const result = await dispatch('fs:readFile', { path: '/etc/passwd' }, { kind: 'browser', token: 'ok' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers a valid call with a value, and a missing record with not_found in words', async () => {
    expect(
      await dispatch('entities:list', { offset: 0, limit: 10 }, { kind: 'browser', token: 'ok' }),
    ).toMatchObject({
      ok: true,
      value: { total: 2 },
    });
    const missing = await dispatch('entities:get', { id: 999 }, { kind: 'browser', token: 'ok' });
    expect(missing).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'No entity with id 999 exists in this case; it may have been deleted.',
      },
    });
  });
});
