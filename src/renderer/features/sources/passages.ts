// Splits a document into runs of text, each with the citations (and the searched passage) covering it,
// so overlapping citations highlight correctly.
export interface Located {
  id: number;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  citationIds: number[];
  focused: boolean;
}

/** Citation offsets into the text; a citation without offsets is found by its quote, or left out. */
export function locateCitations(
  text: string,
  citations: { id: number; quote: string; start: number | null; end: number | null }[],
): Located[] {
  const located: Located[] = [];
  for (const c of citations) {
    if (
      c.start !== null &&
      c.end !== null &&
      c.end <= text.length &&
      text.slice(c.start, c.end) === c.quote
    ) {
      located.push({ id: c.id, start: c.start, end: c.end });
      continue;
    }
    const at = c.quote ? text.indexOf(c.quote) : -1;
    if (at >= 0) located.push({ id: c.id, start: at, end: at + c.quote.length });
  }
  return located;
}

/** `breaks` are extra places a run must start (page starts), so a page marker can go before it. */
export function runsOf(
  length: number,
  located: Located[],
  focus: { start: number; end: number } | null,
  breaks: number[] = [],
): Run[] {
  const cuts = new Set<number>([0, length]);
  for (const at of breaks) if (at > 0 && at < length) cuts.add(at);
  for (const c of located) {
    cuts.add(Math.max(0, Math.min(length, c.start)));
    cuts.add(Math.max(0, Math.min(length, c.end)));
  }
  if (focus) {
    cuts.add(Math.max(0, Math.min(length, focus.start)));
    cuts.add(Math.max(0, Math.min(length, focus.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    runs.push({
      start,
      end,
      citationIds: located.filter((c) => c.start <= start && c.end >= end).map((c) => c.id),
      focused: !!focus && focus.start <= start && focus.end >= end,
    });
  }
  return runs;
}
