import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { deleteEntities } from '../entities';
import { saveNote } from '../notes';
import { cite, citeNewEntity, deleteCitation, listCitations, setReliability } from './citations';
import { noteCounts } from './subjects';

let t: TempCase;
beforeEach(() => {
  t = tempCase();
});
afterEach(() => t.cleanup());

const TEXT = 'GSPC renamed itself AQIM in 2007. Later, AQIM pledged support. AQIM pledged support again.';

function relationRow(id: number) {
  return t.store.relations.page({ offset: 0, limit: 10 }).rows.find((r) => r.id === id)!;
}

describe('citing passages from the reader', () => {
  it('raises a relation’s corroboration and grade when a second source is cited, and undo takes it back', () => {
    const gspc = t.store.entities.insert({ type: 'organization', name: 'GSPC' });
    const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const rel = t.store.relations.insert({ sourceId: gspc, targetId: aqim, type: 'renamed_to' });
    const wiki = t.store.sources.insert({ title: 'Wikipedia', reliability: 'C', text: TEXT });
    const crs = t.store.sources.insert({
      title: 'CRS',
      reliability: 'B',
      text: 'In 2007 the GSPC became AQIM.',
    });
    cite(t.store, {
      sourceId: wiki,
      quote: 'GSPC renamed itself AQIM',
      credibility: 3,
      subject: { kind: 'relation', id: rel },
    });
    expect(relationRow(rel)).toMatchObject({ corroboration: 1, grade: 'C3' });

    const second = cite(t.store, {
      sourceId: crs,
      quote: 'the GSPC became AQIM',
      credibility: 2,
      subject: { kind: 'relation', id: rel },
    });
    expect(second).toMatchObject({
      corroboration: 2,
      grade: 'B2',
      subjectLabel: 'GSPC was renamed AQIM',
      start: 8,
    });
    expect(relationRow(rel)).toMatchObject({ corroboration: 2, grade: 'B2' });

    t.store.journal.undo();
    expect(relationRow(rel)).toMatchObject({ corroboration: 1, grade: 'C3' });
  });

  it('names the lifetime end a passage supports, keeps it beside a whole-entity citation of the same words, and undoes it', () => {
    const gspc = t.store.entities.insert({ type: 'organization', name: 'GSPC', activeTo: '2007' });
    const src = t.store.sources.insert({ title: 'W', text: TEXT });
    const quote = 'GSPC renamed itself AQIM in 2007';
    cite(t.store, { sourceId: src, quote, credibility: 2, subject: { kind: 'entity', id: gspc } });
    const dated = cite(t.store, {
      sourceId: src,
      quote,
      credibility: 2,
      subject: { kind: 'entity', id: gspc },
      field: 'activeTo',
    });
    expect(dated.field).toBe('activeTo');
    expect(listCitations(t.store, src).map((c) => c.field)).toEqual([null, 'activeTo']);
    expect(t.store.journal.state().undoLabel).toBe('Cite a passage for the active to of “GSPC”');
    t.store.journal.undo();
    expect(t.store.sources.citationsOf('entity', gspc).map((c) => c.field)).toEqual([null]);
  });

  it('refuses to name a relation’s field for an entity', () => {
    const gspc = t.store.entities.insert({ type: 'organization', name: 'GSPC' });
    const src = t.store.sources.insert({ title: 'W', text: TEXT });
    expect(() =>
      cite(t.store, {
        sourceId: src,
        quote: 'GSPC',
        credibility: 2,
        subject: { kind: 'entity', id: gspc },
        field: 'startDate',
      }),
    ).toThrow('A passage can support the start date of a relation, not of this entity.');
  });

  it('cites the occurrence the analyst selected when a passage occurs twice', () => {
    const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const src = t.store.sources.insert({ title: 'W', text: TEXT });
    const secondAt = TEXT.lastIndexOf('AQIM pledged support');
    const c = cite(t.store, {
      sourceId: src,
      quote: 'AQIM pledged support',
      start: secondAt,
      credibility: 2,
      subject: { kind: 'entity', id: aqim },
    });
    expect(c.start).toBe(secondAt);
    expect(c.end).toBe(secondAt + 'AQIM pledged support'.length);
  });

  it('refuses a passage that is not in the document', () => {
    const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const src = t.store.sources.insert({ title: 'W', text: TEXT });
    expect(() =>
      cite(t.store, {
        sourceId: src,
        quote: 'not there',
        credibility: 2,
        subject: { kind: 'entity', id: aqim },
      }),
    ).toThrow(/does not occur/);
  });

  it('makes a new entity from a selection with the citation attached, in one undoable step', () => {
    const src = t.store.sources.insert({ title: 'W', text: TEXT });
    const { entityId, citation } = citeNewEntity(t.store, {
      sourceId: src,
      quote: 'GSPC',
      credibility: 3,
      entity: { type: 'organization', name: 'GSPC' },
    });
    expect(t.store.entities.get(entityId)!.name).toBe('GSPC');
    expect(citation).toMatchObject({
      subjectKind: 'entity',
      subjectId: entityId,
      start: 0,
      end: 4,
      subjectLabel: 'GSPC',
    });
    expect(listCitations(t.store, src)).toHaveLength(1);
    expect(() =>
      citeNewEntity(t.store, {
        sourceId: src,
        quote: 'GSPC',
        credibility: 3,
        entity: { type: 'organization', name: 'gspc' },
      }),
    ).toThrow(/already has/);
    t.store.journal.undo();
    expect(t.store.entities.count()).toBe(0);
    expect(listCitations(t.store, src)).toHaveLength(0);
  });

  it('regrades a source and removes a citation, both undoable', () => {
    const aqim = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    const src = t.store.sources.insert({ title: 'W', text: TEXT, reliability: 'F' });
    const c = cite(t.store, {
      sourceId: src,
      quote: 'AQIM',
      credibility: 2,
      subject: { kind: 'entity', id: aqim },
    });
    setReliability(t.store, src, 'A');
    expect(listCitations(t.store, src)[0]!.reliability).toBe('A');
    deleteCitation(t.store, c.id);
    expect(listCitations(t.store, src)).toHaveLength(0);
    t.store.journal.undo();
    t.store.journal.undo();
    expect(listCitations(t.store, src)[0]).toMatchObject({ reliability: 'F', quote: 'AQIM' });
  });
});

describe('deleting an entity that has notes', () => {
  it('counts the notes first, and undo brings the notes back', () => {
    const id = t.store.entities.insert({ type: 'person', name: 'Iyad Ag Ghaly' });
    const other = t.store.entities.insert({ type: 'person', name: 'Amadou Koufa' });
    saveNote(t.store, { subject: { kind: 'entity', id }, body: 'Private judgement about **Ag Ghaly**.' });
    saveNote(t.store, { subject: { kind: 'entity', id }, body: 'Shareable context.', private: false });
    expect(noteCounts(t.store, 'entity', [id, other])).toEqual({ total: 2, private: 1 });
    expect(noteCounts(t.store, 'entity', [other])).toEqual({ total: 0, private: 0 });

    deleteEntities(t.store, [id]);
    expect(t.store.notes.count()).toBe(0);
    t.store.journal.undo();
    const back = t.store.notes.list({ kind: 'entity', id });
    expect(back.map((n) => [n.body, n.private]).sort()).toEqual([
      ['Private judgement about **Ag Ghaly**.', true],
      ['Shareable context.', false],
    ]);
  });
});
