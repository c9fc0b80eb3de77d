import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../../shared/ipc/notes/contract';
import { tempCase, type TempCase } from '../../testing/tempCase';
import { saveNote } from '../notes';
import { searchCase, toMatchQuery } from './search';

let t: TempCase;
beforeEach(() => {
  t = tempCase();
});
afterEach(() => t.cleanup());

describe('search over the case', () => {
  it('finds a person under every spelling the analyst might type, ignoring case and diacritics', () => {
    const id = t.store.entities.insert({
      type: 'person',
      name: 'Abdelmalek Droukdel',
      aliases: ['Abdelmalik Droukdel', 'Abu Musab Abdel Wadoud'],
    });
    t.store.entities.insert({ type: 'location', name: 'Côte d’Ivoire' });
    for (const q of [
      'Droukdel',
      'droukdel',
      'DROUKDEL',
      'Abdelmalek',
      'Abdelmalik',
      'Ábdelmálek',
      'wadoud',
    ]) {
      expect(
        searchCase(t.store, { query: q }).hits.map((h) => h.id),
        q,
      ).toEqual([id]);
    }
    // The apostrophe typed or not (migration 0009 indexes names both ways).
    expect(searchCase(t.store, { query: 'cote divoire' }).hits.map((h) => h.title)).toEqual([
      'Côte d’Ivoire',
    ]);
    expect(searchCase(t.store, { query: 'cote d ivoire' }).hits.map((h) => h.title)).toEqual([
      'Côte d’Ivoire',
    ]);
    expect(searchCase(t.store, { query: 'côte' }).hits.map((h) => h.title)).toEqual(['Côte d’Ivoire']);
  });

  it('finds notes and document text, with the matched words marked in a plain-text snippet', () => {
    const e = t.store.entities.insert({ type: 'organization', name: 'AQIM' });
    saveNote(t.store, {
      subject: { kind: 'entity', id: e },
      body: 'Ransom income fell after 2013 <b>really</b>.',
    });
    t.store.sources.insert({
      title: 'CRS',
      text: 'AQIM relied on kidnapping for ransom across the Sahel for a decade.',
    });
    const hits = searchCase(t.store, { query: 'ransom' }).hits;
    expect(hits.map((h) => h.kind).sort()).toEqual(['note', 'source']);
    const note = hits.find((h) => h.kind === 'note')!;
    expect(note.title).toBe('AQIM');
    expect(note.subject).toEqual({ kind: 'entity', id: e });
    expect(note.snippet).toContain(`${HIGHLIGHT_OPEN}Ransom${HIGHLIGHT_CLOSE}`);
    expect(hits.find((h) => h.kind === 'source')!.snippet).toContain(
      `for ${HIGHLIGHT_OPEN}ransom${HIGHLIGHT_CLOSE} across`,
    );
  });

  it('treats FTS5 syntax typed by the analyst as plain words', () => {
    t.store.entities.insert({ type: 'organization', name: 'Ansar al Dine' });
    for (const q of ['"', 'NEAR(', 'ansar OR', '*', 'al-Dine)', "ansar' AND ^"]) {
      expect(() => searchCase(t.store, { query: q }), q).not.toThrow();
    }
    expect(searchCase(t.store, { query: 'al-Dine)' }).hits).toHaveLength(1);
    expect(toMatchQuery('  ')).toBeNull();
    expect(toMatchQuery('al-Qaida "x')).toBe('"al"* AND "Qaida"* AND "x"*');
    expect(toMatchQuery('Jama’at N')).toBe('("Jamaat"* OR "Jama at"*) AND "N"*');
  });

  it('ranks a name above a passing mention and caps the list', () => {
    t.store.sources.insert({
      title: 'Long report',
      text: 'Belmokhtar was mentioned once in a long document about something else entirely.',
    });
    const id = t.store.entities.insert({ type: 'person', name: 'Mokhtar Belmokhtar' });
    const result = searchCase(t.store, { query: 'belmokhtar' });
    expect(result.hits[0]).toMatchObject({ kind: 'entity', id });
    expect(searchCase(t.store, { query: 'belmokhtar', limit: 1 })).toMatchObject({ more: true });
  });
});

describe('search ranking', () => {
  it('puts an exact name or alias first, then names that start with the words, whatever accents or punctuation were typed', () => {
    const s = t.store;
    const branch = s.entities.insert({
      type: 'organization',
      name: 'AQIM Sahel branch',
      aliases: ['AQIM’s Sahel branch'],
    });
    const aqim = s.entities.insert({
      type: 'organization',
      name: 'Al Qaeda in the Islamic Maghreb',
      aliases: ['AQIM'],
    });
    const nigeria = s.entities.insert({ type: 'location', name: 'Nigeria' });
    const niger = s.entities.insert({ type: 'location', name: 'Niger' });
    const jnim = s.entities.insert({
      type: 'organization',
      name: 'Jama’at Nusrat al-Islam wal-Muslimin',
      aliases: ['JNIM'],
    });
    s.sources.insert({ title: 'Report', text: 'AQIM and AQIM again; Niger and Nigeria; AQIM Sahel branch.' });
    const first = (q: string) => searchCase(s, { query: q }).hits[0];
    expect(first('AQIM')).toMatchObject({ kind: 'entity', id: aqim });
    expect(first('aqim sahel')).toMatchObject({ kind: 'entity', id: branch });
    expect(first('Niger')).toMatchObject({ kind: 'entity', id: niger });
    expect(first('nigeria')).toMatchObject({ kind: 'entity', id: nigeria });
    expect(first('jama at nusrat al islam wal muslimin')).toMatchObject({ kind: 'entity', id: jnim });
    expect(first('JAMA’AT NUSRAT')).toMatchObject({ kind: 'entity', id: jnim });
    expect(
      searchCase(s, { query: 'Nig' })
        .hits.slice(0, 2)
        .map((h) => h.id),
    ).toEqual([niger, nigeria]);
  });

  it('finds a name typed without its accents, apostrophes or hyphens first, and keeps finding documents that have them', () => {
    const s = t.store;
    const sharia = s.entities.insert({
      type: 'organization',
      name: 'Anṣār al-Sharī‘a',
      aliases: ['Ansar al-Sharia (Libya)'],
    });
    s.entities.insert({ type: 'organization', name: 'Ansar al Sharia in Benghazi' });
    const ivory = s.entities.insert({ type: 'location', name: 'Côte d’Ivoire' });
    const jnim = s.entities.insert({ type: 'organization', name: 'Jama’at Nusrat al-Islam wal-Muslimin' });
    const doc = s.sources.insert({ title: 'Brief', text: 'The Jama’at announced a merger.' });
    const first = (q: string) => searchCase(s, { query: q }).hits[0];
    expect(first('Ansar al Sharia')).toMatchObject({ kind: 'entity', id: sharia });
    expect(first('ansar al-shari‘a')).toMatchObject({ kind: 'entity', id: sharia });
    expect(first('Ansar al Sharia Libya')).toMatchObject({ kind: 'entity', id: sharia });
    expect(first('Cote d Ivoire')).toMatchObject({ kind: 'entity', id: ivory });
    expect(first('cote divoire')).toMatchObject({ kind: 'entity', id: ivory });
    expect(first('Jamaat Nusrat al Islam wal Muslimin')).toMatchObject({ kind: 'entity', id: jnim });
    expect(searchCase(s, { query: 'Jama’at announced' }).hits).toMatchObject([{ kind: 'source', id: doc }]);
    // Renaming keeps the folded copy in step (the triggers of migration 0009).
    s.entities.update(sharia, { name: 'Katibat Shari‘a', aliases: [] });
    expect(first('Katibat Sharia')).toMatchObject({ kind: 'entity', id: sharia });
    expect(searchCase(s, { query: 'Anṣār' }).hits.some((h) => h.id === sharia)).toBe(false);
  });
});
