// GEXF reader (1.0, 1.1, 1.2draft, 1.3) and writer (1.2draft, which Gephi and networkx 2.8 read).
// Dynamic attribute values are kept twice: the whole history in `dynamic[key]` ([value, start, end]
// triples) and the latest value (the interval ending last) in `attrs[key]`, so a sheet column shows
// the current figure and a GEXF export gives Gephi its timeline back.
import {
  applyEdgeValue,
  applyNodeValue,
  applyPendingDates,
  DeclTable,
  EdgeKeys,
  spanOf,
  timeBefore,
  type Decl,
  type Pending,
} from './decls';
import { EDGE_FIELD, NODE_FIELD } from './roles';
import {
  emptyGraph,
  FormatError,
  type AttrDef,
  type AttrValue,
  type NeutralEdge,
  type NeutralGraph,
  type NeutralNode,
  type Spell,
  type TimedValue,
} from './types';
import {
  attrTypeOf,
  firstDay,
  hexToRgb,
  isPartialDate,
  lastDay,
  parseNumber,
  rgbToHex,
  Warnings,
} from './values';
import { walkXml, xmlAttr, xmlText, type XmlPosition, type XmlVisitor } from './xml';

const WHAT = 'GEXF file';

/** The value whose interval ends last (an open end is latest); ties go to the later start. */
export function latestValue(values: TimedValue[]): AttrValue {
  let best = values[0]!;
  for (const v of values.slice(1)) {
    const [, s, e] = v;
    const [, bs, be] = best;
    const laterEnd = be !== null && (e === null || timeBefore(be, e));
    const sameEnd = be === e;
    const laterStart = bs === null ? s !== null : s !== null && timeBefore(bs, s);
    if (laterEnd || (sameEnd && laterStart) || (sameEnd && s === bs)) best = v;
  }
  return best[0];
}

type Item = { kind: 'node'; node: NeutralNode } | { kind: 'edge'; edge: NeutralEdge };

const NO_SPELLS: Spell[] = [];

class GexfReader implements XmlVisitor {
  readonly graph: NeutralGraph = emptyGraph('gexf', false);
  private readonly warnings = new Warnings();
  private readonly nodeDecls = new DeclTable('node', this.warnings);
  private readonly edgeDecls = new DeclTable('edge', this.warnings);
  private started = false;
  private inMeta = false;
  private attrTable: DeclTable | null = null;
  private attrDynamic = false;
  private decl: Decl | null = null;
  private capture: string | null = null;
  private readonly nodeStack: NeutralNode[] = [];
  private item: Item | null = null;
  /** One object reused item after item (the hot path makes hundreds of thousands). */
  private readonly pending: Pending = {};
  private spells: Spell[] | null = null;
  private dynamic: Record<string, TimedValue[]> | null = null;
  private readonly nodes = new Map<string, NeutralNode>();
  private readonly edgeKeys = new EdgeKeys();
  private readonly unresolved: { edge: NeutralEdge; line: number }[] = [];
  private numericTime = false;

  constructor(private readonly position: XmlPosition) {}

  open(local: string, a: Record<string, string>): void {
    if (!this.started) {
      this.started = true;
      if (local !== 'gexf')
        throw new FormatError(`This is not a GEXF file: its first element is <${local}>, not <gexf>.`);
      return;
    }
    // The most frequent element first: a string switch compares case after case.
    if (local === 'attvalue') return this.attvalue(a);
    switch (local) {
      case 'meta':
        this.inMeta = true;
        if (a.lastmodifieddate) this.graph.meta.lastmodifieddate = a.lastmodifieddate;
        return;
      case 'creator':
      case 'description':
      case 'keywords':
        if (this.inMeta) this.startCapture();
        return;
      case 'graph':
        this.graph.directed = (a.defaultedgetype ?? 'undirected') === 'directed';
        this.numericTime = ['integer', 'double', 'float', 'long'].includes(
          (a.timeformat ?? 'date').toLowerCase(),
        );
        if (this.numericTime)
          this.warnings.add(
            'numeric-time',
            () =>
              `Times in this file are numbers (timeformat “${a.timeformat}”), not dates; they were kept as written.`,
          );
        return;
      case 'attributes':
        this.attrTable = a.class === 'edge' ? this.edgeDecls : a.class === 'node' ? this.nodeDecls : null;
        this.attrDynamic = (a.mode ?? a.type) === 'dynamic';
        if (!this.attrTable)
          this.warnings.add(
            `class:${a.class}`,
            () => `Attributes of class “${a.class}” were left out: only node and edge attributes are read.`,
          );
        return;
      case 'attribute':
        if (this.attrTable && a.id !== undefined)
          this.decl = this.attrTable.declare(a.id, a.title, attrTypeOf(a.type), a.type, this.attrDynamic);
        return;
      case 'default':
        if (this.decl) this.startCapture();
        return;
      case 'node':
        return this.openNode(a);
      case 'edge':
        return this.openEdge(a);
      case 'attvalue':
        return this.attvalue(a);
      case 'spells':
      case 'slices':
        if (this.item) this.spells = [];
        return;
      case 'spell':
      case 'slice':
        if (this.spells) for (const spell of this.interval(a)) this.spells.push(spell);
        return;
      case 'parent':
        if (this.item?.kind === 'node' && a.for !== undefined && this.item.node.parent === undefined)
          this.item.node.parent = a.for;
        return;
      case 'color':
      case 'position':
      case 'size':
      case 'thickness':
      case 'shape':
        return this.viz(local, a);
    }
  }

  close(local: string): void {
    if (local === 'attvalue' || local === 'attvalues') return;
    switch (local) {
      case 'meta':
        this.inMeta = false;
        return;
      case 'creator':
      case 'description':
      case 'keywords':
        if (this.inMeta && this.capture !== null) {
          const text = this.capture.trim();
          if (text) this.graph.meta[local] = text;
        }
        this.stopCapture();
        return;
      case 'attributes':
        this.attrTable = null;
        return;
      case 'attribute':
        this.decl = null;
        return;
      case 'default':
        if (this.decl && this.capture !== null && this.attrTable)
          this.attrTable.setDefault(this.decl, this.capture);
        this.stopCapture();
        return;
      case 'node':
        return this.closeNode();
      case 'edge':
        return this.closeEdge();
    }
  }

  private startCapture(): void {
    this.capture = '';
    this.position.captureText(true);
  }

  private stopCapture(): void {
    this.capture = null;
    this.position.captureText(false);
  }

  text(text: string): void {
    if (this.capture !== null) this.capture += text;
  }

  private time(value: string | undefined): string | null {
    if (value === undefined || value.trim() === '') return null;
    return value.trim();
  }

  /** start/end (open or closed bounds) or timestamps of an element, as intervals. */
  private interval(a: Record<string, string>): Spell[] {
    // Most elements carry no time at all: no array for them.
    if (
      a.start === undefined &&
      a.end === undefined &&
      a.timestamp === undefined &&
      a.timestamps === undefined &&
      a.startopen === undefined &&
      a.endopen === undefined
    )
      return NO_SPELLS;
    if (a.timestamp !== undefined) return [[this.time(a.timestamp), this.time(a.timestamp)]];
    if (a.timestamps !== undefined)
      return (a.timestamps.match(/[^\s<>[\],;]+/g) ?? []).map((t) => [t, t] as Spell);
    if (a.startopen !== undefined || a.endopen !== undefined)
      this.warnings.add(
        'open-bounds',
        () => 'Open interval bounds (startopen/endopen) were kept as ordinary start and end dates.',
      );
    const start = this.time(a.start ?? a.startopen);
    const end = this.time(a.end ?? a.endopen);
    return start === null && end === null ? [] : [[start, end]];
  }

  private openNode(a: Record<string, string>): void {
    this.nodeDecls.finish();
    const line = this.position.line();
    const key = a.id;
    if (key === undefined) throw new FormatError(`Line ${line}: a <node> has no id.`, line);
    if (this.nodes.has(key))
      throw new FormatError(
        `Line ${line}: the node id “${key}” is used twice; node ids must be unique.`,
        line,
      );
    const node: NeutralNode = {
      key,
      name: a.label?.trim() ? a.label : key,
      type: null,
      aliases: [],
      attrs: {},
    };
    const enclosing = this.nodeStack[this.nodeStack.length - 1];
    if (a.pid !== undefined) node.parent = a.pid;
    else if (enclosing) node.parent = enclosing.key;
    this.nodes.set(key, node);
    this.graph.nodes.push(node);
    this.nodeStack.push(node);
    this.startItem({ kind: 'node', node }, a);
  }

  private startItem(item: Item, a: Record<string, string>): void {
    this.item = item;
    this.pending.startDate = this.pending.endDate = undefined;
    this.dynamic = null;
    const own = this.interval(a);
    this.spells = null;
    this.ownSpells = own.length ? own : null;
  }

  private ownSpells: Spell[] | null = null;

  /** Lifetime from the element's own start/end and its <spells>. */
  private finishTime(target: { start?: string | null; end?: string | null; spells?: Spell[] }): void {
    if (!this.ownSpells && !this.spells) return applyPendingDates(target, this.pending);
    const all = [...(this.ownSpells ?? []), ...(this.spells ?? [])];
    if (all.length > 1) target.spells = all;
    if (all.length) [target.start, target.end] = spanOf(all);
    applyPendingDates(target, this.pending);
  }

  private finishDynamic(
    table: DeclTable,
    target: { attrs: Record<string, AttrValue>; dynamic?: Record<string, TimedValue[]> },
    apply: (decl: Decl, value: AttrValue) => void,
  ): void {
    if (!this.dynamic) return;
    target.dynamic = this.dynamic;
    for (const [key, values] of Object.entries(this.dynamic)) {
      const decl = table.get(key);
      if (decl) apply(decl, latestValue(values));
    }
  }

  private closeNode(): void {
    const node = this.nodeStack.pop();
    if (!node) return;
    this.finishTime(node);
    const pending = this.pending;
    this.finishDynamic(this.nodeDecls, node, (decl, value) => applyNodeValue(node, decl, value, pending));
    if (node.dynamic) node.dynamic = rekey(node.dynamic, this.nodeDecls);
    for (const decl of this.nodeDecls.withDefault)
      if (!decl.role ? !(decl.key in node.attrs) : missingRole(node, decl))
        applyNodeValue(node, decl, decl.default ?? null, pending);
    applyPendingDates(node, pending);
    const enclosing = this.nodeStack[this.nodeStack.length - 1];
    this.item = enclosing ? { kind: 'node', node: enclosing } : null;
    this.spells = null;
  }

  private openEdge(a: Record<string, string>): void {
    this.edgeDecls.finish();
    const line = this.position.line();
    const { source, target } = a;
    if (source === undefined || target === undefined)
      throw new FormatError(`Line ${line}: an <edge> lacks its source or target.`, line);
    const kind = a.type;
    const edge: NeutralEdge = {
      key: '',
      source,
      target,
      type: a.kind?.trim() ? a.kind : null,
      directed:
        kind === 'directed' ? true : kind === 'undirected' || kind === 'mutual' ? false : this.graph.directed,
      attrs: {},
    };
    const key = (edge.key = this.edgeKeys.claim(a.id, this.graph.edges.length, edge));
    if (a.weight !== undefined) {
      const weight = parseNumber(a.weight);
      if (weight === undefined)
        throw new FormatError(
          `Line ${line}: the edge “${key}” has the weight “${a.weight}”, which is not a number.`,
          line,
        );
      edge.weight = weight;
    }
    if (a.label !== undefined) edge.attrs[this.synthetic('edge', 'label', 'string')] = a.label;
    if (!this.nodes.has(source) || !this.nodes.has(target)) this.unresolved.push({ edge, line });
    this.graph.edges.push(edge);
    this.startItem({ kind: 'edge', edge }, a);
  }

  private closeEdge(): void {
    if (this.item?.kind !== 'edge') return;
    const edge = this.item.edge;
    const pending = this.pending;
    const line = this.position.line();
    this.finishTime(edge);
    this.finishDynamic(this.edgeDecls, edge, (decl, value) =>
      applyEdgeValue(edge, decl, value, pending, line),
    );
    if (edge.dynamic) edge.dynamic = rekey(edge.dynamic, this.edgeDecls);
    for (const decl of this.edgeDecls.withDefault)
      if (!decl.role ? !(decl.key in edge.attrs) : missingEdgeRole(edge, decl))
        applyEdgeValue(edge, decl, decl.default ?? null, pending, line);
    applyPendingDates(edge, pending);
    this.item = null;
    this.spells = null;
  }

  private readonly synthetics = new Map<string, Decl>();

  /** An attribute the format carries outside <attvalues> (edge label, viz thickness…). */
  private synthetic(kind: 'node' | 'edge', name: string, type: AttrDef['type']): string {
    const id = `${kind}\u0000${name}`;
    let decl = this.synthetics.get(id);
    if (!decl) {
      decl = (kind === 'node' ? this.nodeDecls : this.edgeDecls).declare(
        `\u0000${name}`,
        name,
        type,
        type,
        false,
      );
      this.synthetics.set(id, decl);
    }
    return decl.key;
  }

  private attvalue(a: Record<string, string>): void {
    const item = this.item;
    if (!item) return;
    const table = item.kind === 'node' ? this.nodeDecls : this.edgeDecls;
    const id = a.for ?? a.id;
    if (id === undefined) return;
    let decl = table.get(id);
    if (!decl) {
      decl = table.declare(id, id, 'string', 'string', false);
      this.warnings.add(
        `undeclared:${item.kind}:${id}`,
        (n) =>
          `${n === 1 ? 'A value' : `${n} values`} named “${id}” had no <attribute> declaration; kept as text.`,
      );
    }
    const value = table.parse(decl, a.value ?? '');
    const spells = this.interval(a);
    if (decl.dynamic || spells.length) {
      this.dynamic ??= {};
      const list = (this.dynamic[decl.id] ??= []);
      if (spells.length) for (const [s, e] of spells) list.push([value, s, e]);
      else list.push([value, null, null]);
      return;
    }
    if (item.kind === 'node') applyNodeValue(item.node, decl, value, this.pending);
    else applyEdgeValue(item.edge, decl, value, this.pending, this.position.line());
  }

  private viz(local: string, a: Record<string, string>): void {
    const item = this.item;
    if (!item) return;
    const num = (s: string | undefined) => (s === undefined ? undefined : parseNumber(s));
    if (local === 'color') {
      let color: string | undefined;
      if (a.hex) {
        const hex = a.hex.startsWith('#') ? a.hex : `#${a.hex}`;
        const rgb = hexToRgb(hex);
        const alpha = num(a.a);
        color = rgb ? rgbToHex(rgb.r, rgb.g, rgb.b, alpha ?? rgb.a) : hex;
      } else {
        const [r, g, b, alpha] = [num(a.r), num(a.g), num(a.b), num(a.a)];
        if (r !== undefined && g !== undefined && b !== undefined) color = rgbToHex(r, g, b, alpha);
      }
      if (color === undefined) return;
      if (item.kind === 'node') item.node.color = color;
      else item.edge.attrs[this.synthetic('edge', 'color', 'string')] = color;
      return;
    }
    if (item.kind === 'edge') {
      if (local === 'thickness' && num(a.value) !== undefined)
        item.edge.attrs[this.synthetic('edge', 'thickness', 'double')] = num(a.value)!;
      if (local === 'shape' && a.value) item.edge.attrs[this.synthetic('edge', 'shape', 'string')] = a.value;
      return;
    }
    const node = item.node;
    if (local === 'position') {
      const [x, y, z] = [num(a.x), num(a.y), num(a.z)];
      if (x !== undefined) node.x = x;
      if (y !== undefined) node.y = y;
      if (z !== undefined && z !== 0) node.attrs[this.synthetic('node', 'z', 'double')] = z;
    } else if (local === 'size') {
      const size = num(a.value);
      if (size !== undefined) node.size = size;
    } else if (local === 'shape') {
      const shape = a.value ?? a.shape;
      if (shape) node.shape = shape === 'image' && a.uri ? a.uri : shape;
    }
  }

  finish(): NeutralGraph {
    if (!this.started) throw new FormatError('The GEXF file is empty.');
    this.edgeKeys.finish(this.graph.edges);
    for (const { from, to } of this.edgeKeys.renamed)
      this.warnings.add('dup-edge-id', (n) =>
        n === 1
          ? `An edge id was used twice; the repeat was renamed (“${from}” became “${to}”).`
          : `${n} edge ids were used twice; the repeats were renamed (“${from}” became “${to}”, and so on).`,
      );
    for (const { edge, line } of this.unresolved) {
      const missing = !this.nodes.has(edge.source)
        ? edge.source
        : !this.nodes.has(edge.target)
          ? edge.target
          : null;
      if (missing !== null)
        throw new FormatError(
          `Line ${line}: the <edge> “${edge.key}” names a node “${missing}” that the file does not have.`,
          line,
        );
    }
    for (const node of this.graph.nodes)
      if (node.parent !== undefined && !this.nodes.has(node.parent)) {
        this.warnings.add(
          'pid',
          (n) =>
            `${n === 1 ? 'A node names' : `${n} nodes name`} a parent the file does not have; the link was left out.`,
        );
        delete node.parent;
      }
    this.graph.nodeAttrs = this.nodeDecls.defs();
    this.graph.edgeAttrs = this.edgeDecls.defs();
    this.graph.warnings = this.warnings.list();
    return this.graph;
  }
}

/** Dynamic histories are gathered by the file's attribute id; the graph keys them like attrs. */
function rekey(
  dynamic: Record<string, TimedValue[]>,
  table: DeclTable,
): Record<string, TimedValue[]> | undefined {
  const out: Record<string, TimedValue[]> = {};
  let any = false;
  for (const [id, values] of Object.entries(dynamic)) {
    const decl = table.get(id);
    if (!decl || decl.role) continue;
    out[decl.key] = values;
    any = true;
  }
  return any ? out : undefined;
}

function missingRole(node: NeutralNode, decl: Decl): boolean {
  switch (decl.role) {
    case 'type':
      return node.type === null;
    case 'aliases':
      return node.aliases.length === 0;
    case 'summary':
      return node.summary === undefined;
    case 'color':
      return node.color === undefined;
    case 'tags':
      return node.tags === undefined;
    default:
      return false;
  }
}

function missingEdgeRole(edge: NeutralEdge, decl: Decl): boolean {
  switch (decl.role) {
    case 'type':
      return edge.type === null;
    case 'summary':
      return edge.summary === undefined;
    case 'weight':
      return edge.weight === undefined;
    default:
      return false;
  }
}

export function readGexf(bytes: Uint8Array): NeutralGraph {
  let reader: GexfReader | null = null;
  walkXml(bytes, WHAT, (position) => (reader = new GexfReader(position)));
  return reader!.finish();
}

// ---------------------------------------------------------------------------------------------
// Writer: GEXF 1.2draft.

function gexfType(def: AttrDef, values: () => Iterable<AttrValue>): string {
  switch (def.type) {
    case 'integer':
      for (const v of values()) if (typeof v === 'number' && Math.abs(v) > 2147483647) return 'long';
      return 'integer';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'list':
      return 'liststring';
    default:
      return 'string';
  }
}

/** An attribute value as GEXF text: lists as JSON arrays (read back by Gephi's "[a, b]" form and by us). */
function gexfValue(value: AttrValue): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (value === null) return '';
  return String(value);
}

interface WriteDecl {
  id: string;
  key: string;
  title: string;
  type: string;
  dynamic: boolean;
  default?: AttrValue;
  /** A neutral field (type, aliases…) rather than one of the graph's attributes. */
  field?: boolean;
}

/** What a written element says about time: whole-day spells, plus the exact date when partial. */
const TIMELESS: { spells: Spell[]; startDate?: string; endDate?: string } = Object.freeze({ spells: [] });

function timeParts(item: { start?: string | null; end?: string | null; spells?: Spell[] }): {
  spells: Spell[];
  startDate?: string;
  endDate?: string;
} {
  if (!item.start && !item.end && !item.spells?.length) return TIMELESS;
  const spells: Spell[] = item.spells?.length
    ? item.spells
    : item.start || item.end
      ? [[item.start ?? null, item.end ?? null]]
      : [];
  const out: { spells: Spell[]; startDate?: string; endDate?: string } = {
    spells: spells.map(([s, e]) => [s === null ? null : firstDay(s), e === null ? null : lastDay(e)]),
  };
  if (item.start && isPartialDate(item.start) && firstDay(item.start) !== item.start)
    out.startDate = item.start;
  if (item.end && isPartialDate(item.end) && lastDay(item.end) !== item.end) out.endDate = item.end;
  return out;
}

export interface GexfWriteOptions {
  /** Written into <meta lastmodifieddate>; today when absent. */
  today?: string;
}

/**
 * GEXF 1.2draft as string pieces. Entity and relation types, aliases, summaries and tags are node
 * and edge attributes; relation and entity dates are spells (mode="dynamic", timeformat="date") so
 * Gephi's timeline works; edges keep the relation type as `kind` too, so Gephi keeps parallel
 * relations of different types apart. Symmetric relations in a directed graph are `mutual`, which
 * networkx reads (it refuses an undirected edge in a directed graph).
 */
export function* writeGexf(graph: NeutralGraph, options: GexfWriteOptions = {}): Generator<string> {
  const directed = graph.edges.length ? graph.edges.some((e) => e.directed) : graph.directed;
  const dynamicGraph =
    graph.nodes.some((n) => n.start || n.end || n.spells?.length || n.dynamic) ||
    graph.edges.some((e) => e.start || e.end || e.spells?.length || e.dynamic);

  const nodeDecls = declsFor(graph.nodeAttrs, graph.nodes, [
    [NODE_FIELD.type, 'string', graph.nodes.some((n) => n.type !== null)],
    [NODE_FIELD.aliases, 'liststring', graph.nodes.some((n) => n.aliases.length > 0)],
    [NODE_FIELD.summary, 'string', graph.nodes.some((n) => n.summary !== undefined)],
    [NODE_FIELD.tags, 'liststring', graph.nodes.some((n) => n.tags !== undefined)],
    [NODE_FIELD.startDate, 'string', graph.nodes.some((n) => n.start && firstDay(n.start) !== n.start)],
    [NODE_FIELD.endDate, 'string', graph.nodes.some((n) => n.end && lastDay(n.end) !== n.end)],
    ['color', 'string', graph.nodes.some((n) => n.color !== undefined && !hexToRgb(n.color))],
  ]);
  const edgeDecls = declsFor(
    graph.edgeAttrs.filter((d) => d.key !== 'label'),
    graph.edges,
    [
      [EDGE_FIELD.type, 'string', graph.edges.some((e) => e.type !== null)],
      [EDGE_FIELD.summary, 'string', graph.edges.some((e) => e.summary !== undefined)],
      [EDGE_FIELD.startDate, 'string', graph.edges.some((e) => e.start && firstDay(e.start) !== e.start)],
      [EDGE_FIELD.endDate, 'string', graph.edges.some((e) => e.end && lastDay(e.end) !== e.end)],
    ],
  );

  // The neutral fields by name, and the graph's own attributes in order (the edge label excepted).
  const nodeField = {
    type: nodeDecls.get(NODE_FIELD.type),
    aliases: nodeDecls.get(NODE_FIELD.aliases),
    summary: nodeDecls.get(NODE_FIELD.summary),
    tags: nodeDecls.get(NODE_FIELD.tags),
    startDate: nodeDecls.get(NODE_FIELD.startDate),
    endDate: nodeDecls.get(NODE_FIELD.endDate),
    color: nodeDecls.get('color'),
  };
  const edgeField = {
    type: edgeDecls.get(EDGE_FIELD.type),
    summary: edgeDecls.get(EDGE_FIELD.summary),
    startDate: edgeDecls.get(EDGE_FIELD.startDate),
    endDate: edgeDecls.get(EDGE_FIELD.endDate),
  };
  const nodeAttrDecls = graph.nodeAttrs
    .map((d) => nodeDecls.get(d.key))
    .filter((d): d is WriteDecl => !!d && !d.field);
  const edgeAttrDecls = graph.edgeAttrs
    .map((d) => edgeDecls.get(d.key))
    .filter((d): d is WriteDecl => !!d && !d.field && d.key !== 'label');

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n';
  yield `  <meta lastmodifieddate="${xmlAttr(today)}">\n`;
  yield `    <creator>${xmlText(String(graph.meta.creator ?? 'Analyst Workbench'))}</creator>\n`;
  if (graph.meta.description !== undefined)
    yield `    <description>${xmlText(String(graph.meta.description))}</description>\n`;
  if (graph.meta.keywords !== undefined)
    yield `    <keywords>${xmlText(String(graph.meta.keywords))}</keywords>\n`;
  yield '  </meta>\n';
  yield `  <graph defaultedgetype="${directed ? 'directed' : 'undirected'}" mode="${dynamicGraph ? 'dynamic' : 'static'}"${dynamicGraph ? ' timeformat="date"' : ''}>\n`;
  yield* attributesBlock('node', nodeDecls);
  yield* attributesBlock('edge', edgeDecls);

  yield '    <nodes>\n';
  for (const node of graph.nodes) {
    const time = timeParts(node);
    const pid = node.parent !== undefined ? ` pid="${xmlAttr(node.parent)}"` : '';
    let out = `      <node id="${xmlAttr(node.key)}" label="${xmlAttr(node.name)}"${pid}>\n`;
    const rgb = node.color !== undefined ? hexToRgb(node.color) : null;
    let fields = '';
    if (node.type !== null) fields += attvalue(nodeField.type!, node.type);
    if (node.aliases.length) fields += attvalue(nodeField.aliases!, node.aliases);
    if (node.summary !== undefined) fields += attvalue(nodeField.summary!, node.summary);
    if (node.tags !== undefined) fields += attvalue(nodeField.tags!, node.tags);
    if (time.startDate) fields += attvalue(nodeField.startDate!, time.startDate);
    if (time.endDate) fields += attvalue(nodeField.endDate!, time.endDate);
    if (node.color !== undefined && !rgb) fields += attvalue(nodeField.color!, node.color);
    out += attvalues(fields, nodeAttrDecls, node.attrs, node.dynamic);
    out += spellsXml(time.spells);
    if (rgb)
      out += `        <viz:color r="${rgb.r}" g="${rgb.g}" b="${rgb.b}"${rgb.a < 1 ? ` a="${rgb.a}"` : ''}/>\n`;
    if (node.x !== undefined || node.y !== undefined)
      out += `        <viz:position x="${node.x ?? 0}" y="${node.y ?? 0}" z="0.0"/>\n`;
    if (node.size !== undefined) out += `        <viz:size value="${node.size}"/>\n`;
    if (node.shape !== undefined) out += `        <viz:shape value="${xmlAttr(node.shape)}"/>\n`;
    yield `${out}      </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const edge of graph.edges) {
    const time = timeParts(edge);
    let head = `      <edge id="${xmlAttr(edge.key)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}"`;
    if (edge.directed !== directed) head += edge.directed ? ' type="directed"' : ' type="mutual"';
    if (edge.type !== null) head += ` kind="${xmlAttr(edge.type)}"`;
    const label = edge.attrs.label;
    if (typeof label === 'string') head += ` label="${xmlAttr(label)}"`;
    if (edge.weight !== undefined) head += ` weight="${edge.weight}"`;
    let fields = '';
    if (edge.type !== null) fields += attvalue(edgeField.type!, edge.type);
    if (edge.summary !== undefined) fields += attvalue(edgeField.summary!, edge.summary);
    if (time.startDate) fields += attvalue(edgeField.startDate!, time.startDate);
    if (time.endDate) fields += attvalue(edgeField.endDate!, time.endDate);
    const body = attvalues(fields, edgeAttrDecls, edge.attrs, edge.dynamic) + spellsXml(time.spells);
    yield body ? `${head}>\n${body}      </edge>\n` : `${head}/>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/** Declarations: the neutral fields first (when used), then the graph's own attributes. */
function declsFor(
  defs: AttrDef[],
  items: { attrs: Record<string, AttrValue> }[],
  fields: [string, string, unknown][],
): Map<string, WriteDecl> {
  const decls = new Map<string, WriteDecl>();
  let n = 0;
  for (const [key, type, used] of fields)
    if (used) decls.set(key, { id: String(n++), key, title: key, type, dynamic: false, field: true });
  for (const def of defs) {
    if (decls.has(def.key)) continue;
    const decl: WriteDecl = {
      id: String(n++),
      key: def.key,
      title: def.title || def.key,
      type: gexfType(def, function* () {
        for (const item of items) {
          const v = item.attrs[def.key];
          if (v !== undefined) yield v;
        }
      }),
      dynamic: def.dynamic === true,
    };
    if (def.default !== undefined && def.default !== null) decl.default = def.default;
    decls.set(def.key, decl);
  }
  return decls;
}

function* attributesBlock(kind: 'node' | 'edge', decls: Map<string, WriteDecl>): Generator<string> {
  for (const dynamic of [false, true]) {
    const list = [...decls.values()].filter((d) => d.dynamic === dynamic);
    if (!list.length) continue;
    yield `    <attributes class="${kind}" mode="${dynamic ? 'dynamic' : 'static'}">\n`;
    for (const d of list) {
      const head = `      <attribute id="${d.id}" title="${xmlAttr(d.title)}" type="${d.type}"`;
      yield d.default !== undefined
        ? `${head}>\n        <default>${xmlText(gexfValue(d.default))}</default>\n      </attribute>\n`
        : `${head}/>\n`;
    }
    yield '    </attributes>\n';
  }
}

/** One attvalue line; the value's text is checked for escaping only when it is a string. */
function attvalue(decl: WriteDecl, value: AttrValue): string {
  const text =
    typeof value === 'string'
      ? xmlAttr(value)
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : xmlAttr(gexfValue(value));
  return `          <attvalue for="${decl.id}" value="${text}"/>\n`;
}

function attvalues(
  fields: string,
  attrDecls: WriteDecl[],
  attrs: Record<string, AttrValue>,
  dynamic: Record<string, TimedValue[]> | undefined,
): string {
  let out = fields;
  // The declared attributes in order: no lookup per value.
  for (let i = 0; i < attrDecls.length; i++) {
    const decl = attrDecls[i]!;
    const value = attrs[decl.key];
    if (value === undefined || value === null || (decl.dynamic && dynamic?.[decl.key])) continue;
    out += attvalue(decl, value);
  }
  if (dynamic)
    for (const decl of attrDecls) {
      const values = dynamic[decl.key];
      if (!values) continue;
      for (const [value, start, end] of values) {
        const s = start === null ? '' : ` start="${xmlAttr(firstDay(start))}"`;
        const e = end === null ? '' : ` end="${xmlAttr(lastDay(end))}"`;
        out += `          <attvalue for="${decl.id}" value="${xmlAttr(gexfValue(value))}"${s}${e}/>\n`;
      }
    }
  return out ? `        <attvalues>\n${out}        </attvalues>\n` : '';
}

function spellsXml(spells: Spell[]): string {
  if (!spells.length) return '';
  let out = '        <spells>\n';
  for (const [s, e] of spells)
    out += `          <spell${s === null ? '' : ` start="${xmlAttr(s)}"`}${e === null ? '' : ` end="${xmlAttr(e)}"`}/>\n`;
  return `${out}        </spells>\n`;
}
