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
  `(?<![\\d,.])${YEAR}\\s*[-–—]\\s*(present|now|(?:1[89]|20)?\\d\\d)(?![\\d,])`,
  'giu',
);
const SINGLE = new RegExp(`(?<![\\d,.])${YEAR}s?(?![\\d,])`, 'gu');
const SINCE =
  /\b(since|from|starting(?: in)?|beginning(?: in)?|as of|after)\s+(?:the\s+)?(?:(?:early|late|mid|mid-)\s*)?$/i;
const UNTIL = /\b(until|till|through|up to|before)\s+(?:(?:early|late|mid)\s+)?$/i;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates in text[from, to), offsets into the whole text. */
export function findDates(
  text: string,
  from: number,
  to: number,
  publishedOn?: string | null,
): DateMention[] {
  const sentence = text.slice(from, to);
  if (!/\d/.test(sentence)) return [];
  const found: DateMention[] = [];
  const taken = (s: number, e: number): boolean => found.some((d) => d.start < e && s < d.end);
  const modeBefore = (at: number): DateMention['mode'] => {
    const before = sentence.slice(Math.max(0, at - 30), at);
    return SINCE.test(before) ? 'since' : UNTIL.test(before) ? 'until' : 'point';
  };

  for (const m of sentence.matchAll(RANGE)) {
    const a = Number(m[1]);
    const tail = m[2]!.toLowerCase();
    if (tail === 'present' || tail === 'now') {
      found.push({
        start: from + m.index,
        end: from + m.index + m[0].length,
        startDate: String(a),
        mode: 'since',
      });
      continue;
    }
    const b = tail.length === 2 ? Math.floor(a / 100) * 100 + Number(tail) : Number(tail);
    if (b < a || b - a > 60) continue;
    found.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      startDate: String(a),
      endDate: String(b),
      mode: 'range',
    });
  }

  const reference =
    publishedOn && /^\d{4}/.test(publishedOn) ? new Date(`${publishedOn.slice(0, 10)}T12:00:00Z`) : undefined;
  for (const r of chrono.parse(sentence, reference ?? new Date(Date.UTC(2000, 0, 1)))) {
    const start = from + r.index;
    const end = start + r.text.length;
    if (taken(start, end)) continue;
    // Without a digit only a relative date anchored on the document's date ("last year"), never a bare
    // month word ("may also be", "March").
    if (!/\d/.test(r.text) && (!reference || /^\p{L}+\.?$/u.test(r.text.trim()))) continue;
    const date = partial(r.start, Boolean(reference));
    if (!date) continue;
    const endDate = r.end ? partial(r.end, Boolean(reference)) : undefined;
    const mode = endDate ? 'range' : modeBefore(r.index);
    found.push({
      start,
      end,
      ...(mode === 'until' ? { endDate: date } : { startDate: date }),
      ...(endDate ? { endDate } : {}),
      mode,
    });
  }

  for (const m of sentence.matchAll(SINGLE)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const mode = modeBefore(m.index);
    found.push({ start, end, ...(mode === 'until' ? { endDate: m[1] } : { startDate: m[1] }), mode });
  }
  return found.sort((a, b) => a.start - b.start);
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
