import { describe, expect, it } from 'vitest';
import { extentOf, lifetimeInOrder, overlaps, periodOf, spanOf, spanOfYears, yearsOf } from './time';

describe('partial dates as periods', () => {
  it('lets a partial date cover its whole period', () => {
    expect(periodOf('2013')).toEqual({ start: Date.UTC(2013, 0, 1), end: Date.UTC(2014, 0, 1) });
    expect(periodOf('2013-02')).toEqual({ start: Date.UTC(2013, 1, 1), end: Date.UTC(2013, 2, 1) });
    expect(periodOf('2013-12-31')).toEqual({ start: Date.UTC(2013, 11, 31), end: Date.UTC(2014, 0, 1) });
    expect(periodOf('early 2013')).toBeNull();
    expect(periodOf(null)).toBeNull();
  });

  it('keeps an entity active to 2013 inside a window of December 2013, and outside 2014', () => {
    const mujao = spanOf(null, '2013')!;
    expect(overlaps(mujao, { start: Date.UTC(2013, 11, 1), end: Date.UTC(2014, 0, 1) })).toBe(true);
    expect(overlaps(mujao, spanOfYears(2014, 2014))).toBe(false);
    expect(overlaps(mujao, spanOfYears(1990, 1990))).toBe(true); // an open start reaches back
    expect(spanOf(null, null)).toBeNull();
  });

  it('orders lifetime ends on their common precision', () => {
    expect(lifetimeInOrder('2013', '2013-01')).toBe(true);
    expect(lifetimeInOrder('2013-02', '2013-01-31')).toBe(false);
    expect(lifetimeInOrder('2017', '2013')).toBe(false);
  });

  it('gives no extent to a case without dates', () => {
    expect(extentOf([null, undefined, 'soon'])).toBeNull();
    expect(extentOf(['2007', '2013-01-16', null])).toEqual({
      start: Date.UTC(2007, 0, 1),
      end: Date.UTC(2013, 0, 17),
    });
    expect(yearsOf(spanOfYears(2007, 2013))).toEqual({ from: 2007, to: 2013 });
  });
});
