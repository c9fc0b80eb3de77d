// Partial ISO dates as periods of time. "2013" is not a day: it covers the whole year, from its
// first instant to its last, so "active to 2013" still holds in December 2013 and an entity active
// from 2013-06 overlaps a window that ends in 2013.
import { PARTIAL_DATE } from './vocab';

/** A span of time in UTC milliseconds, end exclusive. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** The period a partial ISO date covers ("2013-02" → all of February 2013); null if it is not one. */
export function periodOf(date: string | null | undefined): TimeSpan | null {
  if (!date || !PARTIAL_DATE.test(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
  if (d === undefined) return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) };
  return { start: Date.UTC(y, m - 1, d), end: Date.UTC(y, m - 1, d + 1) };
}

/**
 * Whether an end date can follow a start date: compared on their common precision, so
 * "2013" … "2013-01" is in order (the year contains the month) and "2013-02" … "2013-01-31" is not.
 */
export function lifetimeInOrder(from: string, to: string): boolean {
  const n = Math.min(from.length, to.length);
  return from.slice(0, n) <= to.slice(0, n);
}

/**
 * The time something held, from two partial dates: an open (null) end reaches as far as time goes;
 * null when both are null (undated).
 */
export function spanOf(from: string | null | undefined, to: string | null | undefined): TimeSpan | null {
  if (!from && !to) return null;
  return {
    start: periodOf(from)?.start ?? -Infinity,
    end: periodOf(to)?.end ?? Infinity,
  };
}

/** Whether two spans share at least one instant (ends exclusive). */
export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The whole UTC years a span covers: [first, last] (a window ending at 2014-01-01 ends in 2013). */
export function yearsOf(span: TimeSpan): { from: number; to: number } {
  return { from: new Date(span.start).getUTCFullYear(), to: new Date(span.end - 1).getUTCFullYear() };
}

/** Whole years from…to, inclusive, as a span. */
export function spanOfYears(from: number, to: number): TimeSpan {
  return { start: Date.UTC(from, 0, 1), end: Date.UTC(to + 1, 0, 1) };
}

/**
 * The extent of the dates given (each taken as its period), or null when none is a date: a case
 * with no dates has no time to show, and no invented one.
 */
export function extentOf(dates: Iterable<string | null | undefined>): TimeSpan | null {
  let start = Infinity;
  let end = -Infinity;
  for (const date of dates) {
    const period = periodOf(date);
    if (!period) continue;
    if (period.start < start) start = period.start;
    if (period.end > end) end = period.end;
  }
  return start < end ? { start, end } : null;
}
