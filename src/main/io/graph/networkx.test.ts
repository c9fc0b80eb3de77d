// An independent library agrees with us: Debian's networkx 2.8.8 (/usr/bin/python3) reads our GEXF
// and GraphML exports back (same nodes, edges with their parallels, types, weights, attribute
// values), and computes the same degree, betweenness and PageRank on the real networks.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import {
  centrality,
  type CentralityOptions,
  type CentralityRelation,
} from '../../../shared/analytics/centrality';
import { tempDir } from '../../testing/tempCase';
import { networkx, networkxMissing, realFile } from '../../testing/realData';
import { richGraph } from './testing';
import { firstDay, lastDay } from './values';
import { readGraph, writeGraph, type AttrValue, type NeutralGraph } from '.';

const missing = networkxMissing();
if (missing) console.warn(`Skipping the networkx checks: ${missing}`);
const describeNx = missing ? describe.skip : describe;

interface NxGraph {
  directed: boolean;
  multigraph: boolean;
  nodes: { id: string; data: Record<string, unknown> }[];
  edges: { source: string; target: string; key?: string; data: Record<string, unknown> }[];
}

const dir = missing ? '' : tempDir('aw-networkx-');
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** How a value of ours looks once networkx has read it from GEXF or GraphML. */
function asNetworkx(value: AttrValue): unknown {
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

function count<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function checkReadBack(graph: NeutralGraph, format: 'gexf' | 'graphml', name: string): void {
  const file = path.join(dir, `${name}.${format}`);
  fs.writeFileSync(file, writeGraph(graph, format, { today: '2024-05-01' }));
  const nx = networkx<NxGraph>(['read', format, file]);
  const directed = graph.edges.some((e) => e.directed);
  expect(nx.directed).toBe(directed);

  // Nodes: the same ids, names, types and attribute values.
  expect(nx.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.key).sort());
  const nameKey =
    format === 'gexf'
      ? 'label'
      : ['label', 'name', 'node name'].find((k) => !graph.nodeAttrs.some((d) => d.key === k));
  const nxNodes = new Map(nx.nodes.map((n) => [n.id, n.data]));
  for (const node of graph.nodes) {
    const data = nxNodes.get(node.key)!;
    expect(data[nameKey!]).toBe(node.name);
    if (node.type !== null) expect(data.type).toBe(node.type);
    for (const [key, value] of Object.entries(node.attrs)) {
      // networkx reads an empty GraphML <data></data> as no value at all.
      if (value === null || (format === 'graphml' && value === '')) continue;
      const dynamic = node.dynamic?.[key];
      if (dynamic && format === 'gexf')
        expect(data[key]).toEqual(
          dynamic.map(([v, s, e]) => [
            v,
            s === null ? 'None' : firstDay(s),
            e === null ? 'None' : lastDay(e),
          ]),
        );
      else
        expect({ node: node.key, key, value: data[key] }).toEqual({
          node: node.key,
          key,
          value: asNetworkx(value),
        });
    }
    if (format === 'gexf' && (node.start || node.end) && !node.spells)
      expect(data.spells).toEqual([
        [node.start ? firstDay(node.start) : 'None', node.end ? lastDay(node.end) : 'None'],
      ]);
  }

  // Edges: counted with their parallels. GEXF's "mutual" (a symmetric relation in a directed
  // graph) is one edge each way for networkx; an undirected graph's edges have no order.
  const ours: [string, string][] = [];
  for (const e of graph.edges) {
    ours.push([e.source, e.target]);
    // (A mutual self-loop is the same edge both ways: networkx keeps it once.)
    if (format === 'gexf' && directed && !e.directed && e.source !== e.target)
      ours.push([e.target, e.source]);
  }
  const pair = ([s, t]: [string, string]) => (directed || s < t ? `${s} > ${t}` : `${t} > ${s}`);
  const theirs = nx.edges.map((e) => [e.source, e.target] as [string, string]);
  if (nx.multigraph) expect(count(theirs, pair)).toEqual(count(ours, pair));
  else {
    expect(new Set(theirs.map(pair))).toEqual(new Set(ours.map(pair)));
    expect(count(ours, pair).size).toBe(ours.length);
  }

  // Types, weights and attribute values by edge id.
  const byId = new Map<string, Record<string, unknown>>();
  for (const e of nx.edges) byId.set(String(e.data.id ?? e.key), e.data);
  for (const edge of graph.edges) {
    const data = byId.get(edge.key);
    if (!data) {
      // A simple graph keeps one of two parallel edges; the multiset check above has it.
      expect(nx.multigraph).toBe(false);
      continue;
    }
    if (edge.type !== null) expect(data.type).toBe(edge.type);
    if (edge.weight !== undefined) expect(data.weight).toBe(edge.weight);
    for (const [key, value] of Object.entries(edge.attrs)) {
      if (value === null || (format === 'gexf' && key === 'label') || (format === 'graphml' && value === ''))
        continue;
      expect({ edge: edge.key, key, value: data[key] }).toEqual({
        edge: edge.key,
        key,
        value: asNetworkx(value),
      });
    }
    if (format === 'gexf' && typeof edge.attrs.label === 'string') expect(data.label).toBe(edge.attrs.label);
  }
}

const FILES = [
  'gexf-spec-dynamics.gexf',
  'gephi081-rio.gexf',
  'gephi-arctic-gexf10.gexf',
  'yed320-ldbc-snb-example.graphml',
  'graphml-primer-attributes.graphml',
  'cytoscape31-genemania.cyjs',
  'stix-apt1.json',
];

describeNx('networkx reads our exports back', () => {
  for (const name of FILES)
    for (const format of ['gexf', 'graphml'] as const)
      it(`${name} as ${format}`, () => {
        checkReadBack(readGraph(realFile(name)), format, name);
      });

  for (const format of ['gexf', 'graphml'] as const)
    it(`a case-like graph (types, weights, dates, attributes) as ${format}`, () => {
      checkReadBack(richGraph(), format, 'rich');
    });
});

// ---------------------------------------------------------------------------------------------
// Centralities on the real networks.

interface Network {
  ids: string[];
  relations: CentralityRelation[];
}

function csvNetwork(prefix: string): Network {
  const entities = parse(Buffer.from(realFile(`${prefix}.entities.csv`)), { columns: true }) as {
    name: string;
  }[];
  const rows = parse(Buffer.from(realFile(`${prefix}.relations.csv`)), { columns: true }) as Record<
    string,
    string
  >[];
  return {
    ids: entities.map((e) => e.name),
    // These ties have no direction in the sources: symmetric.
    relations: rows.map((r) => ({
      source: r.source!,
      target: r.target!,
      type: r.type!,
      weight: r.weight ? Number(r.weight) : null,
      symmetric: true,
    })),
  };
}

function graphNetwork(name: string, weight?: string): Network {
  const g = readGraph(realFile(name));
  return {
    ids: g.nodes.map((n) => n.key),
    relations: g.edges.map((e) => ({
      source: e.source,
      target: e.target,
      type: e.type ?? '',
      weight: weight ? (e.attrs[weight] as number) : (e.weight ?? null),
      symmetric: !e.directed,
    })),
  };
}

interface NxCentrality {
  degree: number[];
  in?: number[];
  out?: number[];
  betweenness: number[];
  pagerank: number[];
}

const OPTIONS: CentralityOptions[] = [
  { weighted: false, directed: false },
  { weighted: false, directed: true },
  { weighted: true, directed: false },
  { weighted: true, directed: true },
];

const NETWORKS: [string, () => Network, CentralityOptions[]][] = [
  [
    'Krebs 9/11 (CSV, two tie types)',
    () => csvNetwork('krebs911_ucinet'),
    [...OPTIONS, { weighted: false, directed: false, types: ['prior_contact'] }],
  ],
  ['Koschade Bali (CSV, weights 1–5)', () => csvNetwork('bali_ji_koschade'), OPTIONS],
  ['Gephi Rio (GEXF, self-loops, reciprocal ties)', () => graphNetwork('gephi081-rio.gexf'), OPTIONS],
  [
    'yEd LDBC (GraphML, parallel ties, a self-loop, arrowless ties)',
    () => graphNetwork('yed320-ldbc-snb-example.graphml'),
    OPTIONS,
  ],
  [
    'Cytoscape GeneMANIA (parallel ties, normalized_max_weight as weight)',
    () => graphNetwork('cytoscape31-genemania.cyjs', 'normalized_max_weight'),
    [...OPTIONS, { weighted: true, directed: false, types: ['Predicted', 'Co-expression'] }],
  ],
];

function within(ours: ArrayLike<number>, theirs: number[]): number {
  expect(ours.length).toBe(theirs.length);
  let worst = 0;
  for (let i = 0; i < theirs.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - theirs[i]!));
  return worst;
}

describeNx('degree, betweenness and PageRank equal networkx within 1e-9', () => {
  // networkx side (networkx_check.py): a DiGraph (directed) or Graph (undirected) holding one edge
  // per pair, self-loops left out, symmetric relations added both ways when directed; weighted
  // graphs sum parallel weights on that edge. degree(weight=None|'weight'),
  // betweenness_centrality(weight=None|'distance' with distance = 1/weight), pagerank(alpha=0.85,
  // weight=None|'weight', tol=1e-12).
  for (const [label, load, optionsList] of NETWORKS) {
    // One python run per network, for all its definitions.
    let answers: NxCentrality[] | null = null;
    const network = () => load();
    optionsList.forEach((options, i) =>
      it(`${label}: ${JSON.stringify(options)}`, () => {
        const { ids, relations } = network();
        answers ??= networkx<NxCentrality[]>(['centrality'], { nodes: ids, relations, options: optionsList });
        const ours = centrality(ids, relations, options);
        const theirs = answers[i]!;
        expect(within(ours.degree, theirs.degree)).toBeLessThan(1e-9);
        if (options.directed) {
          expect(within(ours.inDegree!, theirs.in!)).toBeLessThan(1e-9);
          expect(within(ours.outDegree!, theirs.out!)).toBeLessThan(1e-9);
        }
        expect(within(ours.betweenness, theirs.betweenness)).toBeLessThan(1e-9);
        expect(within(ours.pagerank, theirs.pagerank)).toBeLessThan(1e-9);
        // Not a vacuous match: something central was found.
        expect(Math.max(...ours.betweenness)).toBeGreaterThan(0);
      }),
    );
  }
});
