// extract(): what the review pane gets for a document — mentions, candidate entities and relations with their
// exact passages, the same every time.
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../shared/vocab';
import { extract } from './extract';
import { DEFAULT_RELATION_TYPES } from './gold/evaluate';
import { buildMatcher } from './matcher';
import type {
  EntitySuggestion,
  ExtractedSuggestion,
  ExtractionContext,
  KnownEntity,
  RelationSuggestion,
  RelationTypeDef,
} from './types';

const ENTITIES: KnownEntity[] = [
  { id: 1, type: 'organization', name: 'Al Qaeda in the Islamic Maghreb', aliases: ['AQIM'] },
  { id: 2, type: 'organization', name: 'Al Mulathamun', aliases: [] },
  { id: 3, type: 'organization', name: 'Al Murabitoun', aliases: [] },
  { id: 4, type: 'person', name: 'Mokhtar Belmokhtar', aliases: [] },
  { id: 5, type: 'organization', name: 'Islamic State', aliases: ['IS'] },
  { id: 6, type: 'location', name: 'Mali', aliases: [] },
  { id: 7, type: 'organization', name: 'Ansar Dine', aliases: [] },
  { id: 8, type: 'person', name: 'Iyad Ag Ghaly', aliases: [] },
  { id: 9, type: 'event', name: 'Bamako hotel attack', aliases: [] },
  { id: 10, type: 'person', name: 'Abu Walid al Sahrawi', aliases: [] },
];

function context(extra: Partial<ExtractionContext> = {}): ExtractionContext {
  return {
    entities: ENTITIES,
    relationTypes: DEFAULT_RELATION_TYPES,
    entityTypes: [...ENTITY_TYPES],
    ...extra,
  };
}

const relations = (s: ExtractedSuggestion[]): RelationSuggestion[] =>
  s.filter((x): x is RelationSuggestion => x.kind === 'relation');
const ends = (r: RelationSuggestion): string => {
  const end = (e: RelationSuggestion['source']): string => ('entityId' in e ? `#${e.entityId}` : e.name);
  return `${end(r.source)} ${r.type} ${end(r.target)}`;
};

describe('extract', () => {
  it('gives offsets in UTF-16 code units, exact even after emoji and other astral characters', () => {
    const text = '🔥🔥 Report 𝐀𝐐𝐈𝐌 👉 AQIM broke away from nobody; 👨‍👩‍👧 Al Mulathamun split from AQIM in 2012.';
    const out = extract(text, context());
    expect(out.length).toBeGreaterThan(3);
    for (const s of out) {
      expect(text.slice(s.start, s.end), s.key).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    const mentions = out.filter((s) => s.kind === 'mention').map((s) => s.text);
    expect(mentions).toEqual(['AQIM', 'Al Mulathamun', 'AQIM']);
    const [split] = relations(out);
    expect(ends(split!)).toBe('#2 splinter_of #1');
    expect(text.slice(...split!.sourceSpan)).toBe('Al Mulathamun');
    expect(text.slice(...split!.targetSpan)).toBe('AQIM');
  });

  it('takes an acronym and its expansion together as one candidate, named by the expansion', () => {
    const text =
      'The Movement for Unity and Jihad in West Africa (MUJAO) kidnapped aid workers. MUJAO later merged.';
    const candidates = extract(text, context()).filter((s): s is EntitySuggestion => s.kind === 'entity');
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      name: 'Movement for Unity and Jihad in West Africa',
      aliases: ['MUJAO'],
      type: 'organization',
    });
  });

  it('proposes few candidates: a new group, a place, a person, not common words, months or known names', () => {
    const text =
      'However, in March the Katiba Serma Brigade attacked. Fighting spread to the Sambisa Forest. ' +
      'Its commander, Colonel Hassan Barry, fled. AQIM and Mali were named. The Report said Monday.';
    const candidates = extract(text, context()).filter((s): s is EntitySuggestion => s.kind === 'entity');
    expect(candidates.map((c) => [c.name, c.type])).toEqual([
      ['Katiba Serma Brigade', 'organization'],
      ['Sambisa Forest', 'location'],
      ['Hassan Barry', 'person'],
    ]);
  });

  it('works out a relation’s direction from active and passive phrasing', () => {
    const active = relations(extract('Iyad Ag Ghaly founded Ansar Dine in 2012.', context()));
    const passive = relations(extract('Ansar Dine was founded by Iyad Ag Ghaly in 2012.', context()));
    const led = relations(extract('Ansar Dine, led by Iyad Ag Ghaly, is active in Mali.', context()));
    expect(active.map(ends)).toEqual(['#8 founded #7']);
    expect(passive.map(ends)).toEqual(['#8 founded #7']);
    expect(led.map(ends)).toContain('#8 leader_of #7');
    expect(led.map(ends)).toContain('#7 operates_in #6');
    const offshoot = relations(
      extract('AQIM and its dissident offshoot Al Murabitoun claimed it.', context()),
    );
    expect(offshoot.map(ends)).toContain('#3 splinter_of #1');
  });

  it('takes each name of a list, and the subject across "and"', () => {
    const text =
      'In 2015, Abu Walid al Sahrawi split from Al Murabitoun and pledged allegiance to the Islamic State.';
    expect(relations(extract(text, context())).map(ends).sort()).toEqual([
      '#10 allegiance_to #5',
      '#10 splinter_of #3',
    ]);
    const list = relations(extract('AQIM, Al Murabitoun and Ansar Dine are active in Mali.', context()));
    expect(list.map(ends)).toEqual(['#1 operates_in #6', '#3 operates_in #6', '#7 operates_in #6']);
  });

  it('dates a relation with the dates of its sentence, as partial ISO', () => {
    const date = (text: string): [string | undefined, string | undefined] => {
      const [r] = relations(extract(text, context({ publishedOn: '2017-03-20' })));
      return [r?.startDate, r?.endDate];
    };
    expect(date('Al Mulathamun split from AQIM in 2012.')).toEqual(['2012', undefined]);
    expect(date('Al Mulathamun merged into Al Murabitoun in August 2013.')).toEqual(['2013-08', undefined]);
    expect(date('Al Murabitoun carried out the Bamako hotel attack on November 20, 2015.')).toEqual([
      '2015-11-20',
      '2015-11-20',
    ]);
    expect(date('Ansar Dine was allied with AQIM in 2006-2007.')).toEqual(['2006', '2007']);
    expect(date('Since 2012, Ansar Dine has been active in Mali.')).toEqual(['2012', undefined]);
    expect(date('Ansar Dine operated in Mali until 2013.')).toEqual([undefined, '2013']);
    expect(date('Last year Ansar Dine pledged allegiance to AQIM.')).toEqual(['2016', undefined]);
  });

  it('finds a type the case added by the words of its "reads as"', () => {
    const kinship: RelationTypeDef = {
      id: 'kinship',
      reads: 'is related to',
      symmetric: true,
      lineage: false,
    };
    const text = 'Iyad Ag Ghaly is related to Mokhtar Belmokhtar by marriage.';
    expect(relations(extract(text, context())).map(ends)).toEqual([]);
    const found = relations(extract(text, context({ relationTypes: [...DEFAULT_RELATION_TYPES, kinship] })));
    expect(found.map(ends)).toEqual(['#8 kinship #4']);
    // Only the case's own vocabulary: without the default types, their phrases find nothing.
    const only = relations(
      extract('Ansar Dine was founded by Iyad Ag Ghaly.', context({ relationTypes: [kinship] })),
    );
    expect(only).toEqual([]);
  });

  it('gives the same suggestions in the same order every time, with stable keys', () => {
    const text =
      'AQIM and its offshoot Al Murabitoun claimed the Bamako hotel attack in Mali in 2015. ' +
      'Mokhtar Belmokhtar leads Al Murabitoun. The Katiba Serma Brigade (KSB) fought Ansar Dine.';
    const first = extract(text, context());
    const again = extract(text, context({ matcher: buildMatcher(ENTITIES) }));
    expect(again).toEqual(first);
    expect(new Set(first.map((s) => s.key)).size).toBe(first.length);
    for (let i = 1; i < first.length; i++) {
      const [a, b] = [first[i - 1]!, first[i]!];
      const order = { mention: 0, entity: 1, relation: 2 };
      expect(a.start < b.start || (a.start === b.start && order[a.kind] <= order[b.kind])).toBe(true);
    }
  });

  it('cites a passage of at most 120 words when a “sentence” has no end (a table, text without full stops)', () => {
    const text = 'Ansar Dine is active in Mali and AQIM is led by Mokhtar Belmokhtar and '.repeat(400);
    const found = relations(extract(text, context()));
    expect(found.length).toBeGreaterThan(40); // one set per passage (a relation is proposed once per passage)
    for (const r of found) {
      expect(r.text.split(/\s+/).length).toBeLessThanOrEqual(121);
      expect(text.slice(r.start, r.end)).toBe(r.text);
    }
  });

  it('proposes no endless name from a text in capitals', () => {
    const text =
      'THE REPORT OF THE COMMITTEE ON THE SITUATION IN THE SAHEL AND THE GROUPS ACTIVE THERE IN THE YEAR '.repeat(
        20,
      );
    const candidates = extract(text, context()).filter((s): s is EntitySuggestion => s.kind === 'entity');
    for (const c of candidates) expect(c.name.split(' ').length).toBeLessThanOrEqual(12);
  });

  it('returns nothing but mentions for a case without relation types, and copes with an empty text', () => {
    expect(extract('', context())).toEqual([]);
    const out = extract('AQIM split from nobody in Mali.', context({ relationTypes: [] }));
    expect(out.every((s) => s.kind !== 'relation')).toBe(true);
  });
});
