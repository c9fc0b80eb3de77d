// Dates in a sentence come back as partial ISO with what they mean for a relation (since, until, a range).
import { describe, expect, it } from 'vitest';
import { findDates } from './dates';

const dates = (text: string, publishedOn: string | null = null): [string?, string?, string?][] =>
  findDates(text, 0, text.length, publishedOn).map((d) => [d.startDate, d.endDate, d.mode]);

describe('dates', () => {
  it('reads years, months and days as partial ISO', () => {
    expect(dates('In 2013 and in January 2013 and on March 20, 2017 and on 20 March 2017.')).toEqual([
      ['2013', undefined, 'point'],
      ['2013-01', undefined, 'point'],
      ['2017-03-20', undefined, 'point'],
      ['2017-03-20', undefined, 'point'],
    ]);
  });

  it('reads year ranges, open ranges, since and until', () => {
    expect(dates('clashes in 2006-2007, Ansar (2012–17), the insurgency (2002–present)')).toEqual([
      ['2006', '2007', 'range'],
      ['2012', '2017', 'range'],
      ['2002', undefined, 'range'],
    ]);
    expect(dates('Since 2012 it grew; from 2014 it held towns; until 2007 it was the GSPC.')).toEqual([
      ['2012', undefined, 'since'],
      ['2014', undefined, 'since'],
      [undefined, '2007', 'until'],
    ]);
  });

  it('takes relative dates from the document’s date, and nothing from numbers that are not years', () => {
    expect(dates('Last year the group split.', '2017-03-20')).toEqual([['2016', undefined, 'point']]);
    expect(dates('Last year the group split.')).toEqual([]);
    expect(dates('Some 1,000 to 4,000 fighters; 5,100 troops; 2.5 million people.')).toEqual([]);
    expect(dates('The group may also be active.', '2017-03-20')).toEqual([]);
  });

  it('gives offsets into the whole text', () => {
    const text = 'First sentence. Then in June 2015 a strike.';
    const from = text.indexOf('Then');
    const [d] = findDates(text, from, text.length, null);
    expect(text.slice(d!.start, d!.end)).toBe('June 2015');
  });
});
