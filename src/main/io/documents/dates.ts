// Dates a file states, as partial ISO 8601: '2013', '2013-01' or '2013-01-16', as precise as written.
import { createRequire } from 'node:module';

// chrono-node takes 0.2–0.5 s to load and only free-form dates need it: loaded on first use.
let chrono: typeof import('chrono-node').strict | null = null;
const strictChrono = (): typeof import('chrono-node').strict =>
  (chrono ??= (createRequire(import.meta.url)('chrono-node') as typeof import('chrono-node')).strict);

const pad = (n: number): string => String(n).padStart(2, '0');

function partial(year: number, month?: number, day?: number): string | null {
  if (!(year >= 1000 && year <= 9999)) return null;
  if (month === undefined) return String(year);
  if (!(month >= 1 && month <= 12)) return String(year);
  if (day === undefined || !(day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate())) {
    return `${year}-${pad(month)}`;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as the file writes it: ISO forms ('2013-01-16T10:00:00Z' → '2013-01-16', '2013-01'), a PDF date
 * ('D:20170320…'), or an English date chrono-node reads strictly ('16 January 2013', 'Mon, 20 Mar 2017').
 * The calendar date as written is kept (no time-zone shift).
 */
export function toPartialDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(text);
  if (pdf)
    return partial(Number(pdf[1]), pdf[2] ? Number(pdf[2]) : undefined, pdf[3] ? Number(pdf[3]) : undefined);
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(text);
  if (iso)
    return partial(Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return partial(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const [parsed] = strictChrono().parse(text);
  if (!parsed || !parsed.start.isCertain('year')) return null;
  const { start } = parsed;
  return partial(
    start.get('year')!,
    start.isCertain('month') ? start.get('month')! : undefined,
    start.isCertain('day') ? start.get('day')! : undefined,
  );
}
