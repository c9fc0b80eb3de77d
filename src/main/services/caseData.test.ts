// The sample case, loaded through the same store code an import uses.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../testing/tempCase';
import { loadCaseData } from './caseData';

const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/sample-case');
const data = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'case.json'), 'utf8')) as {
  entities: unknown[];
  relations: unknown[];
};
const readText = (file: string): string => fs.readFileSync(path.join(SAMPLE, file), 'utf8');

let t: TempCase;
afterEach(() => t?.cleanup());

function counts(t: TempCase): Record<string, number> {
  const n = (sql: string) => t.store.db.prepare(sql).pluck().get() as number;
  return {
    entities: n('SELECT count(*) FROM entity'),
    aliases: n('SELECT count(*) FROM alias'),
    relations: n('SELECT count(*) FROM relation'),
    citations: n('SELECT count(*) FROM citation'),
    sources: n('SELECT count(*) FROM source'),
  };
}

/** Whether the case holds `source --type--> target` (names or aliases), optionally starting in a year. */
function has(t: TempCase, source: string, type: string, target: string, start?: string): boolean {
  const s = t.store.entities.findByName(source);
  const g = t.store.entities.findByName(target);
  if (s === null || g === null) return false;
  return t.store.relations
    .ofEntity(s)
    .some(
      (r) =>
        r.sourceId === s &&
        r.targetId === g &&
        r.type === type &&
        (start === undefined || r.startDate?.startsWith(start)),
    );
}

describe('the sample case', () => {
  it('gives GSPC, MUJAO and JNIM the lifetimes their documents state, each cited for the field it supports', () => {
    t = tempCase();
    loadCaseData(t.store, data, readText);
    const lifetime = (name: string) => {
      const id = t.store.entities.findByName(name)!;
      const e = t.store.entities.get(id)!;
      const cited = t.store.sources
        .citationsOf('entity', id)
        .filter((c) => c.field !== null)
        .map((c) => `${c.field}: ${c.quote}`);
      return { from: e.activeFrom, to: e.activeTo, cited };
    };
    const gspc = lifetime('GSPC');
    expect([gspc.from, gspc.to]).toEqual([null, '2007']);
    expect(gspc.cited).toContain('activeTo: GSPC (until 2007)');
    const mujao = lifetime('MUJAO');
    expect([mujao.from, mujao.to]).toEqual([null, '2013']);
    expect(mujao.cited.every((c) => c.startsWith('activeTo: ') && c.includes('formed in 2013'))).toBe(true);
    const jnim = lifetime('Jama’at Nusrat al Islam wal Muslimeen');
    expect([jnim.from, jnim.to]).toEqual(['2017', null]);
    expect(jnim.cited).toEqual([
      'activeFrom: In announcing the creation of Jama’at Nusrat al Islam wal Muslimeen in early 2017',
    ]);
  });

  it('fills in a lifetime the case lacks on a second load, and keeps one the analyst set', () => {
    t = tempCase();
    loadCaseData(t.store, data, readText);
    const gspc = t.store.entities.findByName('GSPC')!;
    const jnim = t.store.entities.findByName('Jama’at Nusrat al Islam wal Muslimeen')!;
    t.store.entities.update(gspc, { activeTo: '2007-09' });
    t.store.entities.update(jnim, { activeFrom: null });
    const before = counts(t);
    loadCaseData(t.store, data, readText);
    expect(t.store.entities.get(gspc)!.activeTo).toBe('2007-09');
    expect(t.store.entities.get(jnim)!.activeFrom).toBe('2017');
    expect(counts(t)).toEqual(before);
  });

  it('loads every entity, relation and source, with each citation located in its document', () => {
    t = tempCase();
    const report = loadCaseData(t.store, data, readText);
    expect(report.entitiesAdded).toBe(data.entities.length);
    expect(report.relationsAdded).toBe(data.relations.length);
    expect(report.sourcesAdded).toBe(2);
    const unlocated = t.store.db.prepare('SELECT count(*) FROM citation WHERE start IS NULL').pluck().get();
    expect(unlocated).toBe(0);
    for (const source of t.store.sources.list()) {
      const doc = t.store.sources.get(source.id)!;
      for (const c of t.store.sources.citationsIn(source.id))
        expect(doc.text.slice(c.start!, c.end!)).toBe(c.quote);
    }
  });

  it('duplicates nothing when loaded twice into the same file', () => {
    t = tempCase();
    loadCaseData(t.store, data, readText);
    const first = counts(t);
    const again = loadCaseData(t.store, data, readText);
    expect(again).toEqual({ entitiesAdded: 0, relationsAdded: 0, sourcesAdded: 0, citationsAdded: 0 });
    expect(counts(t)).toEqual(first);
  });

  it('shows the lineage the brief describes', () => {
    t = tempCase();
    loadCaseData(t.store, data, readText);
    expect(has(t, 'GSPC', 'succeeded_by', 'AQIM', '2007')).toBe(true);
    expect(has(t, 'Al Mulathamun', 'merged_into', 'Al Murabitoun', '2013')).toBe(true);
    expect(has(t, 'MUJAO', 'merged_into', 'Al Murabitoun', '2013')).toBe(true);
    for (const part of ['Al Murabitoun', 'Ansar al Dine', 'Macina Liberation Front']) {
      expect(has(t, part, 'merged_into', 'Jama’at Nusrat al Islam wal Muslimeen', '2017'), part).toBe(true);
    }
    expect(has(t, 'IS-Greater Sahara', 'allegiance_to', 'Islamic State', '2015')).toBe(true);
    expect(has(t, 'IS-Greater Sahara', 'splinter_of', 'MUJAO')).toBe(true);
  });

  it('finds one entity under every spelling the two documents use', () => {
    t = tempCase();
    loadCaseData(t.store, data, readText);
    const droukdel = t.store.entities.findByName('Abdelmalek Droukdel');
    expect(droukdel).not.toBeNull();
    expect(t.store.entities.findByName('Abdelmalik Droukdel')).toBe(droukdel);
    expect(t.store.entities.findByName('Abu Musab Abdel Wadoud')).toBe(droukdel);
    expect(t.store.entities.findByName('MOJWA')).toBe(
      t.store.entities.findByName('Movement for Unity and Jihad in West Africa'),
    );
    expect(t.store.entities.findByName("Jama'at Nusrat al Islam wal Muslimeen")).toBe(
      t.store.entities.findByName('Group for Supporting Islam and Muslims'),
    );
  });
});
