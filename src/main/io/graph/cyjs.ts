// Cytoscape JSON (.cyjs, Cytoscape desktop's export and cytoscape.js `elements`): reader and writer.
// `data` fields become attributes as they are (lists stay lists, JSON written inside strings stays a
// string); numeric ids (Cytoscape SUIDs) become text keys. View state outside `data` (selected,
// locked, grabbable…) is not kept; `classes` is kept as an attribute.
import { assignRoles } from './roles';
import { decodeAll, parseJson } from './text';
import {
  emptyGraph,
  FormatError,
  type AttrValue,
  type NeutralEdge,
  type NeutralGraph,
  type NeutralNode,
  type Spell,
} from './types';
import { defsFromValues, isPartialDate, parseNumber, toAttrValue } from './values';

const WHAT = 'Cytoscape JSON file';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Cytoscape's own names for a node's kind and an edge's interaction, after the generic ones. */
const NODE_TYPE_EXTRA = ['node_type'];
const EDGE_TYPE_EXTRA = ['data_type', 'edge_type'];

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value === 'string' && value !== '') return [value];
  return [];
}

function date(value: unknown): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Elements in either of cytoscape.js's two shapes: {nodes, edges} or one array with `group`. */
function elementsOf(doc: Json): { nodes: Json[]; edges: Json[] } {
  const elements = doc.elements;
  if (Array.isArray(elements)) {
    const nodes: Json[] = [];
    const edges: Json[] = [];
    for (const el of elements) {
      if (!isObject(el)) continue;
      const data = isObject(el.data) ? el.data : {};
      const group = el.group ?? (data.source !== undefined && data.target !== undefined ? 'edges' : 'nodes');
      (group === 'edges' ? edges : nodes).push(el);
    }
    return { nodes, edges };
  }
  if (isObject(elements)) {
    const nodes = Array.isArray(elements.nodes) ? elements.nodes.filter(isObject) : [];
    const edges = Array.isArray(elements.edges) ? elements.edges.filter(isObject) : [];
    return { nodes, edges };
  }
  throw new FormatError('This JSON is not a Cytoscape network: it has no “elements” with nodes and edges.');
}

export function readCyjsValue(doc: unknown): NeutralGraph {
  if (!isObject(doc))
    throw new FormatError('This JSON is not a Cytoscape network: it is not an object with “elements”.');
  const { nodes: rawNodes, edges: rawEdges } = elementsOf(doc);
  const graph = emptyGraph('cyjs', typeof doc.directed === 'boolean' ? doc.directed : true);
  for (const key of ['format_version', 'generated_by', 'target_cytoscapejs_version'])
    if (doc[key] !== undefined) graph.meta[key] = toAttrValue(doc[key]);
  if (isObject(doc.data)) for (const [k, v] of Object.entries(doc.data)) graph.meta[k] = toAttrValue(v);

  const nodeFieldNames = new Set<string>();
  for (const el of rawNodes)
    if (isObject(el.data)) for (const k of Object.keys(el.data)) nodeFieldNames.add(k);
  const edgeFieldNames = new Set<string>();
  for (const el of rawEdges)
    if (isObject(el.data)) for (const k of Object.keys(el.data)) edgeFieldNames.add(k);
  const nodeRoles = assignRoles<string>(
    [...nodeFieldNames].filter((k) => !['id', 'name', 'label', 'parent'].includes(k)),
    'node',
  );
  const edgeRoles = assignRoles<string>(
    [...edgeFieldNames].filter((k) => !['id', 'source', 'target'].includes(k)),
    'edge',
  );
  if (![...nodeRoles.values()].includes('type')) {
    const extra = NODE_TYPE_EXTRA.find((k) => nodeFieldNames.has(k));
    if (extra) nodeRoles.set(extra, 'type');
  }
  if (![...edgeRoles.values()].includes('type')) {
    const extra = EDGE_TYPE_EXTRA.find((k) => edgeFieldNames.has(k));
    if (extra) edgeRoles.set(extra, 'type');
  }

  const keys = new Set<string>();
  rawNodes.forEach((el, i) => {
    const data = isObject(el.data) ? el.data : {};
    const key = idOf(data.id) ?? `n${i}`;
    if (keys.has(key))
      throw new FormatError(`The node id “${key}” is used twice in the ${WHAT}; node ids must be unique.`);
    keys.add(key);
    // Cytoscape's label is `name`; a `label` is the name only when there is no `name`.
    const nameField =
      typeof data.name === 'string' && data.name.trim()
        ? 'name'
        : typeof data.label === 'string' && data.label.trim()
          ? 'label'
          : null;
    const node: NeutralNode = {
      key,
      name: nameField ? (data[nameField] as string) : key,
      type: null,
      aliases: [],
      attrs: {},
    };
    const parent = idOf(data.parent);
    if (parent !== null) node.parent = parent;
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' || k === nameField || k === 'parent') continue;
      const role = nodeRoles.get(k);
      if (role === 'type' && (typeof v === 'string' || typeof v === 'number')) node.type = String(v);
      else if (role === 'aliases' && (Array.isArray(v) || typeof v === 'string')) node.aliases = strings(v);
      else if (role === 'tags' && Array.isArray(v)) node.tags = strings(v);
      else if (role === 'summary' && typeof v === 'string') node.summary = v;
      else if (role === 'color' && typeof v === 'string') node.color = v;
      else if (
        (role === 'startDate' || role === 'endDate') &&
        date(v) !== undefined &&
        (v === null || isPartialDate(String(v)))
      )
        node[role === 'startDate' ? 'start' : 'end'] = date(v);
      else if (k === 'size' && typeof v === 'number') node.size = v;
      else if (k === 'shape' && typeof v === 'string') node.shape = v;
      else if (k === 'spells' && isSpells(v)) node.spells = v;
      else node.attrs[k] = toAttrValue(v);
    }
    if (isObject(el.position)) {
      const x = el.position.x;
      const y = el.position.y;
      if (typeof x === 'number') node.x = x;
      if (typeof y === 'number') node.y = y;
    }
    if (typeof el.classes === 'string' && el.classes.trim()) node.attrs.classes = el.classes;
    else if (Array.isArray(el.classes) && el.classes.length) node.attrs.classes = el.classes.map(String);
    graph.nodes.push(node);
  });
  for (const node of graph.nodes)
    if (node.parent !== undefined && !keys.has(node.parent)) {
      node.attrs.parent = node.parent;
      delete node.parent;
    }

  const edgeKeys = new Set<string>();
  rawEdges.forEach((el, i) => {
    const data = isObject(el.data) ? el.data : {};
    let key = idOf(data.id) ?? `e${i}`;
    for (let n = 2; edgeKeys.has(key); n++) key = `${idOf(data.id) ?? `e${i}`}~${n}`;
    edgeKeys.add(key);
    const source = idOf(data.source);
    const target = idOf(data.target);
    if (source === null || target === null)
      throw new FormatError(`The edge “${key}” in the ${WHAT} lacks its source or target.`);
    for (const end of [source, target])
      if (!keys.has(end))
        throw new FormatError(
          `The edge “${key}” in the ${WHAT} names a node “${end}” that the file does not have.`,
        );
    const edge: NeutralEdge = { key, source, target, type: null, directed: graph.directed, attrs: {} };
    for (const [k, v] of Object.entries(data)) {
      if (k === 'id' || k === 'source' || k === 'target') continue;
      const role = edgeRoles.get(k);
      if (role === 'type' && (typeof v === 'string' || typeof v === 'number')) edge.type = String(v);
      else if (role === 'summary' && typeof v === 'string') edge.summary = v;
      else if (role === 'directed' && typeof v === 'boolean') edge.directed = v;
      else if (role === 'weight' && v !== null) {
        const weight = typeof v === 'number' ? v : typeof v === 'string' ? parseNumber(v) : undefined;
        if (weight === undefined || !Number.isFinite(weight))
          throw new FormatError(
            `The edge “${key}” in the ${WHAT} has the weight “${String(v)}”, which is not a number.`,
          );
        edge.weight = weight;
      } else if (
        (role === 'startDate' || role === 'endDate') &&
        date(v) !== undefined &&
        (v === null || isPartialDate(String(v)))
      )
        edge[role === 'startDate' ? 'start' : 'end'] = date(v);
      else if (k === 'spells' && isSpells(v)) edge.spells = v;
      else edge.attrs[k] = toAttrValue(v);
    }
    if (typeof el.classes === 'string' && el.classes.trim()) edge.attrs.classes = el.classes;
    graph.edges.push(edge);
  });
  graph.nodeAttrs = defsFromValues(graph.nodes);
  graph.edgeAttrs = defsFromValues(graph.edges);
  return graph;
}

function isSpells(v: unknown): v is Spell[] {
  return (
    Array.isArray(v) &&
    v.every((s) => Array.isArray(s) && s.length === 2 && s.every((t) => t === null || typeof t === 'string'))
  );
}

export function readCyjs(bytes: Uint8Array): NeutralGraph {
  return readCyjsValue(parseJson(decodeAll(bytes, WHAT), WHAT));
}

/**
 * Cytoscape JSON as string pieces: Cytoscape desktop's shape (`data`, `elements.nodes/edges`,
 * `position`); the relation type is `interaction`, Cytoscape's own column for it.
 */
export function* writeCyjs(graph: NeutralGraph): Generator<string> {
  const directed = graph.edges.length ? graph.edges.some((e) => e.directed) : graph.directed;
  const meta: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(graph.meta))
    if (!['format_version', 'generated_by', 'target_cytoscapejs_version'].includes(k)) meta[k] = v;
  yield `{"format_version":"1.0","generated_by":${JSON.stringify(String(graph.meta.generated_by ?? 'analyst-workbench'))},"target_cytoscapejs_version":"~2.1","directed":${directed},"data":${JSON.stringify(meta)},"elements":{"nodes":[`;
  let first = true;
  for (const node of graph.nodes) {
    const data: Record<string, unknown> = { ...node.attrs, id: node.key, name: node.name };
    if (node.type !== null) data.type = node.type;
    if (node.aliases.length) data.aliases = node.aliases;
    if (node.summary !== undefined) data.summary = node.summary;
    if (node.tags !== undefined) data.tags = node.tags;
    if (node.start !== undefined) data.start = node.start;
    if (node.end !== undefined) data.end = node.end;
    if (node.spells) data.spells = node.spells;
    if (node.parent !== undefined) data.parent = node.parent;
    if (node.color !== undefined) data.color = node.color;
    if (node.size !== undefined) data.size = node.size;
    if (node.shape !== undefined) data.shape = node.shape;
    delete data.classes;
    const el: Record<string, unknown> = { data };
    if (node.x !== undefined || node.y !== undefined) el.position = { x: node.x ?? 0, y: node.y ?? 0 };
    if (node.attrs.classes !== undefined) el.classes = node.attrs.classes;
    yield (first ? '' : ',') + JSON.stringify(el);
    first = false;
  }
  yield '],"edges":[';
  first = true;
  for (const edge of graph.edges) {
    const data: Record<string, unknown> = {
      ...edge.attrs,
      id: edge.key,
      source: edge.source,
      target: edge.target,
    };
    if (edge.type !== null) data.interaction = edge.type;
    if (edge.summary !== undefined) data.summary = edge.summary;
    if (edge.weight !== undefined) data.weight = edge.weight;
    if (edge.start !== undefined) data.start = edge.start;
    if (edge.end !== undefined) data.end = edge.end;
    if (edge.spells) data.spells = edge.spells;
    if (edge.directed !== directed) data.directed = edge.directed;
    delete data.classes;
    const el: Record<string, unknown> = { data };
    if (edge.attrs.classes !== undefined) el.classes = edge.attrs.classes;
    yield (first ? '' : ',') + JSON.stringify(el);
    first = false;
  }
  yield ']}}\n';
}
