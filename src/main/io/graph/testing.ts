// Test helpers for the graph formats: a graph that uses every neutral field, and the part of a
// graph a format can carry, so a round trip can be compared whole.
import type { AttrValue, NeutralEdge, NeutralGraph, NeutralNode, WritableFormat } from './types';

/** A small case-like graph with types, weights, partial dates, parallel and symmetric relations. */
export function richGraph(): NeutralGraph {
  return {
    format: 'case',
    directed: true,
    meta: { creator: 'Analyst Workbench', description: 'Sahel groups, test case' },
    nodeAttrs: [
      { key: 'strength', title: 'strength', type: 'integer' },
      { key: 'score', title: 'score', type: 'double' },
      { key: 'designated', title: 'designated', type: 'boolean' },
      { key: 'languages', title: 'languages', type: 'list' },
      { key: 'note', title: 'note', type: 'string' },
      { key: 'betweenness', title: 'betweenness', type: 'double' },
    ],
    edgeAttrs: [
      { key: 'confidence', title: 'confidence', type: 'string' },
      { key: 'count', title: 'count', type: 'integer' },
    ],
    entityTypes: [],
    relationTypes: [],
    nodes: [
      {
        key: 'e1',
        name: 'Al Qaeda in the Islamic Maghreb',
        type: 'organization',
        aliases: ['AQIM', 'AQMI'],
        summary: 'Formed in 2007 when the GSPC joined Al Qaeda.\nMoved into the Sahel.',
        attrs: {
          strength: 1000,
          score: 0.25,
          designated: true,
          languages: ['ar', 'fr'],
          note: 'Tête de réseau <& "quotes">',
          betweenness: 0.5,
        },
        start: '2007',
        end: null,
        color: '#c55b36',
        x: 10.5,
        y: -20.25,
        size: 12,
        tags: ['lineage', 'sahel'],
        citedIn: ['s1'],
      },
      {
        key: 'e2',
        name: 'Groupe salafiste pour la prédication et le combat',
        type: 'organization',
        aliases: ['GSPC'],
        attrs: { strength: 300, score: 1.5, designated: false, languages: [], note: '', betweenness: 0 },
        start: '1998-09',
        end: '2007-01-24',
        color: '#906bc6',
        x: 0,
        y: 0,
        size: 8,
      },
      {
        key: 'e3',
        name: 'Mokhtar Belmokhtar',
        type: 'person',
        aliases: [],
        attrs: {
          strength: 1,
          score: -2.5e-7,
          designated: true,
          languages: ['ar'],
          note: 'one-eyed',
          betweenness: 0.125,
        },
        x: 5,
        y: 5,
      },
      {
        key: 'e4',
        name: 'Mali',
        type: 'location',
        aliases: [],
        attrs: { note: 'country' },
      },
      {
        key: 'e5',
        name: 'mali',
        type: 'location',
        aliases: [],
        attrs: { note: 'a case-only twin' },
      },
    ],
    edges: [
      {
        key: 'r1',
        source: 'e2',
        target: 'e1',
        type: 'renamed_to',
        directed: true,
        start: '2007-01',
        end: null,
        attrs: { confidence: 'high', count: 3 },
        citedIn: ['s1'],
      },
      {
        key: 'r2',
        source: 'e3',
        target: 'e1',
        type: 'member_of',
        directed: true,
        weight: 2.5,
        start: '2003',
        end: '2012',
        attrs: { confidence: 'medium' },
      },
      {
        key: 'r3',
        source: 'e3',
        target: 'e1',
        type: 'leader_of',
        directed: true,
        weight: 1,
        attrs: { count: 1 },
      },
      { key: 'r4', source: 'e1', target: 'e2', type: 'allied_with', directed: false, weight: 0.5, attrs: {} },
      {
        key: 'r5',
        source: 'e1',
        target: 'e4',
        type: 'operates_in',
        directed: true,
        start: '2012-03-22',
        end: '2013-01-11',
        attrs: {},
        summary: 'Northern Mali',
      },
      {
        key: 'r6',
        source: 'e3',
        target: 'e3',
        type: 'rival_of',
        directed: false,
        attrs: { confidence: 'a genuine self-loop' },
      },
    ],
    sources: [
      {
        key: 's1',
        title: 'CRS brief IF10172',
        url: 'https://crsreports.congress.gov/product/pdf/IF/IF10172',
        publishedOn: '2017-03-20',
        publisher: 'Congressional Research Service',
        attrs: {},
      },
    ],
    warnings: [],
  };
}

const strip = <T extends object>(o: T, keys: string[]): T => {
  const copy = { ...o } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy as T;
};

function dropNulls(attrs: Record<string, AttrValue>): Record<string, AttrValue> {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== null));
}

/**
 * The part of a graph that `format` carries, for comparing a round trip. What each format cannot
 * carry is listed here and nowhere else:
 * - every writable format: the case vocabulary (entityTypes, relationTypes); warnings.
 * - GEXF, GraphML, Cytoscape JSON: sources and citations (citedIn).
 * - GEXF: graph data other than creator, description and keywords (lastmodifieddate becomes the
 *   export day); null attribute values (absent instead); declared 'date' attributes (text).
 * - GraphML: spells (their span is kept as start/end), dynamic attribute histories (the latest
 *   value is kept); null attribute values.
 * - Cytoscape JSON: dynamic histories; declared attribute types and defaults (types are inferred
 *   from the values, which carry the defaults; an attribute with no value disappears).
 * - STIX: graph data and the graph's default direction; spells; dynamic histories; declared types
 *   and defaults as for Cytoscape JSON.
 * - Open ends: an open end (null) and no end (absent) are the same.
 */
export function carried(graph: NeutralGraph, format: WritableFormat): unknown {
  const json = format === 'cyjs' || format === 'stix';
  const node = (n: NeutralNode) => {
    let c = strip(n, format === 'stix' ? [] : ['citedIn']);
    if (c.start === null) c = strip(c, ['start']);
    if (c.end === null) c = strip(c, ['end']);
    if (format !== 'gexf') c = strip(c, ['dynamic']);
    if (format === 'graphml' || format === 'stix') c = strip(c, ['spells']);
    if (format === 'gexf' || format === 'graphml') c.attrs = dropNulls(c.attrs);
    return c;
  };
  const edge = (e: NeutralEdge) => {
    let c = strip(e, format === 'stix' ? [] : ['citedIn']);
    if (c.start === null) c = strip(c, ['start']);
    if (c.end === null) c = strip(c, ['end']);
    if (format !== 'gexf') c = strip(c, ['dynamic']);
    if (format === 'graphml' || format === 'stix') c = strip(c, ['spells']);
    if (format === 'gexf' || format === 'graphml') c.attrs = dropNulls(c.attrs);
    return c;
  };
  const used = (items: { attrs: Record<string, AttrValue> }[]) =>
    new Set(items.flatMap((i) => Object.keys(i.attrs)));
  const defs = (list: NeutralGraph['nodeAttrs'], items: { attrs: Record<string, AttrValue> }[]) => {
    if (json) {
      const keys = used(items);
      return list
        .map((d) => d.key)
        .filter((k) => keys.has(k))
        .sort();
    }
    return list.map((d) => {
      let c = { ...d };
      if (format === 'gexf' && c.type === 'date') c.type = 'string';
      if (format === 'graphml') c = strip(c, ['dynamic']);
      return c;
    });
  };
  const meta =
    format === 'graphml'
      ? graph.meta
      : format === 'gexf'
        ? {
            creator: graph.meta.creator ?? 'Analyst Workbench',
            ...(graph.meta.description !== undefined ? { description: graph.meta.description } : {}),
            ...(graph.meta.keywords !== undefined ? { keywords: graph.meta.keywords } : {}),
          }
        : format === 'cyjs'
          ? strip(graph.meta, ['format_version', 'generated_by', 'target_cytoscapejs_version'])
          : {};
  return {
    directed: format === 'stix' ? undefined : graph.directed,
    meta,
    nodeAttrs: defs(graph.nodeAttrs, graph.nodes),
    edgeAttrs: defs(graph.edgeAttrs, graph.edges),
    nodes: graph.nodes.map(node),
    edges: graph.edges.map(edge),
    sources: format === 'stix' ? graph.sources : [],
  };
}
