// The network readers in the hostile-files table (readGraph of src/main/io/graph: GEXF, GraphML,
// STIX 2.1, Cytoscape JSON, case files), each on the real files of ../shared/real-data, mutated,
// and on attacks: external entities (XXE) that would read a local file into the graph, entity bombs,
// JSON nested millions deep. A graph that carries the secret an external entity points at fails as a crash.
import fs from 'node:fs';
import path from 'node:path';
import { FormatError, readGraph } from '../../io/graph';
import { AppError } from '../../services/errors';
import { REAL_DATA, repeated, writePieces, type Attack, type HostileParser } from './kit';

/** What an external entity would bring in: the file sits beside every attack. */
const SECRET = 'XXE-SECRET-7f3a';
const secretFileOf = (file: string): string => `${file}.secret`;

async function read(file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  try {
    const graph = readGraph(bytes, undefined, path.basename(file));
    if (JSON.stringify(graph).includes(SECRET))
      throw new Error('an external entity brought a local file into the graph');
    return `${graph.format}: ${graph.nodes.length} nodes, ${graph.edges.length} edges`;
  } catch (error) {
    if (error instanceof FormatError) throw new AppError('invalid_input', error.message);
    throw error;
  }
}

const realFiles = (...extensions: string[]): string[] =>
  fs
    .readdirSync(REAL_DATA)
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .map((f) => path.join(REAL_DATA, f));

function externalEntity(root: 'gexf' | 'graphml'): Attack {
  return {
    name: `${root} with an external entity (XXE)`,
    extension: `.${root}`,
    write: (f) => {
      fs.writeFileSync(secretFileOf(f), SECRET);
      const doctype = `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file://${secretFileOf(f)}"><!ENTITY % p SYSTEM "file://${secretFileOf(f)}">%p;]>`;
      const body =
        root === 'gexf'
          ? '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="&xxe;"/><node id="b" label="AQIM"/></nodes><edges><edge id="e" source="a" target="b"/></edges></graph></gexf>'
          : '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="n" for="node" attr.name="name" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="n">&xxe;</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>';
      fs.writeFileSync(f, `<?xml version="1.0"?>${doctype}${body}`);
    },
  };
}

function entityBomb(root: 'gexf' | 'graphml'): Attack {
  const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
    '',
  );
  return {
    name: `${root} with an entity bomb (billion laughs)`,
    extension: `.${root}`,
    write: (f) =>
      fs.writeFileSync(
        f,
        `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY l0 "ha">${laughs}]>` +
          (root === 'gexf'
            ? '<gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a" label="&l9;"/></nodes></graph></gexf>'
            : '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="&l9;"/></graph></graphml>'),
      ),
  };
}

function deepJson(name: string, extension: string, head: string, tail: string): Attack {
  return {
    name,
    extension,
    write: (f) => writePieces(f, [head, ...repeated('[', 20_000_000), ...repeated(']', 20_000_000), tail]),
  };
}

const XML_ATTACKS: Attack[] = [
  {
    name: 'gexf nested a million elements deep',
    extension: '.gexf',
    write: (f) =>
      writePieces(f, [
        '<gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a" label="A">',
        ...repeated('<x>', 1_000_000),
        ...repeated('</x>', 1_000_000),
        '</node></nodes></graph></gexf>',
      ]),
  },
  {
    name: 'graphml with a 50 MB attribute',
    extension: '.graphml',
    write: (f) =>
      writePieces(f, [
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="',
        ...repeated('a', 50_000_000),
        '"/></graph></graphml>',
      ]),
  },
  {
    name: 'gexf with 200,000 nodes of one id',
    extension: '.gexf',
    write: (f) =>
      writePieces(f, [
        '<gexf xmlns="http://gexf.net/1.3"><graph><nodes>',
        ...repeated('<node id="a" label="AQIM"/>', 200_000),
        '</nodes></graph></gexf>',
      ]),
  },
  {
    name: 'graphml edges to nodes that are not there',
    extension: '.graphml',
    write: (f) =>
      writePieces(f, [
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">',
        ...Array.from({ length: 1000 }, (_, i) => `<edge source="n${i}" target="m${i}"/>`),
        '</graph></graphml>',
      ]),
  },
  {
    name: 'XML in UTF-16 that says UTF-8',
    extension: '.gexf',
    write: (f) =>
      fs.writeFileSync(
        f,
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a" label="AQIM"/></nodes></graph></gexf>',
          'utf16le',
        ),
      ),
  },
];

const JSON_ATTACKS: Attack[] = [
  deepJson(
    'STIX nested twenty million arrays deep',
    '.json',
    '{"type":"bundle","id":"bundle--1","objects":',
    '}',
  ),
  deepJson('Cytoscape JSON nested twenty million arrays deep', '.cyjs', '{"elements":{"nodes":', '}}'),
  {
    name: 'STIX objects with references to nothing and wrong kinds',
    extension: '.json',
    write: (f) =>
      fs.writeFileSync(
        f,
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--1',
          objects: [
            {
              type: 'relationship',
              id: 'relationship--1',
              source_ref: 'x--1',
              target_ref: { a: 1 },
              relationship_type: 7,
            },
            { type: 'intrusion-set', id: 'intrusion-set--1', name: ['AQIM'], aliases: 'AQIM' },
            {
              type: 'report',
              id: 'report--1',
              object_refs: Array.from({ length: 100_000 }, (_, i) => `x--${i}`),
            },
            { type: '__proto__', id: 'constructor', name: 'prototype' },
            null,
            42,
          ],
        }),
      ),
  },
  {
    name: 'Cytoscape JSON with 100,000 edges of one pair and a 1e308 position',
    extension: '.cyjs',
    write: (f) =>
      fs.writeFileSync(
        f,
        JSON.stringify({
          elements: {
            nodes: [
              { data: { id: 'a', name: 'AQIM' }, position: { x: 1e308, y: -1e308 } },
              { data: { id: 'b' } },
            ],
            edges: Array.from({ length: 100_000 }, (_, i) => ({
              data: { id: `e${i}`, source: 'a', target: 'b' },
            })),
          },
        }),
      ),
  },
];

export const GRAPH_PARSERS: HostileParser[] = [
  {
    name: 'GEXF and GraphML (readGraph)',
    extension: '.gexf',
    mutations: 10,
    samples: () => realFiles('.gexf', '.graphml'),
    attacks: [
      externalEntity('gexf'),
      externalEntity('graphml'),
      entityBomb('gexf'),
      entityBomb('graphml'),
      ...XML_ATTACKS,
    ],
    parse: read,
  },
  {
    name: 'STIX and Cytoscape JSON (readGraph)',
    extension: '.json',
    mutations: 10,
    samples: () => realFiles('.cyjs', 'stix-apt1.json'),
    attacks: JSON_ATTACKS,
    parse: read,
  },
];
