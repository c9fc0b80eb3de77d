// Declared attributes of the XML formats (GEXF <attribute>, GraphML <key>): their types, defaults
// and roles, and how a value lands on a node or an edge.
import { assignRoles, type EdgeRole, type NodeRole } from './roles';
import {
  FormatError,
  type AttrDef,
  type AttrType,
  type AttrValue,
  type NeutralEdge,
  type NeutralNode,
} from './types';
import { isPartialDate, parseList, parseNumber, parseTyped, plural, uniqueKey, Warnings } from './values';

export interface Decl {
  id: string;
  key: string;
  title: string;
  type: AttrType;
  fileType: string | undefined;
  default?: AttrValue;
  dynamic: boolean;
  role?: NodeRole | EdgeRole;
  /** Our own list marker on GraphML string keys. */
}

export class DeclTable {
  private readonly byId = new Map<string, Decl>();
  private readonly keys = new Set<string>();
  private rolesDone = false;
  /** Declarations with a default, applied to items that lack a value. */
  withDefault: Decl[] = [];

  constructor(
    readonly kind: 'node' | 'edge',
    private readonly warnings: Warnings,
  ) {}

  declare(
    id: string,
    title: string | undefined,
    type: AttrType,
    fileType: string | undefined,
    dynamic: boolean,
  ): Decl {
    const key = uniqueKey(title || id, this.keys);
    const decl: Decl = { id, key, title: title || id, type, fileType, dynamic };
    const previous = this.byId.get(id);
    this.byId.set(id, decl);
    if (previous && this.list.includes(previous)) this.list[this.list.indexOf(previous)] = decl;
    else if (this.list.length < 16) this.list.push(decl);
    return decl;
  }

  get(id: string): Decl | undefined {
    // Files declare a handful of attributes and name them on every value: a short scan beats hashing.
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return list[i];
    return list.length < 16 ? undefined : this.byId.get(id);
  }

  private list: Decl[] = [];

  has(id: string): boolean {
    return this.byId.has(id);
  }

  setDefault(decl: Decl, raw: string): void {
    decl.default = this.parse(decl, raw);
    if (!this.withDefault.includes(decl)) this.withDefault.push(decl);
  }

  /** Roles are given once every declaration is known (before the first node or edge). */
  finish(): void {
    if (this.rolesDone) return;
    this.rolesDone = true;
    const decls = [...this.byId.values()];
    const roles = assignRoles<NodeRole | EdgeRole>(
      decls.map((d) => d.key),
      this.kind,
    );
    for (const d of decls) {
      const role = roles.get(d.key);
      // A colour or a date that is not text stays an ordinary attribute.
      if ((role === 'color' || role === 'parent') && d.type !== 'string') continue;
      if ((role === 'startDate' || role === 'endDate') && d.type !== 'string' && d.type !== 'date') continue;
      if (role) d.role = role;
    }
  }

  /** The declarations that stay attributes, as AttrDefs. */
  defs(): AttrDef[] {
    return [...this.byId.values()]
      .filter((d) => !d.role)
      .map((d) => {
        const def: AttrDef = { key: d.key, title: d.title, type: d.type };
        if (d.default !== undefined) def.default = d.default;
        if (d.dynamic) def.dynamic = true;
        return def;
      });
  }

  /** A value by the declared type; text that does not fit is kept as text and counted. */
  parse(decl: Decl, raw: string): AttrValue {
    const value = parseTyped(raw, decl.type, decl.fileType);
    if (value !== undefined) return value;
    if (raw.trim() === '') return null;
    this.warnings.add(`type:${this.kind}:${decl.key}`, (n) => {
      const what =
        decl.type === 'integer'
          ? 'whole numbers'
          : decl.type === 'double'
            ? 'numbers'
            : `${decl.type} values`;
      return `${plural(n, `${this.kind} value`)} of “${decl.title}” ${n === 1 ? 'is' : 'are'} not ${what} as declared; kept as text.`;
    });
    return raw;
  }
}

/** Neutral fields a file gave as attributes, held until the item closes (dates need the spells first). */
export interface Pending {
  startDate?: string;
  endDate?: string;
}

export function applyNodeValue(node: NeutralNode, decl: Decl, value: AttrValue, pending: Pending): void {
  switch (decl.role) {
    case 'type':
      if (value !== null && value !== '') node.type = String(value);
      return;
    case 'aliases':
      node.aliases = toStrings(value);
      return;
    case 'tags':
      node.tags = toStrings(value);
      return;
    case 'summary':
      if (value !== null) node.summary = String(value);
      return;
    case 'color':
      if (value !== null && value !== '' && node.color === undefined) node.color = String(value);
      return;
    case 'parent':
      if (value !== null && value !== '') node.parent = String(value);
      return;
    case 'startDate':
    case 'endDate':
      if (typeof value === 'string' && isPartialDate(value)) pending[decl.role] = value;
      else node.attrs[decl.key] = value;
      return;
    default:
      node.attrs[decl.key] = value;
  }
}

export function applyEdgeValue(
  edge: NeutralEdge,
  decl: Decl,
  value: AttrValue,
  pending: Pending,
  line: number,
): void {
  switch (decl.role) {
    case 'type':
      if (value === null || value === '') return;
      // A GEXF `kind` already gave the type: a different value stays an attribute.
      if (edge.type !== null && edge.type !== String(value)) edge.attrs[decl.key] = value;
      else edge.type = String(value);
      return;
    case 'summary':
      if (value !== null) edge.summary = String(value);
      return;
    case 'weight': {
      if (value === null) return;
      const weight = typeof value === 'number' ? value : parseNumber(String(value));
      if (weight === undefined || !Number.isFinite(weight))
        throw new FormatError(
          `Line ${line}: the edge “${edge.key}” has the weight “${String(value)}”, which is not a number.`,
          line,
        );
      edge.weight = weight;
      return;
    }
    case 'directed':
      if (typeof value === 'boolean') edge.directed = value;
      else edge.attrs[decl.key] = value;
      return;
    case 'startDate':
    case 'endDate':
      if (typeof value === 'string' && isPartialDate(value)) pending[decl.role] = value;
      else edge.attrs[decl.key] = value;
      return;
    default:
      edge.attrs[decl.key] = value;
  }
}

function toStrings(value: AttrValue): string[] {
  if (value === null || value === '') return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(String);
  return parseList(String(value)).map(String);
}

/** ISO dates compare as text; numeric times (GEXF timeformat="double") as numbers. */
export function timeBefore(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) && a.trim() !== '' && b.trim() !== '' ? x < y : a < b;
}

/** Spells to a lifetime: the earliest start and the latest end, an open end winning. */
export function spanOf(spells: [string | null, string | null][]): [string | null, string | null] {
  let start: string | null | undefined;
  let end: string | null | undefined;
  for (const [s, e] of spells) {
    start = start === null || s === null ? null : start === undefined || timeBefore(s, start) ? s : start;
    end = end === null || e === null ? null : end === undefined || timeBefore(end, e) ? e : end;
  }
  return [start ?? null, end ?? null];
}

/**
 * Exact partial dates given beside the spells (our own writers add them when a date is partial,
 * because GEXF dates are whole days) win over the whole days.
 */
export function applyPendingDates(
  item: { start?: string | null; end?: string | null },
  pending: Pending,
): void {
  if (pending.startDate !== undefined) item.start = pending.startDate;
  if (pending.endDate !== undefined) item.end = pending.endDate;
}

/** The index an edge id states when it is its place in the file ("12" or "e12" for the 13th edge), else -1. */
function placeOf(id: string): number {
  const start = id.charCodeAt(0) === 101 /* e */ ? 1 : 0;
  const digits = id.length - start;
  if (digits < 1 || digits > 15) return -1;
  // "07" is not the place 7.
  if (digits > 1 && id.charCodeAt(start) === 48) return -1;
  let n = 0;
  for (let i = start; i < id.length; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Unique edge keys without hashing every id: most files number their edges in order ("0", "e0"…),
 * and such an id cannot repeat another in-order id. Only the other ids go into a set; the few that
 * could still collide with an in-order one are settled at the end.
 */
export class EdgeKeys {
  private readonly others = new Map<string, NeutralEdge>();
  renamed: { from: string; to: string }[] = [];

  /** The key for the edge at `index` (0-based) with the file's `id`, or a made-up one when it has none. */
  claim(id: string | undefined, index: number, edge: NeutralEdge): string {
    if (id === undefined) return `e${index}`;
    if (placeOf(id) === index) return id;
    if (!this.others.has(id)) {
      this.others.set(id, edge);
      return id;
    }
    let key = id;
    for (let i = 2; this.others.has(key); i++) key = `${id}~${i}`;
    this.others.set(key, edge);
    this.renamed.push({ from: id, to: key });
    return key;
  }

  /** Renames the other ids that repeat an in-order one. */
  finish(edges: NeutralEdge[]): void {
    for (const [id, edge] of this.others) {
      const place = placeOf(id);
      if (place < 0 || place >= edges.length || edges[place] === edge || edges[place]!.key !== id) continue;
      let key = id;
      for (let i = 2; this.others.has(key) || key === id; i++) key = `${id}~${i}`;
      edge.key = key;
      this.others.set(key, edge);
      this.renamed.push({ from: id, to: key });
    }
  }
}
