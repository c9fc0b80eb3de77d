// GraphML reader (plain typed keys, and yEd's y:ShapeNode / group nodes / edge arrows) and writer
// (plain GraphML with typed keys, read by networkx and igraph).
// yEd: a node's name is its label as drawn (line breaks kept), its position the centre of its
// geometry, its size the larger side; a group node (y:ProxyAutoBoundsNode) is a node too, and the
// nodes of its nested <graph> name it as `parent`. An edge drawn without arrow heads (or with both)
// is read as undirected: yEd draws symmetric ties that way.
import {
  applyEdgeValue,
  applyNodeValue,
  applyPendingDates,
  DeclTable,
  EdgeKeys,
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
} from './types';
import { attrTypeOf, parseNumber, parseTyped, plural, rgbToHex, Warnings } from './values';
import { walkXml, xmlAttr, xmlText, type XmlPosition, type XmlVisitor } from './xml';

const WHAT = 'GraphML file';
/** Our marker for list and date values in GraphML string keys, which GraphML types cannot say. */
export const AW_NS = 'https://analyst-workbench.invalid/ns/graphml';

interface KeyInfo {
  id: string;
  domain: string;
  name: string;
  fileType: string | undefined;
  yfiles: string | undefined;
  awType: string | undefined;
  /** Our writer marks the key that holds the node's name (aw:role="name"). */
  awRole: string | undefined;
  defaultText?: string;
  /** Resolved once at the first <graph>: what a value under this key becomes. */
  nodeDecl?: Decl;
  edgeDecl?: Decl;
  viz?: 'x' | 'y' | 'size' | 'r' | 'g' | 'b' | 'shape';
}

const NO_KEY: KeyInfo = {
  id: '',
  domain: 'none',
  name: '',
  fileType: undefined,
  yfiles: 'none',
  awType: undefined,
  awRole: undefined,
};

type Item = { kind: 'node'; node: NeutralNode } | { kind: 'edge'; edge: NeutralEdge };

interface DataSlot {
  key: KeyInfo;
  /** Depth of the <data> element itself. */
  depth: number;
  yed: (YedNode & { label?: string }) | null;
  realizer: number;
  active: number;
  elementContent: boolean;
}

/** What a yEd graphics block says about its node or edge. */
interface YedNode {
  label?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  shape?: string;
}

class GraphmlReader implements XmlVisitor {
  readonly graph: NeutralGraph = emptyGraph('graphml', true);
  private readonly warnings = new Warnings();
  private readonly nodeDecls = new DeclTable('node', this.warnings);
  private readonly edgeDecls = new DeclTable('edge', this.warnings);
  private readonly keys = new Map<string, KeyInfo>();
  private awPrefix = 'aw';
  private started = false;
  private key: KeyInfo | null = null;
  private capture: string | null = null;
  /** Open <graph> elements: their edge default and the node that holds them. */
  private readonly graphs: { directed: boolean; owner: NeutralNode | null }[] = [];
  private readonly nodeStack: NeutralNode[] = [];
  private item: Item | null = null;
  /** One object reused item after item. */
  private readonly pending: Pending = {};
  /** The <data> being read: its key, its depth, and yEd graphics when it holds them. */
  /** The <data> being read: its key, its depth, and yEd graphics when it holds them. */
  private readonly slot: DataSlot = {
    key: NO_KEY,
    depth: 0,
    yed: null,
    realizer: -1,
    active: 0,
    elementContent: false,
  };
  private data: DataSlot | null = null;
  private depth = 0;
  private labelDepth = -1;
  private yedArrows: { source?: string; target?: string } | null = null;
  private yedLine: { color?: string; type?: string } | null = null;
  private readonly nodes = new Map<string, NeutralNode>();
  private readonly edgeKeys = new EdgeKeys();
  private readonly unresolved: { edge: NeutralEdge; line: number }[] = [];
  private nameKey: string | null | undefined;
  private rgb: { r?: number; g?: number; b?: number } | null = null;

  constructor(private readonly position: XmlPosition) {}

  open(local: string, a: Record<string, string>): void {
    this.depth++;
    if (!this.started) {
      this.started = true;
      if (local !== 'graphml')
        throw new FormatError(`This is not a GraphML file: its first element is <${local}>, not <graphml>.`);
      for (const [attr, value] of Object.entries(a))
        if (value === AW_NS && attr.startsWith('xmlns:')) this.awPrefix = attr.slice(6);
      return;
    }
    if (this.data) return this.openInData(local, a);
    // The most frequent element first: a string switch compares case after case.
    if (local === 'data') return this.openData(a);
    switch (local) {
      case 'key': {
        const id = a.id ?? '';
        this.key = {
          id,
          domain: a.for ?? 'all',
          name: a['attr.name'] ?? id,
          fileType: a['attr.type'],
          yfiles: a['yfiles.type'],
          awType: a[`${this.awPrefix}:type`],
          awRole: a[`${this.awPrefix}:role`],
        };
        this.keys.set(id, this.key);
        if (this.keyList.length < 32) this.keyList.push(this.key);
        return;
      }
      case 'default':
        if (this.key) this.setCapture('');
        return;
      case 'desc':
        this.setCapture('');
        return;
      case 'graph': {
        const owner = this.nodeStack[this.nodeStack.length - 1] ?? null;
        const directed = a.edgedefault === undefined ? true : a.edgedefault === 'directed';
        if (this.graphs.length === 0) {
          this.declareKeys();
          this.graph.directed = directed;
          if (a.id && a.id !== 'G') this.graph.meta.id = a.id;
        }
        this.graphs.push({ directed, owner });
        return;
      }
      case 'node':
        return this.openNode(a);
      case 'edge':
        return this.openEdge(a);
      case 'hyperedge':
        this.warnings.add(
          'hyperedge',
          (n) =>
            `${plural(n, 'hyperedge')} (an edge joining more than two nodes) ${n === 1 ? 'was' : 'were'} left out.`,
        );
        return;
      case 'port':
        this.warnings.add('port', () => 'Node ports were left out: relations join the nodes themselves.');
        return;
      case 'data':
        return this.openData(a);
    }
  }

  close(local: string): void {
    this.depth--;
    if (this.data) {
      if (this.depth < this.labelDepth) {
        this.labelDepth = -1;
        this.syncText();
      }
      if (this.depth < this.data.depth) return this.closeData();
      return;
    }
    switch (local) {
      case 'key':
        this.key = null;
        return;
      case 'default':
        if (this.key && this.capture !== null) this.key.defaultText = this.capture;
        this.setCapture(null);
        return;
      case 'desc':
        if (this.capture?.trim() && this.graphs.length <= 1 && !this.item)
          this.graph.meta.description = this.capture.trim();
        this.setCapture(null);
        return;
      case 'graph':
        this.graphs.pop();
        return;
      case 'node':
        return this.closeNode();
      case 'edge':
        return this.closeEdge();
    }
  }

  private textOn = false;

  /** Starts or stops taking text; the parser only builds text while someone takes it. */
  private setCapture(capture: string | null): void {
    this.capture = capture;
    this.syncText();
  }

  private syncText(): void {
    const on = this.capture !== null || this.labelDepth >= 0;
    if (on !== this.textOn) {
      this.textOn = on;
      this.position.captureText(on);
    }
  }

  text(text: string): void {
    if (this.capture !== null) this.capture += text;
    // Only text directly inside the label element: its children (label models) hold none that counts.
    else if (this.depth === this.labelDepth && this.data?.yed) this.data.yed.label += text;
  }

  /** Keys become attribute declarations once, at the first <graph>. */
  private declareKeys(): void {
    const nodeNames: string[] = [];
    for (const key of this.keys.values()) {
      if (key.yfiles !== undefined || key.domain === 'graphml' || key.domain === 'port') continue;
      const type = key.awType === 'list' ? 'list' : key.awType === 'date' ? 'date' : attrTypeOf(key.fileType);
      for (const domain of key.domain === 'all' ? ['node', 'edge'] : [key.domain]) {
        if (domain !== 'node' && domain !== 'edge') continue;
        const table = domain === 'node' ? this.nodeDecls : this.edgeDecls;
        if (domain === 'node') nodeNames.push(key.name);
        const lower = key.name.toLowerCase();
        // Gephi's and our own viz keys become the neutral viz fields.
        if (
          domain === 'node' &&
          ['x', 'y', 'size'].includes(lower) &&
          (type === 'double' || type === 'integer')
        ) {
          key.viz = lower as 'x' | 'y' | 'size';
          continue;
        }
        if (domain === 'node' && ['r', 'g', 'b'].includes(lower) && type === 'integer') {
          key.viz = lower as 'r' | 'g' | 'b';
          continue;
        }
        if (domain === 'node' && lower === 'shape' && type === 'string') {
          key.viz = 'shape';
          continue;
        }
        const decl = table.declare(key.id, key.name, type, key.fileType, false);
        if (key.defaultText !== undefined) table.setDefault(decl, key.defaultText);
        if (domain === 'node') key.nodeDecl = decl;
        else key.edgeDecl = decl;
      }
    }
    // A plain GraphML label lives in a 'label' (or else 'name') node key; ours is marked.
    const marked = [...this.keys.values()].find(
      (k) => k.awRole === 'name' && (k.domain === 'node' || k.domain === 'all'),
    );
    const lower = nodeNames.map((n) => n.toLowerCase());
    const nameIndex = lower.indexOf('label') >= 0 ? lower.indexOf('label') : lower.indexOf('name');
    this.nameKey = marked ? marked.name : nameIndex >= 0 ? nodeNames[nameIndex]! : null;
    this.nodeDecls.finish();
    this.edgeDecls.finish();
  }

  private openNode(a: Record<string, string>): void {
    const line = this.position.line();
    const key = a.id;
    if (key === undefined) throw new FormatError(`Line ${line}: a <node> has no id.`, line);
    if (this.nodes.has(key))
      throw new FormatError(
        `Line ${line}: the node id “${key}” is used twice; node ids must be unique.`,
        line,
      );
    const node: NeutralNode = { key, name: key, type: null, aliases: [], attrs: {} };
    const owner = this.graphs[this.graphs.length - 1]?.owner;
    if (owner) node.parent = owner.key;
    this.nodes.set(key, node);
    this.graph.nodes.push(node);
    this.nodeStack.push(node);
    this.item = { kind: 'node', node };
    this.pending.startDate = this.pending.endDate = undefined;
    this.rgb = null;
  }

  private closeNode(): void {
    const node = this.nodeStack.pop();
    if (!node) return;
    const pending = this.pending;
    for (const decl of this.nodeDecls.withDefault)
      if (
        !decl.role
          ? !(decl.key in node.attrs)
          : decl.role === 'color'
            ? node.color === undefined
            : decl.role === 'type' && node.type === null
      )
        applyNodeValue(node, decl, decl.default ?? null, pending);
    applyPendingDates(node, pending);
    if (this.rgb && this.rgb.r !== undefined && this.rgb.g !== undefined && this.rgb.b !== undefined)
      node.color = rgbToHex(this.rgb.r, this.rgb.g, this.rgb.b);
    this.rgb = null;
    const enclosing = this.nodeStack[this.nodeStack.length - 1];
    this.item = enclosing ? { kind: 'node', node: enclosing } : null;
    this.pending.startDate = this.pending.endDate = undefined;
  }

  private openEdge(a: Record<string, string>): void {
    const line = this.position.line();
    const { source, target } = a;
    if (source === undefined || target === undefined)
      throw new FormatError(`Line ${line}: an <edge> lacks its source or target.`, line);
    const graphDirected = this.graphs[this.graphs.length - 1]?.directed ?? this.graph.directed;
    const edge: NeutralEdge = {
      key: '',
      source,
      target,
      type: null,
      directed: a.directed === 'true' ? true : a.directed === 'false' ? false : graphDirected,
      attrs: {},
    };
    edge.key = this.edgeKeys.claim(a.id, this.graph.edges.length, edge);
    if (!this.nodes.has(source) || !this.nodes.has(target)) this.unresolved.push({ edge, line });
    this.graph.edges.push(edge);
    this.item = { kind: 'edge', edge };
    this.pending.startDate = this.pending.endDate = undefined;
    this.yedArrows = null;
    this.yedLine = null;
  }

  private closeEdge(): void {
    if (this.item?.kind !== 'edge') return;
    const edge = this.item.edge;
    const line = this.position.line();
    for (const decl of this.edgeDecls.withDefault)
      if (
        !decl.role
          ? !(decl.key in edge.attrs)
          : decl.role === 'weight'
            ? edge.weight === undefined
            : decl.role === 'type' && edge.type === null
      )
        applyEdgeValue(edge, decl, decl.default ?? null, this.pending, line);
    applyPendingDates(edge, this.pending);
    if (this.yedArrows) {
      const s = this.yedArrows.source ?? 'none';
      const t = this.yedArrows.target ?? 'none';
      if ((s === 'none') === (t === 'none')) edge.directed = false;
    }
    if (this.yedLine) {
      if (this.yedLine.color && this.yedLine.color.toUpperCase() !== '#000000')
        edge.attrs[this.synthetic('color')] = this.yedLine.color;
      if (this.yedLine.type && this.yedLine.type !== 'line')
        edge.attrs[this.synthetic('lineStyle')] = this.yedLine.type;
    }
    const enclosing = this.nodeStack[this.nodeStack.length - 1];
    this.item = enclosing ? { kind: 'node', node: enclosing } : null;
    this.pending.startDate = this.pending.endDate = undefined;
  }

  private readonly synthetics = new Map<string, Decl>();

  private synthetic(name: string): string {
    let decl = this.synthetics.get(name);
    if (!decl) {
      decl = this.edgeDecls.declare(`\u0000${name}`, name, 'string', 'string', false);
      this.synthetics.set(name, decl);
    }
    return decl.key;
  }

  /** Keys by id: files declare a few, so a short scan beats hashing each value's key name. */
  private findKey(id: string): KeyInfo | undefined {
    const list = this.keyList;
    for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return list[i];
    return list.length < 32 ? undefined : this.keys.get(id);
  }

  private readonly keyList: KeyInfo[] = [];

  private openData(a: Record<string, string>): void {
    let key = this.findKey(a.key ?? '');
    if (!key) {
      this.warnings.add(
        `nokey:${a.key}`,
        (n) =>
          `${plural(n, 'value')} named by the undeclared key “${a.key}” ${n === 1 ? 'was' : 'were'} left out.`,
      );
      key = NO_KEY;
    }
    // One slot reused for every value.
    const slot = this.slot;
    slot.key = key;
    slot.depth = this.depth;
    slot.yed =
      (key.yfiles === 'nodegraphics' && this.item?.kind === 'node') || key.yfiles === 'edgegraphics'
        ? {}
        : null;
    slot.realizer = -1;
    slot.active = 0;
    slot.elementContent = false;
    this.data = slot;
    this.setCapture(key.yfiles !== undefined ? null : '');
  }

  /** yEd graphics inside a <data>: labels, geometry, fill, shape, arrows. Other XML is left aside. */
  private openInData(local: string, a: Record<string, string>): void {
    const data = this.data!;
    if (!data.yed) {
      if (data.key.yfiles === undefined && !data.elementContent) {
        data.elementContent = true;
        this.warnings.add(
          'xml-data',
          (n) =>
            `${plural(n, 'value')} written as XML elements rather than text ${n === 1 ? 'was' : 'were'} kept as their text only.`,
        );
      }
      return;
    }
    // A group node lists several realizers (open, closed): only the active one counts.
    if (local === 'Realizers') {
      data.active = Number(a.active ?? 0) || 0;
      return;
    }
    if (local === 'GroupNode' || local === 'GenericGroupNode') {
      data.realizer++;
      return;
    }
    if (data.realizer >= 0 && data.realizer !== data.active) return;
    const yed = data.yed;
    switch (local) {
      case 'Geometry':
        if (yed.x === undefined) {
          yed.x = parseNumber(a.x ?? '');
          yed.y = parseNumber(a.y ?? '');
          yed.width = parseNumber(a.width ?? '');
          yed.height = parseNumber(a.height ?? '');
        }
        return;
      case 'Fill':
        if (yed.fill === undefined && a.color && a.hasColor !== 'false') yed.fill = a.color;
        return;
      case 'Shape':
        if (a.type) yed.shape ??= a.type;
        return;
      case 'NodeLabel':
      case 'EdgeLabel':
        // The first label is the name; the text sits directly in the label element.
        if (yed.label === undefined) {
          yed.label = '';
          this.labelDepth = this.depth;
          this.syncText();
        }
        return;
      case 'Arrows':
        this.yedArrows = { source: a.source, target: a.target };
        return;
      case 'LineStyle':
        this.yedLine = { color: a.color, type: a.type };
        return;
    }
  }

  private closeData(): void {
    const data = this.data!;
    this.data = null;
    this.labelDepth = -1;
    this.syncText();
    const text = this.capture;
    this.setCapture(null);
    if (data.yed) return this.applyYed(data.yed);
    if (data.key.yfiles !== undefined || text === null) return;
    const item = this.item;
    const line = this.position.line();
    if (!item) {
      if (data.key.domain === 'graph' || data.key.domain === 'all') {
        const value = parseTyped(
          text,
          data.key.awType === 'list' ? 'list' : attrTypeOf(data.key.fileType),
          data.key.fileType,
        );
        if (text.trim() !== '' || value !== '') this.graph.meta[data.key.name] = value ?? text;
      }
      return;
    }
    const viz = item.kind === 'node' ? data.key.viz : undefined;
    if (item.kind === 'node' && viz) {
      if (viz === 'shape') {
        if (text.trim()) item.node.shape = text.trim();
        return;
      }
      const n = parseNumber(text);
      if (n === undefined) return;
      if (viz === 'x' || viz === 'y' || viz === 'size') item.node[viz] = n;
      else (this.rgb ??= {})[viz] = n;
      return;
    }
    const table = item.kind === 'node' ? this.nodeDecls : this.edgeDecls;
    const decl = item.kind === 'node' ? data.key.nodeDecl : data.key.edgeDecl;
    if (!decl) return;
    const value = table.parse(decl, text);
    if (item.kind === 'node') {
      if (decl.key === this.nameKey && typeof value === 'string' && value.trim()) {
        item.node.name = value;
        return;
      }
      applyNodeValue(item.node, decl, value, this.pending);
    } else applyEdgeValue(item.edge, decl, value, this.pending, line);
  }

  private applyYed(yed: YedNode): void {
    const item = this.item;
    if (!item) return;
    if (item.kind === 'edge') {
      if (yed.label?.trim()) item.edge.attrs[this.synthetic('label')] = yed.label;
      return;
    }
    const node = item.node;
    if (yed.label?.trim()) node.name = yed.label;
    if (yed.x !== undefined && yed.width !== undefined) node.x = yed.x + yed.width / 2;
    if (yed.y !== undefined && yed.height !== undefined) node.y = yed.y + yed.height / 2;
    if (yed.width !== undefined && yed.height !== undefined) node.size = Math.max(yed.width, yed.height);
    if (yed.fill) node.color = yed.fill.toLowerCase();
    if (yed.shape) node.shape = yed.shape;
  }

  finish(): NeutralGraph {
    if (!this.started) throw new FormatError('The GraphML file is empty.');
    if (this.graphs.length === 0 && this.graph.nodes.length === 0 && this.keys.size === 0)
      throw new FormatError('The GraphML file holds no <graph>.');
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
        node.attrs.parent = node.parent;
        delete node.parent;
      }
    this.graph.nodeAttrs = this.nodeDecls.defs().filter((d) => d.key !== this.nameKey);
    this.graph.edgeAttrs = this.edgeDecls.defs();
    if (
      this.graph.nodes.some((n) => 'parent' in n.attrs) &&
      !this.graph.nodeAttrs.some((d) => d.key === 'parent')
    )
      this.graph.nodeAttrs.push({ key: 'parent', title: 'parent', type: 'string' });
    this.graph.warnings = this.warnings.list();
    return this.graph;
  }
}

export function readGraphml(bytes: Uint8Array): NeutralGraph {
  let reader: GraphmlReader | null = null;
  walkXml(bytes, WHAT, (position: XmlPosition) => (reader = new GraphmlReader(position)));
  return reader!.finish();
}

// ---------------------------------------------------------------------------------------------
// Writer: plain GraphML with typed keys.

interface WriteKey {
  id: string;
  name: string;
  domain: 'node' | 'edge' | 'graph';
  type: string;
  aw?: 'list' | 'date';
  role?: 'name';
  default?: AttrValue;
  /** One of the graph's own attributes (not a neutral field). */
  attr?: boolean;
}

function graphmlType(def: AttrDef, values: Iterable<AttrValue>): { type: string; aw?: 'list' | 'date' } {
  switch (def.type) {
    case 'integer':
      for (const v of values) if (typeof v === 'number' && Math.abs(v) > 2147483647) return { type: 'long' };
      return { type: 'int' };
    case 'double':
      return { type: 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'list':
      return { type: 'string', aw: 'list' };
    case 'date':
      return { type: 'string', aw: 'date' };
    default:
      return { type: 'string' };
  }
}

function graphmlValue(value: AttrValue): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (value === null) return '';
  return String(value);
}

function valueType(values: AttrValue[]): { type: string; aw?: 'list' } {
  if (values.every((v) => typeof v === 'boolean')) return { type: 'boolean' };
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2147483647))
    return { type: 'int' };
  if (values.every((v) => typeof v === 'number')) return { type: 'double' };
  if (values.every((v) => Array.isArray(v))) return { type: 'string', aw: 'list' };
  return { type: 'string' };
}

/**
 * Plain GraphML as string pieces. Neutral fields are keys with fixed names (label, type, aliases,
 * summary, tags, start, end, parent, x, y, size, color, shape on nodes; type, summary, weight, start,
 * end on edges); lists are JSON text in string keys marked aw:type="list". A graph with both kinds
 * of edges is written directed, with a boolean `directed` key on the undirected ones (networkx
 * refuses directed="false" edges in a directed graph).
 */
export function* writeGraphml(graph: NeutralGraph): Generator<string> {
  const directed = graph.edges.length ? graph.edges.some((e) => e.directed) : graph.directed;
  const keys: WriteKey[] = [];
  const nodeKeys = new Map<string, WriteKey>();
  const edgeKeys = new Map<string, WriteKey>();
  const add = (
    map: Map<string, WriteKey>,
    domain: WriteKey['domain'],
    name: string,
    type: string,
    aw?: 'list' | 'date',
  ) => {
    const key: WriteKey = { id: `d${keys.length}`, name, domain, type, aw };
    keys.push(key);
    map.set(name, key);
    return key;
  };
  const nodes = graph.nodes;
  const edges = graph.edges;
  // The name goes under 'label' (what networkx and yEd users look for) unless an attribute has that name.
  const nameKey =
    ['label', 'name', 'node name'].find((k) => !graph.nodeAttrs.some((d) => d.key === k)) ?? 'label';
  add(nodeKeys, 'node', nameKey, 'string').role = 'name';
  if (nodes.some((n) => n.type !== null)) add(nodeKeys, 'node', NODE_FIELD.type, 'string');
  if (nodes.some((n) => n.aliases.length)) add(nodeKeys, 'node', NODE_FIELD.aliases, 'string', 'list');
  if (nodes.some((n) => n.summary !== undefined)) add(nodeKeys, 'node', NODE_FIELD.summary, 'string');
  if (nodes.some((n) => n.tags !== undefined)) add(nodeKeys, 'node', NODE_FIELD.tags, 'string', 'list');
  if (nodes.some((n) => n.start)) add(nodeKeys, 'node', 'start', 'string', 'date');
  if (nodes.some((n) => n.end)) add(nodeKeys, 'node', 'end', 'string', 'date');
  if (nodes.some((n) => n.parent !== undefined)) add(nodeKeys, 'node', 'parent', 'string');
  if (nodes.some((n) => n.x !== undefined)) add(nodeKeys, 'node', 'x', 'double');
  if (nodes.some((n) => n.y !== undefined)) add(nodeKeys, 'node', 'y', 'double');
  if (nodes.some((n) => n.size !== undefined)) add(nodeKeys, 'node', 'size', 'double');
  if (nodes.some((n) => n.color !== undefined)) add(nodeKeys, 'node', 'color', 'string');
  if (nodes.some((n) => n.shape !== undefined)) add(nodeKeys, 'node', 'shape', 'string');
  for (const def of graph.nodeAttrs) {
    if (nodeKeys.has(def.key)) continue;
    const t = graphmlType(def, valuesOf(nodes, def.key));
    const key = add(nodeKeys, 'node', def.key, t.type, t.aw);
    key.attr = true;
    if (def.default !== undefined && def.default !== null) key.default = def.default;
  }
  if (edges.some((e) => e.type !== null)) add(edgeKeys, 'edge', EDGE_FIELD.type, 'string');
  if (edges.some((e) => e.summary !== undefined)) add(edgeKeys, 'edge', EDGE_FIELD.summary, 'string');
  if (edges.some((e) => e.weight !== undefined)) add(edgeKeys, 'edge', 'weight', 'double');
  if (edges.some((e) => e.start)) add(edgeKeys, 'edge', 'start', 'string', 'date');
  if (edges.some((e) => e.end)) add(edgeKeys, 'edge', 'end', 'string', 'date');
  if (edges.some((e) => e.directed !== directed)) add(edgeKeys, 'edge', EDGE_FIELD.directed, 'boolean');
  for (const def of graph.edgeAttrs) {
    if (edgeKeys.has(def.key)) continue;
    const t = graphmlType(def, valuesOf(edges, def.key));
    const key = add(edgeKeys, 'edge', def.key, t.type, t.aw);
    key.attr = true;
    if (def.default !== undefined && def.default !== null) key.default = def.default;
  }
  const graphKeys = new Map<string, WriteKey>();
  for (const [name, value] of Object.entries(graph.meta)) {
    const t = valueType([value]);
    add(graphKeys, 'graph', name, t.type, t.aw);
  }

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:aw="${AW_NS}" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n`;
  for (const k of keys) {
    const head = `  <key id="${k.id}" for="${k.domain}" attr.name="${xmlAttr(k.name)}" attr.type="${k.type}"${k.aw ? ` aw:type="${k.aw}"` : ''}${k.role ? ` aw:role="${k.role}"` : ''}`;
    yield k.default !== undefined
      ? `${head}>\n    <default>${xmlText(graphmlValue(k.default))}</default>\n  </key>\n`
      : `${head}/>\n`;
  }
  yield `  <graph id="G" edgedefault="${directed ? 'directed' : 'undirected'}">\n`;
  for (const [name, value] of Object.entries(graph.meta))
    yield `    <data key="${graphKeys.get(name)!.id}">${xmlText(graphmlValue(value))}</data>\n`;
  const n = (name: string) => nodeKeys.get(name);
  const e = (name: string) => edgeKeys.get(name);
  const nk = {
    name: n(nameKey),
    type: n(NODE_FIELD.type),
    aliases: n(NODE_FIELD.aliases),
    summary: n(NODE_FIELD.summary),
    tags: n(NODE_FIELD.tags),
  };
  const nv = {
    start: n('start'),
    end: n('end'),
    parent: n('parent'),
    x: n('x'),
    y: n('y'),
    size: n('size'),
    color: n('color'),
    shape: n('shape'),
  };
  const ek = {
    type: e(EDGE_FIELD.type),
    summary: e(EDGE_FIELD.summary),
    weight: e('weight'),
    start: e('start'),
    end: e('end'),
    directed: e(EDGE_FIELD.directed),
  };
  const nodeAttrKeys = keys.filter((k) => k.domain === 'node' && k.attr);
  const edgeAttrKeys = keys.filter((k) => k.domain === 'edge' && k.attr);
  for (const node of nodes) {
    let out = `    <node id="${xmlAttr(node.key)}">\n`;
    out +=
      data(nk.name, node.name) +
      data(nk.type, node.type) +
      data(nk.summary, node.summary) +
      data(nk.tags, node.tags);
    if (node.aliases.length) out += data(nk.aliases, node.aliases);
    out += data(nv.start, node.start) + data(nv.end, node.end) + data(nv.parent, node.parent);
    out +=
      data(nv.x, node.x) +
      data(nv.y, node.y) +
      data(nv.size, node.size) +
      data(nv.color, node.color) +
      data(nv.shape, node.shape);
    for (let i = 0; i < nodeAttrKeys.length; i++)
      out += data(nodeAttrKeys[i], node.attrs[nodeAttrKeys[i]!.name]);
    yield `${out}    </node>\n`;
  }
  for (const edge of edges) {
    let out =
      data(ek.type, edge.type) +
      data(ek.summary, edge.summary) +
      data(ek.weight, edge.weight) +
      data(ek.start, edge.start) +
      data(ek.end, edge.end);
    if (edge.directed !== directed) out += data(ek.directed, edge.directed);
    for (let i = 0; i < edgeAttrKeys.length; i++)
      out += data(edgeAttrKeys[i], edge.attrs[edgeAttrKeys[i]!.name]);
    const head = `    <edge id="${xmlAttr(edge.key)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}"`;
    yield out ? `${head}>\n${out}    </edge>\n` : `${head}/>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

/** One <data> line, or nothing for an absent value or an undeclared key. */
function data(key: WriteKey | undefined, value: AttrValue | undefined): string {
  if (!key || value === undefined || value === null) return '';
  const text =
    typeof value === 'string'
      ? xmlText(value)
      : typeof value === 'object'
        ? xmlText(graphmlValue(value))
        : String(value);
  return `      <data key="${key.id}">${text}</data>\n`;
}

function valuesOf(items: { attrs: Record<string, AttrValue> }[], key: string): AttrValue[] {
  const out: AttrValue[] = [];
  for (const item of items) {
    const v = item.attrs[key];
    if (v !== undefined) out.push(v);
  }
  return out;
}
