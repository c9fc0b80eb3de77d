import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../../store';
import { graphPage, graphRows, savePositions } from './graphData';

let dir: string;
let store: CaseStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-graph-'));
  store = CaseStore.open(path.join(dir, 'g.awcase'), { create: true });
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function aqimFamily() {
  const gspc = store.entities.insert({
    type: 'organization',
    name: 'Salafist Group for Preaching and Combat',
    aliases: ['GSPC'],
  });
  const aqim = store.entities.insert({
    type: 'organization',
    name: 'Al Qaeda in the Islamic Maghreb',
    aliases: ['AQIM', 'AQMI'],
  });
  const jnim = store.entities.insert({ type: 'organization', name: 'Jama’at Nusrat al Islam wal Muslimeen' });
  const succeeded = store.relations.insert({
    sourceId: gspc,
    targetId: aqim,
    type: 'succeeded_by',
    startDate: '2007',
  });
  const merged = store.relations.insert({
    sourceId: aqim,
    targetId: jnim,
    type: 'merged_into',
    startDate: '2017-03',
  });
  const crs = store.sources.insert({
    title: 'CRS brief',
    reliability: 'B',
    text: 'GSPC became AQIM in 2007.',
  });
  const blog = store.sources.insert({ title: 'A blog', reliability: 'E', text: 'AQIM, formerly GSPC.' });
  store.sources.cite({
    sourceId: crs,
    subjectKind: 'relation',
    subjectId: succeeded,
    quote: 'GSPC became AQIM',
    credibility: 2,
  });
  store.sources.cite({
    sourceId: crs,
    subjectKind: 'relation',
    subjectId: succeeded,
    quote: 'in 2007',
    credibility: 3,
  });
  store.sources.cite({
    sourceId: blog,
    subjectKind: 'relation',
    subjectId: succeeded,
    quote: 'formerly GSPC',
    credibility: 1,
  });
  store.notes.insert({ kind: 'entity', id: aqim }, 'private thought', true);
  return { gspc, aqim, jnim, succeeded, merged, crs, blog };
}

describe('the graph read model', () => {
  it('returns every entity and relation with corroboration, best grade and citing sources', () => {
    const f = aqimFamily();
    const page = graphPage(store, { afterNode: 0, afterEdge: 0, limit: 100 });
    expect(page.done).toBe(true);
    expect(page.nodes.map((n) => n.name)).toEqual([
      'Salafist Group for Preaching and Combat',
      'Al Qaeda in the Islamic Maghreb',
      'Jama’at Nusrat al Islam wal Muslimeen',
    ]);
    const aqim = page.nodes.find((n) => n.id === f.aqim)!;
    expect(aqim.aliases).toEqual(['AQIM', 'AQMI']);
    expect(aqim.notes).toBe(1);
    expect(JSON.stringify(page)).not.toContain('private thought');
    const succeeded = page.edges.find((e) => e.id === f.succeeded)!;
    expect(succeeded).toMatchObject({
      source: f.gspc,
      target: f.aqim,
      type: 'succeeded_by',
      start: '2007',
      end: null,
    });
    expect(succeeded.corroboration).toBe(2);
    expect(succeeded.grade).toBe('B2');
    expect(succeeded.sources).toEqual([f.crs, f.blog].sort((a, b) => a - b));
    const merged = page.edges.find((e) => e.id === f.merged)!;
    expect(merged).toMatchObject({ corroboration: 0, grade: null, sources: [], start: '2017-03' });
    expect(page.sources?.map((s) => s.title)).toEqual(['CRS brief', 'A blog']);
    expect(page.saved).toBeNull();
  });

  it('pages through a large case without losing or repeating a row', () => {
    store.transaction(() => {
      const ids: number[] = [];
      for (let i = 0; i < 250; i++)
        ids.push(store.entities.insert({ type: 'organization', name: `Group ${i}` }));
      for (let i = 0; i < 600; i++)
        store.relations.insert({
          sourceId: ids[i % 250]!,
          targetId: ids[(i * 7 + 1) % 250]!,
          type: 'allied_with',
        });
    });
    const nodes = new Set<number>();
    const edges = new Set<number>();
    let afterNode = 0;
    let afterEdge = 0;
    let pages = 0;
    for (;;) {
      const page = graphPage(store, { afterNode, afterEdge, limit: 100 });
      pages++;
      for (const n of page.nodes) nodes.add(n.id);
      for (const e of page.edges) edges.add(e.id);
      if (pages > 1) expect(page.sources).toBeUndefined();
      if (page.done) break;
      afterNode = page.lastNode;
      afterEdge = page.lastEdge;
    }
    expect(nodes.size).toBe(250);
    expect(edges.size).toBe(600);
    expect(pages).toBe(7);
  });

  it('saves positions per case, merges a dragged node and restores them on the next read', () => {
    const f = aqimFamily();
    savePositions(store, {
      layout: 'force',
      positions: [
        [f.gspc, 0, 0],
        [f.aqim, 100, 50],
        [f.jnim, 200, 0],
      ],
    });
    savePositions(store, { layout: 'force', positions: [[f.aqim, 120, -40]], merge: true });
    const saved = graphPage(store, { afterNode: 0, afterEdge: 0, limit: 10 }).saved!;
    expect(saved.layout).toBe('force');
    expect(saved.positions).toContainEqual([f.aqim, 120, -40]);
    expect(saved.positions).toHaveLength(3);
    expect(store.journal.state().canUndo).toBe(false);
    savePositions(store, { layout: 'lineage', positions: [[f.gspc, 5, 5]], merge: true });
    expect(graphPage(store, { afterNode: 0, afterEdge: 0, limit: 10 }).saved).toEqual({
      layout: 'lineage',
      positions: [[f.gspc, 5, 5]],
    });
  });

  it('reads the rows a write touched as graph:get reads them, and leaves out the deleted ones', () => {
    const f = aqimFamily();
    store.entities.update(f.aqim, { name: 'AQIM' });
    store.entities.delete(f.jnim);
    const rows = graphRows(store, {
      entityIds: [f.aqim, f.jnim],
      relationIds: [f.succeeded, f.merged],
      sources: false,
    });
    const page = graphPage(store, { afterNode: 0, afterEdge: 0, limit: 100 });
    expect(rows.nodes).toEqual([page.nodes.find((n) => n.id === f.aqim)]);
    expect(rows.nodes[0]!.name).toBe('AQIM');
    expect(rows.edges).toEqual([page.edges.find((e) => e.id === f.succeeded)]); // merged went with JNIM
    expect(rows.sources).toBeUndefined();
    expect(graphRows(store, { entityIds: [], relationIds: [], sources: true }).sources).toEqual(page.sources);
  });
});
