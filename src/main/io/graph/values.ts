// Typed attribute values shared by the readers and writers: parsing a file's text by its
// declared type, inferring a type from JSON values, colours, and warnings counted per cause.
import type { AttrDef, AttrType, AttrValue } from './types';

/** A file's own type name (GEXF, GraphML) mapped onto ours. */
export function attrTypeOf(fileType: string | undefined): AttrType {
  const t = (fileType ?? 'string').toLowerCase();
  if (t.startsWith('list') || t.startsWith('vector')) return 'list';
  if (['integer', 'int', 'long', 'short', 'byte', 'biginteger'].includes(t)) return 'integer';
  if (['float', 'double', 'bigdecimal'].includes(t)) return 'double';
  if (t === 'boolean') return 'boolean';
  if (t === 'date' || t === 'datetime') return 'date';
  return 'string';
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a file's text, or undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (!DECIMAL.test(s)) return undefined;
  return Number(s);
}

/** A GEXF/GraphML list: JSON ("[1, 2]"), bracketed ("[a, b]") or bar-separated ("a|b"). */
export function parseList(raw: string, itemType: AttrType = 'string'): AttrValue[] {
  const s = raw.trim();
  if (s === '') return [];
  if (s.startsWith('[') && s.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed)) return parsed as AttrValue[];
    } catch {
      // Not JSON: Gephi's "[a, b]" form.
    }
    return s
      .slice(1, -1)
      .split(',')
      .map((item) => typedItem(item.trim(), itemType));
  }
  return s.split('|').map((item) => typedItem(item, itemType));
}

function typedItem(raw: string, itemType: AttrType): AttrValue {
  if (itemType === 'integer' || itemType === 'double') return parseNumber(raw) ?? raw;
  if (itemType === 'boolean') return parseBoolean(raw) ?? raw;
  return raw;
}

export function parseBoolean(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  return undefined;
}

/** The item type of a GEXF list type ('listinteger' → integer). */
export function listItemType(fileType: string | undefined): AttrType {
  return attrTypeOf((fileType ?? '').toLowerCase().replace(/^list/, '') || 'string');
}

/**
 * A value from a file's text by its declared type; undefined when the text does not fit the type
 * (the caller keeps the text and says so).
 */
export function parseTyped(raw: string, type: AttrType, fileType?: string): AttrValue | undefined {
  switch (type) {
    case 'integer': {
      const s = raw.trim();
      if (!INTEGER.test(s)) return undefined;
      const n = Number(s);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'double':
      return parseNumber(raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'list':
      return parseList(raw, listItemType(fileType));
    default:
      return raw;
  }
}

/** The narrowest of our types that holds every value (JSON formats declare none). */
export function inferType(values: Iterable<AttrValue>): AttrType {
  let type: AttrType | null = null;
  for (const v of values) {
    if (v === null) continue;
    const t: AttrType = Array.isArray(v)
      ? 'list'
      : typeof v === 'boolean'
        ? 'boolean'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'integer'
            : 'double'
          : 'string';
    if (type === null || type === t) type = t;
    else if ((type === 'integer' && t === 'double') || (type === 'double' && t === 'integer'))
      type = 'double';
    else return 'string';
  }
  return type ?? 'string';
}

/** Turns an arbitrary JSON value into an AttrValue: nested objects are kept as their JSON text. */
export function toAttrValue(value: unknown): AttrValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(toAttrValue);
  if (value === undefined) return null;
  return JSON.stringify(value);
}

export function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');
}

/** '#rrggbb', or '#rrggbbaa' when the alpha (0–1) is below 1. */
export function rgbToHex(r: number, g: number, b: number, a?: number): string {
  const alpha = a !== undefined && a < 1 ? hex2(a * 255) : '';
  return `#${hex2(r)}${hex2(g)}${hex2(b)}${alpha}`;
}

/** r, g, b (0–255) and a (0–1) from '#rgb', '#rrggbb' or '#rrggbbaa'; null for names ('yellow'). */
export function hexToRgb(color: string): { r: number; g: number; b: number; a: number } | null {
  // The usual '#rrggbb' without a regular expression: writers call this once per node.
  if (color.length === 7 && color.charCodeAt(0) === 35) {
    let v = 0;
    for (let i = 1; i < 7; i++) {
      const c = color.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (d < 0) return null;
      v = v * 16 + d;
    }
    return { r: v >> 16, g: (v >> 8) & 255, b: v & 255, a: 1 };
  }
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (!m) return null;
  let h = m[1]!;
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? Math.round((n(6) / 255) * 1000) / 1000 : 1 };
}

/** Collects what a reader could not keep, one sentence per cause with a count. */
export class Warnings {
  private readonly counts = new Map<string, { count: number; say: (n: number) => string }>();

  add(cause: string, say: (count: number) => string): void {
    const entry = this.counts.get(cause);
    if (entry) entry.count++;
    else this.counts.set(cause, { count: 1, say });
  }

  list(): string[] {
    return [...this.counts.values()].map(({ count, say }) => say(count));
  }
}

/** "1 value" / "3 values". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Unique attribute keys: a second "x" becomes "x (2)". */
export function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let i = 2; taken.has(key); i++) key = `${wanted} (${i})`;
  taken.add(key);
  return key;
}

/** AttrDefs for JSON-born attributes, typed from their values. */
export function defsFromValues(items: { attrs: Record<string, AttrValue> }[]): AttrDef[] {
  const byKey = new Map<string, AttrValue[]>();
  for (const item of items)
    for (const [key, value] of Object.entries(item.attrs)) {
      const list = byKey.get(key);
      if (list) list.push(value);
      else byKey.set(key, [value]);
    }
  return [...byKey].map(([key, values]) => ({ key, title: key, type: inferType(values) }));
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** True for a partial ISO date (2013, 2013-01, 2013-01-16). */
export function isPartialDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/** The first day a partial date covers ('2013' → '2013-01-01'), for formats that want full dates. */
export function firstDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/** The last day a partial date covers ('2013-02' → '2013-02-28'). */
export function lastDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  if (!m) return date;
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${date}-${String(days).padStart(2, '0')}`;
}
