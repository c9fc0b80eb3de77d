// Interchange through the real door (dispatch, contract, handlers) against a temporary case: every
// real file of ../shared/real-data goes in with nothing lost, comes back out, and goes in again the
// same; a case export opens as a case of its own with its sources, citations and shareable notes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedFile, InterchangeReport } from '../../shared/ipc/interchange/contract';
import { createDispatch, type Dispatch } from './handle';
import { createHandlers } from './handlers';
import { centrality } from '../../shared/analytics/centrality';
import { networkx, networkxMissing, realFile } from '../testing/realData';
import { tempDir } from '../testing/tempCase';
import { CaseSession } from '../services/session';

let dir: string;
let session: CaseSession;
let dispatch: Dispatch;
const caller = { kind: 'browser', token: 't' } as const;

beforeEach(() => {
  dir = tempDir();
  session = new CaseSession({ dataDir: dir });
  session.create(path.join(dir, 'interchange.awcase'));
  dispatch = createDispatch(createHandlers({ session, resourcesDir: dir }), { verifyCaller: () => true });
});
afterEach(() => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(channel, payload, caller);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const count = (sql: string): number => session.store.db.prepare(sql).pluck().get() as number;
const importFile = (name: string, extra: object = {}) =>
  call<InterchangeReport>('interchange:import', { name, bytes: b64(realFile(name)), ...extra });
const exported = async (format: string, notes?: string): Promise<Buffer> => {
  const file = await call<ExportedFile>('interchange:export', { format, ...(notes ? { notes } : {}) });
  if (!('bytes' in file)) throw new Error('expected the bytes inline');
  return Buffer.from(file.bytes, 'base64');
};

/** What each real file holds (README of ../shared/real-data) and what it must become. */
const REAL = [
  { file: 'gexf-spec-dynamics.gexf', format: 'gexf', nodes: 4, edges: 5, loops: 0 },
  { file: 'gephi081-rio.gexf', format: 'gexf', nodes: 366, edges: 1107, loops: 11 },
  { file: 'gephi-arctic-gexf10.gexf', format: 'gexf', nodes: 1715, edges: 6676, loops: 0 },
  // 13 nodes nested in the group n7: each also becomes "part of" it.
  { file: 'yed320-ldbc-snb-example.graphml', format: 'graphml', nodes: 30, edges: 68 + 13, loops: 1 },
  { file: 'graphml-primer-attributes.graphml', format: 'graphml', nodes: 6, edges: 7, loops: 0 },
  { file: 'cytoscape31-genemania.cyjs', format: 'cyjs', nodes: 31, edges: 255, loops: 0 },
  // 30 relationship objects and 45 embedded references (created_by_ref, a report's object_refs).
  { file: 'stix-apt1.json', format: 'stix', nodes: 46, edges: 75, loops: 0 },
] as const;

describe('interchange:import of the real files', () => {
  for (const real of REAL)
    it(`${real.file}: every node and edge arrives, a dry run writes nothing, a second import adds nothing`, async () => {
      const before = count('SELECT count(*) FROM journal');
      const preview = await importFile(real.file, { dryRun: true });
      expect(preview.dryRun).toBe(true);
      expect(count('SELECT count(*) FROM entity')).toBe(0);
      expect(count('SELECT count(*) FROM journal')).toBe(before);

      const report = await importFile(real.file);
      expect(report.format).toBe(real.format);
      expect(report.skipped).toEqual([]);
      expect(report.added.entities).toBe(real.nodes);
      expect(report.added.relations).toBe(real.edges);
      expect(preview.added).toEqual(report.added);
      expect(count('SELECT count(*) FROM entity')).toBe(real.nodes);
      expect(count('SELECT count(*) FROM relation')).toBe(real.edges);
      expect(count('SELECT count(*) FROM relation WHERE source_id = target_id')).toBe(real.loops);
      // Every type used is a type of the case; the import is one undo step.
      expect(
        count(
          "SELECT count(*) FROM entity WHERE type NOT IN (SELECT key FROM vocabulary WHERE kind = 'entity')",
        ),
      ).toBe(0);
      expect(
        count(
          "SELECT count(*) FROM relation WHERE type NOT IN (SELECT key FROM vocabulary WHERE kind = 'relation')",
        ),
      ).toBe(0);
      expect(count('SELECT count(*) FROM journal')).toBe(before + 1);

      // The same file again: every node is found by its name and every edge of distinct ends folds.
      const again = await call<InterchangeReport>('interchange:import', {
        name: real.file,
        bytes: b64(realFile(real.file)),
        dryRun: true,
      });
      expect(again.added.entities).toBe(0);

      const undone = await call<{ canUndo: boolean }>('history:undo', {});
      expect(undone).toBeTruthy();
      expect(count('SELECT count(*) FROM entity')).toBe(0);
      expect(count('SELECT count(*) FROM relation')).toBe(0);
    });

  it('keeps weights, attributes, colours and positions (Gephi rio)', async () => {
    await importFile('gephi081-rio.gexf');
    const attrs = session.store.attributes.list();
    expect(attrs.filter((a) => a.kind === 'entity').map((a) => a.title)).toEqual(
      expect.arrayContaining(['Nature of institution:', 'In-Degree']),
    );
    const viz = count(
      "SELECT count(*) FROM entity WHERE attrs ->> '$.viz.x' IS NOT NULL AND attrs ->> '$.viz.color' IS NOT NULL",
    );
    expect(viz).toBe(366);
  });

  it('reads the primer GraphML weights and the default colour', async () => {
    await importFile('graphml-primer-attributes.graphml');
    expect(count('SELECT count(*) FROM relation WHERE weight IS NOT NULL')).toBe(4);
    expect(count("SELECT count(*) FROM entity WHERE attrs ->> '$.viz.color' = 'yellow'")).toBe(2);
  });

  it('STIX: every object of its own type, indicators keep their pattern, twins reported, report a source', async () => {
    const report = await importFile('stix-apt1.json');
    const types = session.store.db.prepare('SELECT DISTINCT type FROM entity ORDER BY type').pluck().all();
    expect(types).toEqual(
      expect.arrayContaining(['intrusion-set', 'threat-actor', 'identity', 'indicator', 'malware']),
    );
    expect(
      count(
        "SELECT count(*) FROM entity WHERE type = 'indicator' AND attrs ->> '$.values.pattern' IS NOT NULL",
      ),
    ).toBe(count("SELECT count(*) FROM entity WHERE type = 'indicator'"));
    expect(report.possibleDuplicates.length).toBeGreaterThan(0);
    expect(report.added.sources).toBeGreaterThanOrEqual(1);
    expect(count('SELECT count(*) FROM source')).toBe(report.added.sources);
  });

  it("unknownTypes: 'reject' refuses the rows of unknown types and lists them", async () => {
    const report = await importFile('stix-apt1.json', { unknownTypes: 'reject' });
    expect(report.added.entities).toBe(0);
    expect(report.skipped.filter((s) => s.kind === 'entity')).toHaveLength(46);
    expect(report.skipped[0]!.reason).toMatch(/unknown types are refused/);
  }, 20_000);

  it('typeMap maps a value onto a type of the case, value by value', async () => {
    const report = await importFile('stix-apt1.json', {
      typeMap: { 'threat-actor': 'person', 'intrusion-set': 'organization', indicator: 'reject' },
    });
    expect(count("SELECT count(*) FROM entity WHERE type = 'threat-actor'")).toBe(0);
    expect(count("SELECT count(*) FROM entity WHERE type = 'person'")).toBeGreaterThan(0);
    expect(report.types.find((t) => t.value === 'indicator')).toMatchObject({
      choice: 'reject',
      typeId: null,
    });
    expect(report.skipped.some((s) => s.kind === 'relation' && /refused/.test(s.reason))).toBe(true);
  });

  it('refuses a file it cannot read with one sentence and writes nothing', async () => {
    const result = await dispatch(
      'interchange:import',
      { name: 'x.gexf', bytes: b64(Buffer.from('<gexf><graph><nodes><node id="a"')) },
      caller,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/^“x\.gexf” could not be read: .*Nothing was imported\.$/);
    expect(count('SELECT count(*) FROM entity')).toBe(0);
  });

  it('merges into the case entity of the same name and type, and refuses loops only a merge would make', async () => {
    const store = session.store;
    store.entities.insert({ type: 'other', name: 'A' });
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <graph edgedefault="directed"><node id="n1"><data key="label">A</data></node><node id="n2"/><node id="n3"/>
      <edge source="n1" target="n2"/><edge source="n2" target="n2"/></graph></graphml>`;
    const report = await call<InterchangeReport>('interchange:import', {
      name: 'g.graphml',
      bytes: b64(Buffer.from(graphml)),
    });
    expect(report.added.entities + report.merged.filter((m) => m.kind === 'entity').length).toBe(3);
    expect(count('SELECT count(*) FROM relation WHERE source_id = target_id')).toBe(1);
  });
});

describe('interchange:export', () => {
  it('each format comes back in with the same entities, relations and types', async () => {
    await importFile('yed320-ldbc-snb-example.graphml');
    const entities = count('SELECT count(*) FROM entity');
    const relations = count('SELECT count(*) FROM relation');
    for (const format of ['gexf', 'graphml', 'stix', 'cyjs', 'case'] as const) {
      const bytes = await exported(format);
      const other = new CaseSession({ dataDir: dir });
      other.create(path.join(dir, `back-${format}.awcase`));
      const otherDispatch = createDispatch(createHandlers({ session: other, resourcesDir: dir }), {
        verifyCaller: () => true,
      });
      const result = await otherDispatch(
        'interchange:import',
        { name: `back.${format}`, bytes: bytes.toString('base64') },
        caller,
      );
      expect(result.ok, format).toBe(true);
      const db = other.store.db;
      expect(db.prepare('SELECT count(*) FROM entity').pluck().get(), format).toBe(entities);
      expect(db.prepare('SELECT count(*) FROM relation').pluck().get(), format).toBe(relations);
      const types = (sql: string, d: typeof db) => d.prepare(sql).pluck().all().sort();
      expect(types('SELECT type FROM relation', db), format).toEqual(
        types('SELECT type FROM relation', session.store.db),
      );
      other.close();
    }
  }, 60_000);

  it('never carries a private note; shareable notes only when asked', async () => {
    await importFile('graphml-primer-attributes.graphml');
    const id = count('SELECT min(id) FROM entity');
    session.store.notes.insert({ kind: 'entity', id }, 'PRIVATE-MARKER-7c1f', true);
    session.store.notes.insert({ kind: 'entity', id }, 'SHAREABLE-MARKER-93ab', false);
    session.store.notes.insert({ kind: 'case', id: null }, 'PRIVATE-CASE-MARKER-51d2', true);
    for (const format of ['gexf', 'graphml', 'stix', 'cyjs', 'case'] as const) {
      const none = (await exported(format)).toString('utf8');
      const shareable = (await exported(format, 'shareable')).toString('utf8');
      for (const text of [none, shareable]) {
        expect(text, format).not.toContain('PRIVATE-MARKER-7c1f');
        expect(text, format).not.toContain('PRIVATE-CASE-MARKER-51d2');
      }
      expect(none, format).not.toContain('SHAREABLE-MARKER-93ab');
      expect(shareable, format).toContain('SHAREABLE-MARKER-93ab');
    }
  });

  const nx = networkxMissing();
  (nx ? it.skip : it)(
    'networkx reads our GEXF and GraphML of an imported network: same nodes, edges, types, weights',
    async () => {
      await importFile('gephi081-rio.gexf');
      const entities = count('SELECT count(*) FROM entity');
      const relations = count('SELECT count(*) FROM relation');
      for (const format of ['gexf', 'graphml'] as const) {
        const file = path.join(dir, `rio.${format}`);
        fs.writeFileSync(file, await exported(format));
        const g = networkx<{ nodes: unknown[]; edges: { data: Record<string, unknown> }[] }>([
          'read',
          format,
          file,
        ]);
        expect(g.nodes, format).toHaveLength(entities);
        expect(g.edges, format).toHaveLength(relations);
      }
    },
    60_000,
  );
});

describe('case:importFile', () => {
  it('opens a case export as a new case with its sources, originals, citations and shareable notes', async () => {
    const store = session.store;
    const a = store.entities.insert({ type: 'organization', name: 'GSPC', aliases: ['Salafist Group'] });
    const b = store.entities.insert({ type: 'organization', name: 'AQIM' });
    const r = store.relations.insert({ sourceId: a, targetId: b, type: 'renamed_to', startDate: '2007' });
    const sha = 'a'.repeat(64);
    store.originals.put(sha, Buffer.from('original bytes'));
    const s = store.sources.insert({
      title: 'Report',
      text: 'In 2007 the GSPC became AQIM.',
      reliability: 'B',
      sha256: sha,
      fileName: 'r.txt',
      format: 'txt',
    });
    store.sources.cite({
      sourceId: s,
      subjectKind: 'relation',
      subjectId: r,
      quote: 'the GSPC became AQIM',
      credibility: 2,
    });
    store.notes.insert({ kind: 'entity', id: a }, 'shared thought', false);
    store.notes.insert({ kind: 'entity', id: a }, 'PRIVATE-MARKER-0a9e', true);
    const bytes = await exported('case', 'shareable');
    expect(bytes.toString('utf8')).not.toContain('PRIVATE-MARKER-0a9e');

    const info = await call<{
      open: boolean;
      name: string;
      counts: { entities: number; relations: number; sources: number; notes: number };
    }>('case:importFile', { name: 'colleague.json', bytes: bytes.toString('base64') });
    expect(info.open).toBe(true);
    expect(info.counts).toMatchObject({ entities: 2, relations: 1, sources: 1, notes: 1 });
    const db = session.store.db;
    expect(session.store.file).not.toBe(path.join(dir, 'interchange.awcase'));
    const citation = db.prepare('SELECT quote, start, "end", credibility FROM citation').get();
    expect(citation).toEqual({ quote: 'the GSPC became AQIM', start: 8, end: 28, credibility: 2 });
    expect(db.prepare('SELECT private FROM note').pluck().get()).toBe(0);
    const source = db.prepare('SELECT sha256 FROM source').pluck().get() as string;
    expect(session.store.originals.get(source)?.toString()).toBe('original bytes');
    expect(db.prepare('SELECT name FROM alias').pluck().all()).toEqual(['Salafist Group']);
  });

  it('refuses a damaged case file and leaves the open case as it was', async () => {
    const before = session.store.file;
    const result = await dispatch(
      'case:importFile',
      { name: 'bad.json', bytes: b64(Buffer.from('{"format":"analyst-workbench-case","version":9}')) },
      caller,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/newer Analyst Workbench/);
    expect(session.store.file).toBe(before);
  });
});

describe('analytics:saveCentrality', () => {
  it('saves degree, betweenness and PageRank as sortable number columns that exports carry; undo takes them back', async () => {
    await importFile('graphml-primer-attributes.graphml');
    const saved = await call<{ definition: string; entities: number }>('analytics:saveCentrality', {
      weighted: true,
      directed: false,
    });
    expect(saved.entities).toBe(6);
    expect(saved.definition).toMatch(/Weighted: .*1\/weight/);
    const ids = session.store.db.prepare('SELECT id FROM entity ORDER BY id').pluck().all() as number[];
    const relations = session.store.db
      .prepare('SELECT source_id AS source, target_id AS target, type, weight FROM relation')
      .all() as {
      source: number;
      target: number;
      type: string;
      weight: number | null;
    }[];
    const expected = centrality(
      ids,
      relations.map((r) => ({ ...r, symmetric: false })),
      { weighted: true, directed: false },
    );
    const stored = session.store.db
      .prepare("SELECT attrs ->> '$.values.centrality_betweenness' FROM entity ORDER BY id")
      .pluck()
      .all() as number[];
    stored.forEach((v, i) => expect(v).toBeCloseTo(expected.betweenness[i]!, 12));
    // A sheet column, sorted by main.
    const page = await call<{ rows: { id: number }[] }>('entities:list', {
      offset: 0,
      limit: 10,
      sort: [{ column: 'attr:centrality_pagerank', dir: 'desc' }],
    });
    const top = ids[[...expected.pagerank].indexOf(Math.max(...expected.pagerank))];
    expect(page.rows[0]!.id).toBe(top);
    expect((await exported('gexf')).toString('utf8')).toContain('PageRank (computed)');
    await call('history:undo', {});
    expect(
      count("SELECT count(*) FROM entity WHERE attrs ->> '$.values.centrality_degree' IS NOT NULL"),
    ).toBe(0);
  });
});
