import { describe, expect, it } from 'vitest';
import { locateCitations, runsOf } from './passages';

describe('highlighting cited passages', () => {
  const text = 'GSPC became AQIM in 2007. AQIM operates in Mali.';

  it('finds a citation without offsets by its quote, and drops one whose quote is gone', () => {
    const located = locateCitations(text, [
      { id: 1, quote: 'AQIM operates in Mali', start: null, end: null },
      { id: 2, quote: 'GSPC', start: 0, end: 4 },
      { id: 3, quote: 'not in the text', start: null, end: null },
      { id: 4, quote: 'became', start: 40, end: 46 },
    ]);
    expect(located).toEqual([
      { id: 1, start: 26, end: 47 },
      { id: 2, start: 0, end: 4 },
      { id: 4, start: 5, end: 11 },
    ]);
  });

  it('splits overlapping citations into runs that cover the whole text exactly once', () => {
    const runs = runsOf(
      text.length,
      [
        { id: 1, start: 0, end: 16 },
        { id: 2, start: 12, end: 24 },
      ],
      { start: 26, end: 30 },
    );
    expect(runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(text);
    expect(runs.find((r) => text.slice(r.start, r.end) === 'AQIM')).toMatchObject({ citationIds: [1, 2] });
    expect(runs.find((r) => r.start === 26)).toMatchObject({ focused: true, citationIds: [] });
  });
});
