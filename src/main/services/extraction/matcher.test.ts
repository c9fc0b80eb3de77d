// The name matcher finds the case's entities however a text spells them, and only whole names.
import { describe, expect, it } from 'vitest';
import { buildMatcher } from './matcher';
import { tokenize } from './tokens';
import type { KnownEntity } from './types';

const CASE: KnownEntity[] = [
  { id: 1, type: 'organization', name: 'Al Qaeda', aliases: [] },
  { id: 2, type: 'organization', name: 'Al Qaeda in the Islamic Maghreb', aliases: ['AQIM'] },
  { id: 3, type: 'organization', name: 'Al Murabitoun', aliases: [] },
  { id: 4, type: 'person', name: 'Mokhtar Belmokhtar', aliases: [] },
  { id: 5, type: 'organization', name: 'Islamic State', aliases: ['IS'] },
  { id: 6, type: 'location', name: 'Côte d’Ivoire', aliases: [] },
  { id: 7, type: 'organization', name: 'Jama’at Nusrat al Islam wal Muslimeen', aliases: [] },
  { id: 8, type: 'person', name: 'Abdelmalek Droukdel', aliases: [] },
  { id: 9, type: 'organization', name: 'Harakat al-Shabaab al-Mujahideen', aliases: ['al-Shabaab'] },
  { id: 10, type: 'person', name: 'Amadou Koufa', aliases: [] },
  { id: 11, type: 'organization', name: 'Ansar al-Din', aliases: [] },
  { id: 12, type: 'location', name: 'Mali', aliases: [] },
  { id: 13, type: 'organization', name: 'Ansar al-Sharia (Libya)', aliases: [] },
  { id: 14, type: 'organization', name: 'Ansar al-Sharia (Tunisia)', aliases: [] },
  { id: 15, type: 'person', name: 'Abubakar Shekau', aliases: [] },
  { id: 16, type: 'location', name: 'United States', aliases: ['U.S.'] },
];
const matcher = buildMatcher(CASE);

/** The mentions in a text as [surface, entity id]. */
function found(text: string): [string, number][] {
  return matcher.find(text, tokenize(text)).map((m) => [text.slice(m.start, m.end), m.entityId]);
}

describe('name matcher', () => {
  it('finds a name whatever its case', () => {
    expect(found('A report on AL MURABITOUN and al murabitoun.')).toEqual([
      ['AL MURABITOUN', 3],
      ['al murabitoun', 3],
    ]);
  });

  it('ignores diacritics', () => {
    expect(found('Attacks in Cote d’Ivoire.')).toEqual([['Cote d’Ivoire', 6]]);
  });

  it("treats hyphens, spaces and the apostrophes ’ ' ʼ ` alike", () => {
    expect(found("Jama'at Nusrat al-Islam wal-Muslimeen")).toEqual([
      ["Jama'at Nusrat al-Islam wal-Muslimeen", 7],
    ]);
    expect(found('Jamaʼat Nusrat al Islam wal Muslimeen')).toEqual([
      ['Jamaʼat Nusrat al Islam wal Muslimeen', 7],
    ]);
    expect(found('Jama`at Nusrat al Islam wal Muslimeen')).toEqual([
      ['Jama`at Nusrat al Islam wal Muslimeen', 7],
    ]);
    expect(found("Côte d'Ivoire")).toEqual([["Côte d'Ivoire", 6]]);
  });

  it('reads the article forms al-, el-, Al and the assimilated ones', () => {
    expect(found('al-Qaeda, el-Qaeda, Al Qaeda, Qaeda')).toEqual([
      ['al-Qaeda', 1],
      ['el-Qaeda', 1],
      ['Al Qaeda', 1],
      ['Qaeda', 1],
    ]);
    expect(found('Ansar ad-Din, Ansar Eddine and Ansar al Din')).toEqual([
      ['Ansar ad-Din', 11],
      ['Ansar Eddine', 11],
      ['Ansar al Din', 11],
    ]);
  });

  it('meets the common transliteration variants of Arabic names', () => {
    expect(found('Al Mourabitoun, Al-Murabitun')).toEqual([
      ['Al Mourabitoun', 3],
      ['Al-Murabitun', 3],
    ]); // ou/u
    expect(found('Mokhtar Bel Mokhtar')).toEqual([['Mokhtar Bel Mokhtar', 4]]); // words split
    expect(found('al-Qaida')).toEqual([['al-Qaida', 1]]); // Qaeda/Qaida
    expect(found('al-Shabab and Al Shabaab')).toEqual([
      ['al-Shabab', 9],
      ['Al Shabaab', 9],
    ]); // doubled letters
    expect(found('Amadou Kouffa')).toEqual([['Amadou Kouffa', 10]]); // doubled letters, ou/u
    expect(found('Jama’at Nusrat al Islam wal Muslimin')).toEqual([
      ['Jama’at Nusrat al Islam wal Muslimin', 7],
    ]); // ee/i
    expect(found('Abdelmalik Droukdel and Abdul Malek Droukdel')).toEqual([
      ['Abdelmalik Droukdel', 8],
      ['Abdul Malek Droukdel', 8],
    ]);
  });

  it('takes the longest name where names nest', () => {
    expect(found('Al Qaeda in the Islamic Maghreb and Al Qaeda')).toEqual([
      ['Al Qaeda in the Islamic Maghreb', 2],
      ['Al Qaeda', 1],
    ]);
  });

  it('matches an acronym in capitals only, so "is" is not the Islamic State', () => {
    expect(found('Is the group active? IS is; aqim is not AQIM.')).toEqual([
      ['IS', 5],
      ['AQIM', 2],
    ]);
    expect(found('Attacks on U.S. interests, and the U.S government.')).toEqual([
      ['U.S.', 16],
      ['U.S', 16],
    ]);
    expect(found('They told us.')).toEqual([]);
  });

  it('does not match inside a word', () => {
    expect(found('Malian forces in Somalia')).toEqual([]);
    expect(found('AQIM-linked groups and MaliMali')).toEqual([['AQIM', 2]]);
  });

  it('scores an exact match above a variant', () => {
    const text = 'Al Murabitoun and Al Mourabitoun';
    const [exact, variant] = matcher.find(text, tokenize(text));
    expect(exact!.score).toBe(1);
    expect(variant!.score).toBeLessThan(exact!.score);
    expect(variant!.score).toBeGreaterThan(0.5);
    expect(variant!.matched).toBe('Al Murabitoun');
  });

  it('reads a name without its bracketed qualifier, and the qualifier nearby settles which one', () => {
    expect(found('In Tunisian courts, Ansar al-Sharia was banned.')).toEqual([['Ansar al-Sharia', 14]]);
    const both = matcher.find('Ansar al-Sharia grew.', tokenize('Ansar al-Sharia grew.'));
    expect(both.map((m) => m.entityId)).toEqual([13, 14]);
    expect(both.every((m) => m.score <= 0.5)).toBe(true);
  });

  it('finds a person by surname once the full name has appeared', () => {
    expect(found('Shekau spoke. Abubakar Shekau took over; later Shekau pledged.')).toEqual([
      ['Abubakar Shekau', 15],
      ['Shekau', 15],
    ]);
  });

  it('matches a name in Arabic script with or without its vowel marks, and takes no Arabic word for an acronym', () => {
    const arabic = buildMatcher([
      { id: 1, type: 'organization', name: 'Al Qaeda', aliases: ['القاعدة'] },
      { id: 2, type: 'organization', name: 'Islamic State', aliases: ['IS'] },
    ]);
    const text = 'بيان تنظيم القَاعِدة اليوم وتنظيم القاعدة';
    expect(arabic.find(text, tokenize(text)).map((m) => [text.slice(m.start, m.end), m.entityId])).toEqual([
      ['القَاعِدة', 1],
      ['القاعدة', 1],
    ]);
    expect(tokenize('القاعدة').every((t) => t.cap && !t.upper)).toBe(true);
  });

  it('keeps apart names whose keys differ only where spellings do not vary', () => {
    const two = buildMatcher([
      { id: 1, type: 'location', name: 'Niger', aliases: [] },
      { id: 2, type: 'location', name: 'Nigeria', aliases: [] },
    ]);
    const text = 'Niger and Nigeria';
    expect(two.find(text, tokenize(text)).map((m) => m.entityId)).toEqual([1, 2]);
  });
});
