// Dates in a sentence, as partial ISO (2013, 2013-01, 2013-01-16): chrono-node for written dates ("January
// 2013", "March 20, 2017"), and years and year ranges it leaves alone ("2006-2007", "2012–17", "in 2013",
// "since 2012", "late 2015"). Each says whether it starts something (since, from), ends it (until) or is a point.
import * as chrono from 'chrono-node';

export interface DateMention {
  start: number;
  end: number;
  startDate?: string;
  endDate?: string;
  mode: 'point' | 'range' | 'since' | 'until';
}

const YEAR = '(1[89]\\d\\d|20\\d\\d)';
const RANGE = new RegExp(
  `(?<![\\d.]|\\d,)${YEAR}\\s*[-–—]\\s*(present|now|(?:1[89]|20)?\\d\\d)(?!\\d|,\\d)`,
  'giu',
);
const SINGLE = new RegExp(`(?<![\\d.]|\\d,)${YEAR}s?(?!\\d|,\\d)`, 'gu');
const SINCE =
  /\b(since|from|starting(?: in)?|beginning(?: in)?|as of|after)\s+(?:the\s+)?(?:(?:early|late|mid|mid-)\s*)?$/i;
const UNTIL = /\b(until|till|through|up to|before)\s+(?:(?:early|late|mid)\s+)?$/i;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
}; // prettier-ignore
/** The usual written dates, read here without chrono: "January 2013", "March 20, 2017", "20 March 2017". */
const MONTH_BEFORE_YEAR = new RegExp(
  `(?:\\b(\\d{1,2})\\s+)?\\b(${MONTH})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?,?)?\\s+$`,
  'i',
);
/** What is left for chrono: a month without a year, weekdays, relative words, numeric dates. */
const WRITTEN_DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}\\b(?!,?\\s+\\d{4})|\\b(?:in|on|since|until|by|from)\\s+${MONTH}\\b(?!\\s+\\d)|\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|ago)\\b|\\b(?:last|next|this|past)\\s+(?:week|month|year|spring|summer|autumn|fall|winter)|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}`,
  'i',
);
/** A cheap first look for WRITTEN_DATE. */
const DATE_WORD =
  /[A-Z]\w+ \d|\d\s+[A-Z]|day\b|ago\b|(?:week|month|year)\b|\d[/.]\d|\d-\d\d-|\b(?:[Ii]n|[Oo]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom) [A-Z][a-z]+\b/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates in text[from, to), offsets into the whole text. */
export function findDates(
  text: string,
  from: number,
  to: number,
  publishedOn?: string | null,
): DateMention[] {
  return new DocumentDates(text, publishedOn).in(from, to);
}

interface Found {
  start: number;
  end: number;
  startDate?: string;
  endDate?: string;
  /** A range is a range; a point gets its mode from the words before it. */
  range: boolean;
}

/**
 * The dates of one document, read once with one pass of each pattern over the whole text (sentence by
 * sentence would cost as much again in slicing), chrono only in the sentences that have a written date the
 * patterns leave to it.
 */
export class DocumentDates {
  private found: Found[] | null = null;
  private readonly reference: Date | undefined;

  constructor(
    private readonly text: string,
    publishedOn?: string | null,
  ) {
    this.reference =
      publishedOn && /^\d{4}/.test(publishedOn)
        ? new Date(`${publishedOn.slice(0, 10)}T12:00:00Z`)
        : undefined;
  }

  private scan(): Found[] {
    const { text } = this;
    const ranges: Found[] = [];
    for (const m of text.matchAll(RANGE)) {
      const a = Number(m[1]);
      const tail = m[2]!.toLowerCase();
      const at = { start: m.index, end: m.index + m[0].length };
      if (tail === 'present' || tail === 'now') {
        ranges.push({ ...at, startDate: String(a), range: true });
        continue;
      }
      const b = tail.length === 2 ? Math.floor(a / 100) * 100 + Number(tail) : Number(tail);
      if (b >= a && b - a <= 60)
        ranges.push({ ...at, startDate: String(a), endDate: String(b), range: true });
    }
    // Years first (digits are rare), then a month (and day) just before each: "January 2013", "March 20, 2017".
    const months: Found[] = [];
    const years: Found[] = [];
    for (const m of text.matchAll(SINGLE)) {
      const end = m.index + m[0].length;
      const before = MONTH_BEFORE_YEAR.exec(text.slice(Math.max(0, m.index - 20), m.index));
      if (before && !m[0].endsWith('s')) {
        const day = Number(before[1] ?? before[3] ?? 0);
        const month = MONTH_NUMBER[before[2]!.slice(0, 3).toLowerCase()]!;
        const date = `${m[1]}-${pad(month)}${day >= 1 && day <= 31 ? `-${pad(day)}` : ''}`;
        months.push({ start: m.index - before[0].length, end, startDate: date, range: false });
      } else years.push({ start: m.index, end, startDate: m[1], range: false });
    }
    return union(union(ranges, months), years);
  }

  /** The dates in text[from, to), with their modes. */
  in(from: number, to: number): DateMention[] {
    this.found ??= this.scan();
    let found = slice(this.found, from, to);
    if (this.hasWritten(from, to)) found = union(this.chrono(from, to), found); // chrono reads 3/4/2016 whole
    return found.map((d) => this.withMode(d, from));
  }

  /** Whether chrono is needed: a month not followed by a year, a weekday, a relative word, 3/4/2016. */
  private hasWritten(from: number, to: number): boolean {
    const sentence = this.text.slice(from, to);
    return DATE_WORD.test(sentence) && WRITTEN_DATE.test(sentence);
  }

  private chrono(from: number, to: number): Found[] {
    const { reference } = this;
    const out: Found[] = [];
    for (const r of chrono.parse(this.text.slice(from, to), reference ?? new Date(Date.UTC(2000, 0, 1)))) {
      // Without a digit only a date anchored on the document's date ("last year", "In March"), never a
      // lower-case word ("may also be").
      if (!/\d/.test(r.text) && (!reference || /^\p{Ll}+$/u.test(r.text.trim()))) continue;
      const date = partial(r.start, Boolean(reference));
      if (!date) continue;
      const endDate = r.end ? partial(r.end, Boolean(reference)) : undefined;
      const start = from + r.index;
      out.push({ start, end: start + r.text.length, startDate: date, endDate, range: Boolean(endDate) });
    }
    return out;
  }

  private withMode(d: Found, sentenceStart: number): DateMention {
    if (d.range)
      return { start: d.start, end: d.end, startDate: d.startDate, endDate: d.endDate, mode: 'range' };
    const before = this.text.slice(Math.max(sentenceStart, d.start - 30), d.start);
    const mode = SINCE.test(before) ? 'since' : UNTIL.test(before) ? 'until' : 'point';
    return mode === 'until'
      ? { start: d.start, end: d.end, endDate: d.startDate, mode }
      : { start: d.start, end: d.end, startDate: d.startDate, mode };
  }
}

function slice(found: Found[], from: number, to: number): Found[] {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Found[] = [];
  for (let k = lo; k < found.length && found[k]!.end <= to; k++) out.push(found[k]!);
  return out;
}

/** Both lists in text order, the first one's dates winning where they overlap. */
function union(first: Found[], second: Found[]): Found[] {
  if (!second.length) return first;
  const out: Found[] = [];
  let j = 0;
  for (const b of second) {
    while (j < first.length && first[j]!.end <= b.start) out.push(first[j++]!);
    let overlaps = false;
    for (let k = j; k < first.length && first[k]!.start < b.end; k++)
      if (first[k]!.end > b.start) overlaps = true;
    if (!overlaps) out.push(b);
  }
  while (j < first.length) out.push(first[j++]!);
  return out.sort((a, b) => a.start - b.start);
}

/** chrono's parsed components as partial ISO: only what the text says (a year it had to imply is dropped
 * unless the document's date was given as the reference). */
function partial(c: chrono.ParsedComponents, hasReference: boolean): string | undefined {
  if (!c.isCertain('year') && !hasReference) return undefined;
  if (!c.isCertain('month') && !c.isCertain('year')) return undefined;
  const year = c.get('year');
  if (!year) return undefined;
  let out = String(year);
  if (c.isCertain('month')) {
    out += `-${pad(c.get('month')!)}`;
    if (c.isCertain('day')) out += `-${pad(c.get('day')!)}`;
  }
  return out;
}
