// The graph readers on the real files of ../shared/real-data (what each one needs), sniffing,
// bad files, XML safety and read → write → read round trips for every format.
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData';
import { carried, richGraph } from './testing';
import {
  FormatError,
  readGraph,
  sniffFormat,
  writeGraph,
  writeGraphChunks,
  writeGraphStream,
  type WritableFormat,
} from '.';

const WRITABLE: WritableFormat[] = ['gexf', 'graphml', 'stix', 'cyjs'];
const GRAPH_FILES = [
  'gexf-spec-dynamics.gexf',
  'gephi081-rio.gexf',
  'gephi-arctic-gexf10.gexf',
  'yed320-ldbc-snb-example.graphml',
  'graphml-primer-attributes.graphml',
  'cytoscape31-genemania.cyjs',
  'stix-apt1.json',
];

const read = (name: string) => readGraph(realFile(name));
const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function formatError(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('real files: what each one needs', () => {
  it('GEXF 1.3 spec dynamics: spells, open ends, dynamic values with their latest, a boolean default', () => {
    const g = read('gexf-spec-dynamics.gexf');
    expect([g.format, g.nodes.length, g.edges.length, g.directed]).toEqual(['gexf', 4, 5, true]);
    expect(g.meta).toMatchObject({ creator: 'Gexf.net', description: 'A Web network changing over time' });
    const [gephi, network, visualization, graph] = g.nodes;
    expect(gephi).toMatchObject({
      name: 'Gephi',
      start: '2009-03-01',
      end: null,
      attrs: { url: 'http://gephi.org', frog: true },
    });
    // Two spells, the first open at its start: the lifetime spans both.
    expect(visualization).toMatchObject({
      spells: [
        [null, '2009-03-01'],
        ['2009-03-05', '2009-03-10'],
      ],
      start: null,
      end: '2009-03-10',
    });
    expect(network!.dynamic!.indegree).toEqual([
      [1, null, '2009-03-01'],
      [2, '2009-03-01', '2009-03-10'],
      [1, '2009-03-10', null],
    ]);
    expect(network!.attrs.indegree).toBe(1);
    expect(graph!.attrs).toEqual({ frog: false, indegree: 1 });
    expect(g.nodeAttrs.find((d) => d.key === 'indegree')).toEqual({
      key: 'indegree',
      title: 'indegree',
      type: 'double',
      dynamic: true,
    });
    expect(g.nodeAttrs.find((d) => d.key === 'frog')).toMatchObject({ type: 'boolean', default: true });
    expect(g.edges.map((e) => [e.source, e.target, e.start ?? null, e.end ?? null])).toEqual([
      ['0', '1', '2009-03-01', null],
      ['0', '2', '2009-03-01', '2009-03-10'],
      ['1', '0', '2009-03-01', null],
      ['2', '1', null, '2009-03-10'],
      ['0', '3', '2009-03-01', null],
    ]);
    expect(g.warnings).toEqual([]);
  });

  it('Gephi 0.8.1 Rio (GEXF 1.2draft): viz on every node, odd attribute ids, defaults, 11 self-loops', () => {
    const g = read('gephi081-rio.gexf');
    expect([g.nodes.length, g.edges.length, g.directed]).toEqual([366, 1107, true]);
    expect(
      g.nodes.every(
        (n) => /^#[0-9a-f]{6}$/.test(n.color!) && n.x !== undefined && n.y !== undefined && n.size! > 0,
      ),
    ).toBe(true);
    expect(g.nodes[0]).toMatchObject({
      key: 'ncs1',
      name: 'http://www.uncsd2012.org',
      x: 182.64406,
      size: 20,
      color: '#c55b36',
    });
    expect(g.nodes[0]!.attrs).toMatchObject({
      'Nature of institution:': 'Event',
      'In-Degree': 51,
      'Out-Degree': 2,
      Degree: 53,
    });
    expect(g.nodeAttrs.find((d) => d.key === 'In-Degree')).toEqual({
      key: 'In-Degree',
      title: 'In-Degree',
      type: 'integer',
      default: 0,
    });
    expect(g.nodes.every((n) => typeof n.attrs['In-Degree'] === 'number')).toBe(true);
    expect(g.edges.filter((e) => e.source === e.target)).toHaveLength(11);
    expect(new Set(g.edges.map((e) => pairKey(e.source, e.target))).size).toBe(999);
    const arcs = new Set(g.edges.map((e) => `${e.source}>${e.target}`));
    expect(g.edges.filter((e) => e.source < e.target && arcs.has(`${e.target}>${e.source}`))).toHaveLength(
      108,
    );
    expect(g.edges.every((e) => e.attrs.hypertext === true || e.attrs.hypertext === false)).toBe(true);
    expect(g.warnings).toEqual([]);
  });

  it('Gephi "Arctic" (GEXF 1.0): the old namespace and attvalue id=', () => {
    const g = read('gephi-arctic-gexf10.gexf');
    expect([g.nodes.length, g.edges.length, g.directed]).toEqual([1715, 6676, true]);
    expect(g.nodes[1]).toMatchObject({
      name: 'New York',
      color: '#ff3333',
      attrs: { nodedef: 'n1', label: 'New York', occurrences: 143 },
    });
    expect(g.nodes.every((n) => n.color && n.x !== undefined && n.size)).toBe(true);
    expect(new Set(g.edges.map((e) => pairKey(e.source, e.target))).size).toBe(6228);
    expect(g.warnings).toEqual([]);
  });

  it('yEd 3.20: multi-line accented labels, fill colours, geometry, a nested group, arrowless ties', () => {
    const g = read('yed320-ldbc-snb-example.graphml');
    expect([g.nodes.length, g.edges.length]).toEqual([30, 68]);
    const byKey = new Map(g.nodes.map((n) => [n.key, n]));
    expect(byKey.get('n1')!.name).toBe('Person\nAmelie');
    expect(byKey.get('n4')!.name).toBe('Forum\nCinéma');
    expect(byKey.get('n7')).toMatchObject({ name: 'Static', shape: 'rectangle' });
    const children = g.nodes.filter((n) => n.parent === 'n7');
    expect(children).toHaveLength(13);
    expect(children.every((n) => n.key.startsWith('n7::'))).toBe(true);
    // 12 fills shown; the file's 13th colour (#F5F5F5) fills the group only when it is folded.
    expect(new Set(g.nodes.map((n) => n.color).filter(Boolean)).size).toBe(12);
    // Position is the centre of the yEd geometry.
    expect(byKey.get('n0')).toMatchObject({
      x: 1305.2849017395865 + 85.44000000000017 / 2,
      color: '#b3de69',
      shape: 'ellipse',
    });
    expect(g.edges.filter((e) => e.source.includes('::') || e.target.includes('::'))).toHaveLength(30);
    expect(new Set(g.edges.map((e) => `${e.source}>${e.target}`)).size).toBe(66);
    expect(g.edges.filter((e) => e.source === e.target)).toHaveLength(1);
    // Person "knows" Person is drawn without arrow heads: read as undirected.
    expect(g.edges.filter((e) => !e.directed).map((e) => e.key)).toEqual([
      'e3',
      'e4',
      'e5',
      'e15',
      'e16',
      'e17',
    ]);
    expect(g.warnings).toEqual([]);
  });

  it('GraphML primer: typed keys, a default colour two nodes rely on, weights, graph data', () => {
    const g = read('graphml-primer-attributes.graphml');
    expect([g.nodes.length, g.edges.length, g.directed]).toEqual([6, 7, false]);
    expect(g.nodes.map((n) => n.color)).toEqual(['green', 'yellow', 'blue', 'red', 'yellow', 'turquoise']);
    expect(g.edges.map((e) => e.weight ?? null)).toEqual([1, 1, 2, null, null, null, 1.1]);
    expect(g.edges.every((e) => !e.directed)).toBe(true);
    expect(g.meta).toEqual({ mode: 'static' });
  });

  it('Cytoscape 3.1 GeneMANIA: SUID ids, parallel edges per data type, lists, JSON kept as text', () => {
    const g = read('cytoscape31-genemania.cyjs');
    expect([g.nodes.length, g.edges.length]).toEqual([31, 255]);
    expect(g.nodes[0]).toMatchObject({
      key: '296',
      name: 'H__sapiens__1_-Hs:5285773',
      type: 'result',
      x: 147.454345703125,
    });
    expect(g.nodes[0]!.attrs).toMatchObject({ gene_name: 'MED6', SUID: 296 });
    const pairs = new Map<string, number>();
    for (const e of g.edges)
      pairs.set(pairKey(e.source, e.target), (pairs.get(pairKey(e.source, e.target)) ?? 0) + 1);
    expect(pairs.size).toBe(160);
    expect(Math.max(...pairs.values())).toBe(4);
    expect(g.edges[0]).toMatchObject({ key: '343', type: 'Predicted' });
    expect(g.edges[0]!.attrs.networks).toEqual([
      'I2D-BioGRID-Yeast2Human',
      'I2D-Krogan-Greenblatt-2006-Core-Yeast2Human',
    ]);
    expect(g.edges[0]!.attrs.raw_weights).toEqual([0.08380527794361115, 0.6725959181785583]);
    expect(g.edgeAttrs.find((d) => d.key === 'raw_weights')!.type).toBe('list');
    expect(typeof g.meta.annotations).toBe('string');
    expect(JSON.parse(g.meta.annotations as string)[0]).toMatchObject({ name: 'GO:0006310' });
    expect(g.meta.generated_by).toBe('cytoscape-3.1.0');
  });

  it('STIX 2.1 APT1: every SDO its own type, relationships, report refs, twins kept apart', () => {
    const g = read('stix-apt1.json');
    const types = new Map<string, number>();
    for (const n of g.nodes) types.set(n.type!, (types.get(n.type!) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({
      'intrusion-set': 1,
      'threat-actor': 5,
      identity: 4,
      indicator: 12,
      malware: 6,
      tool: 10,
      'attack-pattern': 7,
      report: 1,
    });
    const relationships = g.edges.filter((e) => e.key.startsWith('relationship--'));
    expect(relationships).toHaveLength(30);
    const byType: Record<string, number> = {};
    for (const e of relationships) byType[e.type!] = (byType[e.type!] ?? 0) + 1;
    expect(byType).toEqual({ uses: 16, 'attributed-to': 7, indicates: 7 });
    expect(relationships.every((e) => e.directed)).toBe(true);
    // The report's object_refs: an edge to each of the 45 other objects, a citation on all 75.
    const refers = g.edges.filter((e) => e.type === 'refers_to');
    expect(refers).toHaveLength(45);
    expect(
      refers.every((e) => e.source.startsWith('report--') && e.attrs.stix_property === 'object_refs'),
    ).toBe(true);
    expect(
      [...g.nodes, ...relationships].filter(
        (i) => i.citedIn?.[0] === 'report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf',
      ),
    ).toHaveLength(75);
    expect(g.sources).toEqual([
      {
        key: 'report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf',
        title: "APT1: Exposing One of China's Cyber Espionage Units",
        publishedOn: '2013-02-19',
        description: expect.stringContaining('Mandiant'),
        attrs: {},
      },
    ]);
    const indicators = g.nodes.filter((n) => n.type === 'indicator');
    expect(
      indicators.every((n) => typeof n.attrs.pattern === 'string' && n.attrs.pattern.startsWith('[')),
    ).toBe(true);
    // Duplicate names and case-only twins stay separate entities, keyed by STIX id.
    expect(g.nodes.filter((n) => n.name === 'HTRAN Hop Point Accessor')).toHaveLength(4);
    expect(
      g.nodes
        .filter((n) => n.name.toLowerCase() === 'dota')
        .map((n) => n.type)
        .sort(),
    ).toEqual(['identity', 'threat-actor']);
    const apt1 = g.nodes.find((n) => n.name === 'APT1')!;
    // first_seen gives the lifetime's day; its exact time stays an attribute.
    expect(apt1).toMatchObject({
      type: 'intrusion-set',
      aliases: ['Comment Crew', 'Comment Group', 'Shady Rat'],
      start: '2006-06-01',
    });
    expect(apt1.attrs.first_seen).toBe('2006-06-01T18:13:15.684Z');
    expect(apt1.summary).toMatch(/^APT1 is a single organization of operators/);
    expect(
      JSON.parse(
        (
          g.nodes.find((n) => n.type === 'tool' && n.name === 'mimikatz')!.attrs
            .external_references as string[]
        )[0]!,
      ),
    ).toEqual({
      source_name: 'mimikatz',
      url: 'http://blog.gentilkiwi.com/mimikatz',
    });
    expect(g.warnings).toEqual([]);
  });
});

describe('sniffing the format from the content', () => {
  it('knows every real file by its content, whatever its name says', () => {
    const expected: Record<string, string> = {
      'gexf-spec-dynamics.gexf': 'gexf',
      'gephi081-rio.gexf': 'gexf',
      'gephi-arctic-gexf10.gexf': 'gexf',
      'yed320-ldbc-snb-example.graphml': 'graphml',
      'graphml-primer-attributes.graphml': 'graphml',
      'cytoscape31-genemania.cyjs': 'cyjs',
      'stix-apt1.json': 'stix',
    };
    for (const [name, format] of Object.entries(expected)) {
      expect(sniffFormat(realFile(name), 'download.txt')).toBe(format);
      expect(sniffFormat(realFile(name))).toBe(format);
    }
    for (const name of ['krebs911_ucinet.relations.csv', 'bali_ji_koschade.entities.csv'])
      expect(sniffFormat(realFile(name), name)).toBe('csv');
    expect(sniffFormat(realFile('krebs911_ucinet.relations.csv'))).toBe('csv');
  });

  it('knows our own exports, and says null for what is not a graph', () => {
    for (const format of WRITABLE) expect(sniffFormat(writeGraph(richGraph(), format))).toBe(format);
    expect(sniffFormat(bytes('{"hello": "world"}'))).toBeNull();
    expect(sniffFormat(bytes('<html><body/></html>'))).toBeNull();
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).toBeNull();
  });
});

describe('bad files end in one sentence', () => {
  const rio = text(realFile('gephi081-rio.gexf'));

  it('a truncated GEXF says it was cut short, with the line', () => {
    const cut = rio.slice(0, Math.floor(rio.length / 2));
    const error = formatError(() => readGraph(bytes(cut)));
    expect(error.message).toMatch(
      /^The GEXF file ends before its XML is complete \(.* at line \d+\): it was probably cut short/,
    );
    expect(error.line).toBe(cut.split('\n').length);
  });

  it('an edge naming a missing node gives the line and the node', () => {
    const broken = rio.replace('<edge source="ncs1" target="ncs2">', '<edge source="ncs1" target="n9">');
    expect(broken).not.toBe(rio);
    const line = broken.split('\n').findIndex((l) => l.includes('target="n9"')) + 1;
    const error = formatError(() => readGraph(bytes(broken)));
    expect(error.message).toBe(
      `Line ${line}: the <edge> “e0” names a node “n9” that the file does not have.`,
    );
    const graphml = text(realFile('graphml-primer-attributes.graphml')).replace('target="n2"', 'target="n9"');
    expect(formatError(() => readGraph(bytes(graphml))).message).toMatch(
      /^Line 27: the <edge> “e0” names a node “n9”/,
    );
    const cyjs = text(realFile('cytoscape31-genemania.cyjs')).replace('"target": "87"', '"target": "999999"');
    expect(formatError(() => readGraph(bytes(cyjs))).message).toContain(
      'names a node “999999” that the file does not have',
    );
  });

  it('a weight that is not a number is refused in GEXF, GraphML and Cytoscape JSON', () => {
    const gexf = rio.replace(
      '<edge source="ncs1" target="ncs2">',
      '<edge source="ncs1" target="ncs2" weight="heavy">',
    );
    expect(formatError(() => readGraph(bytes(gexf))).message).toMatch(
      /^Line \d+: the edge “e0” has the weight “heavy”, which is not a number\.$/,
    );
    const graphml = text(realFile('graphml-primer-attributes.graphml')).replace(
      '<data key="d1">2.0</data>',
      '<data key="d1">strong</data>',
    );
    expect(formatError(() => readGraph(bytes(graphml))).message).toBe(
      'Line 34: the edge “e2” has the weight “strong”, which is not a number.',
    );
    const cyjs = JSON.stringify({
      elements: {
        nodes: [{ data: { id: 'a' } }],
        edges: [{ data: { id: 'x', source: 'a', target: 'a', weight: 'lots' } }],
      },
    });
    expect(formatError(() => readGraph(bytes(cyjs))).message).toContain(
      'has the weight “lots”, which is not a number',
    );
  });

  it('broken UTF-8 names its line', () => {
    const good = realFile('graphml-primer-attributes.graphml');
    const at = text(good).indexOf('green');
    const bad = new Uint8Array(good);
    bad[at] = 0xff;
    const error = formatError(() => readGraph(bad));
    expect(error.message).toBe(
      `Line 14 of the GraphML file is not valid UTF-8 text (byte ${at + 1}); save the file again as UTF-8 and import it again.`,
    );
  });

  it('JSON that is not a graph, broken JSON, an empty file', () => {
    expect(formatError(() => readGraph(bytes('{"hello": "world"}'))).message).toMatch(
      /^This file is not one of the graph formats/,
    );
    expect(formatError(() => readGraph(bytes('{"hello": "world"}'), 'stix')).message).toMatch(
      /^This JSON is not a STIX bundle/,
    );
    expect(formatError(() => readGraph(bytes('{"hello": "world"}'), 'cyjs')).message).toMatch(
      /^This JSON is not a Cytoscape network/,
    );
    expect(
      formatError(() => readGraph(bytes('{"type": "bundle", "objects": [\n{"type": "identity",,}]}'), 'stix'))
        .message,
    ).toMatch(/^Line 2 of the STIX file is not valid JSON/);
    expect(formatError(() => readGraph(realFile('stix-apt1.json').subarray(0, 1000))).message).toMatch(
      /ends before its JSON is complete/,
    );
    expect(formatError(() => readGraph(new Uint8Array())).message).toBe('The file is empty.');
    expect(formatError(() => readGraph(realFile('krebs911_ucinet.relations.csv'))).message).toMatch(/CSV/);
  });

  it('a STIX relationship without its ends, and a case-only duplicate node id, are refused', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--1',
      objects: [{ type: 'relationship', id: 'relationship--1', relationship_type: 'uses' }],
    };
    expect(formatError(() => readGraph(bytes(JSON.stringify(bundle)))).message).toMatch(
      /has no source_ref or target_ref/,
    );
    const twice = '<gexf><graph><nodes><node id="a"/>\n<node id="a"/></nodes></graph></gexf>';
    expect(formatError(() => readGraph(bytes(twice))).message).toBe(
      'Line 2: the node id “a” is used twice; node ids must be unique.',
    );
  });
});

describe('XML safety', () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<graphml><graph><node id="n0"><data key="d0">&lol9;</data></node></graph></graphml>`;

  it('refuses a DOCTYPE that declares entities (billion laughs) without growing memory', () => {
    const before = process.memoryUsage().heapUsed;
    const error = formatError(() => readGraph(bytes(laughs), 'graphml'));
    expect(error.message).toMatch(
      /^The GraphML file declares its own XML entities \(<!ENTITY …> at line \d+\), which the workbench refuses/,
    );
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 << 20);
  });

  it('never fetches or reads an external entity', () => {
    const external = `<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<gexf><graph><nodes><node id="a" label="&secret;"/></nodes></graph></gexf>`;
    expect(formatError(() => readGraph(bytes(external))).message).toMatch(/declares its own XML entities/);
    // An entity used without any declaration is not expanded either.
    const undeclared = '<gexf><graph><nodes>\n<node id="a" label="&secret;"/></nodes></graph></gexf>';
    expect(formatError(() => readGraph(bytes(undeclared))).message).toBe(
      'Line 2 of the GEXF file uses an XML entity the file does not define; the workbench expands only &amp; &lt; &gt; &quot; &apos;.',
    );
  });
});

describe('read → write → read gives the same graph, up to what the format cannot carry', () => {
  const options = { now: new Date('2024-05-01T12:00:00.000Z'), today: '2024-05-01' };

  for (const name of GRAPH_FILES)
    for (const format of WRITABLE)
      it(`${name} through ${format}`, () => {
        const first = read(name);
        const again = readGraph(writeGraph(first, format, options), format);
        expect(again.format).toBe(format);
        expect(again.warnings).toEqual([]);
        expect(carried(again, format)).toEqual(carried(first, format));
      });

  for (const format of WRITABLE)
    it(`a case-like graph (types, weights, partial dates, parallel, symmetric and self relations) through ${format}`, () => {
      const graph = richGraph();
      const again = readGraph(writeGraph(graph, format, options), format);
      expect(carried(again, format)).toEqual(carried({ ...graph, format }, format));
    });

  it('streams the same bytes as it writes whole', async () => {
    const graph = read('gephi081-rio.gexf');
    const whole = writeGraph(graph, 'graphml');
    const pieces: Uint8Array[] = [];
    for await (const chunk of writeGraphStream(graph, 'graphml')) pieces.push(chunk);
    expect(Buffer.concat(pieces).equals(Buffer.from(whole))).toBe(true);
    expect([...writeGraphChunks(graph, 'graphml')].length).toBeGreaterThan(1);
  });

  it('writes partial dates as whole-day GEXF spells and keeps the exact dates beside them', () => {
    const gexf = text(writeGraph(richGraph(), 'gexf', options));
    expect(gexf).toContain('mode="dynamic" timeformat="date"');
    expect(gexf).toMatch(/<edge id="r2"[^>]*>[\s\S]*?<spell start="2003-01-01" end="2012-12-31"\/>/);
    expect(gexf).toContain(
      '<edge id="r4" source="e1" target="e2" type="mutual" kind="allied_with" weight="0.5">',
    );
    const back = readGraph(bytes(gexf));
    expect(back.edges.find((e) => e.key === 'r2')).toMatchObject({ start: '2003', end: '2012', weight: 2.5 });
  });
});

describe('other shapes the formats allow', () => {
  it('GEXF: nested nodes and pid, hex and alpha colours, mixed edges, kinds, lists, repeated edge ids', () => {
    const g = readGraph(
      bytes(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="t" title="type" type="string"/>
      <attribute id="l" title="languages" type="liststring"/>
      <attribute id="n" title="members" type="integer"/>
    </attributes>
    <nodes>
      <node id="g" label="Group"><viz:color hex="#ff8800" a="0.5"/>
        <nodes><node id="a" label="A"><attvalues><attvalue for="t" value="person"/><attvalue for="l" value="ar|fr"/><attvalue for="n" value="12.5"/></attvalues></node></nodes>
      </node>
      <node id="b" label="B" pid="g"/>
    </nodes>
    <edges>
      <edge id="x" source="a" target="b" kind="kinship" type="undirected" weight="2"/>
      <edge id="x" source="b" target="a" kind="rival_of"/>
    </edges>
  </graph>
</gexf>`),
    );
    expect(g.nodes.map((n) => [n.key, n.parent ?? null])).toEqual([
      ['g', null],
      ['a', 'g'],
      ['b', 'g'],
    ]);
    expect(g.nodes[0]!.color).toBe('#ff880080');
    expect(g.nodes[1]).toMatchObject({ type: 'person', attrs: { languages: ['ar', 'fr'], members: '12.5' } });
    expect(g.edges.map((e) => [e.key, e.type, e.directed, e.weight ?? null])).toEqual([
      ['x', 'kinship', false, 2],
      ['x~2', 'rival_of', true, null],
    ]);
    expect(g.warnings).toEqual([
      '1 node value of “members” is not whole numbers as declared; kept as text.',
      'An edge id was used twice; the repeat was renamed (“x” became “x~2”).',
    ]);
  });

  it('edge ids given in order and out of order never end up the same', () => {
    const g = readGraph(
      bytes(
        '<graphml><graph><node id="a"/><node id="b"/>' +
          '<edge id="e2" source="a" target="b"/><edge source="a" target="b"/><edge id="e2" source="b" target="a"/><edge id="e2" source="a" target="a"/>' +
          '</graph></graphml>',
      ),
    );
    // The first "e2" is out of place, the second edge gets the made-up key "e1", the third edge's
    // "e2" is in place and keeps it: the repeat after it and the out-of-place one give way.
    expect(g.edges.map((e) => e.key)).toEqual(['e2~3', 'e1', 'e2', 'e2~2']);
    expect(g.warnings).toEqual([
      '2 edge ids were used twice; the repeats were renamed (“e2” became “e2~2”, and so on).',
    ]);
  });

  it('GraphML: per-edge direction, keys for all, Gephi r/g/b, yEd edge labels, hyperedges said', () => {
    const g = readGraph(
      bytes(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="k" for="all" attr.name="note" attr.type="string"/>
  <key id="r" for="node" attr.name="r" attr.type="int"/><key id="g" for="node" attr.name="g" attr.type="int"/><key id="b" for="node" attr.name="b" attr.type="int"/>
  <key id="eg" for="edge" yfiles.type="edgegraphics"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="k">first</data><data key="r">255</data><data key="g">0</data><data key="b">16</data></node>
    <node id="b"/>
    <edge source="a" target="b" directed="true"><data key="k">one way</data>
      <data key="eg"><y:PolyLineEdge><y:Arrows source="none" target="standard"/><y:EdgeLabel>funds</y:EdgeLabel></y:PolyLineEdge></data></edge>
    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
  </graph>
</graphml>`),
    );
    expect(g.directed).toBe(false);
    expect(g.nodes[0]).toMatchObject({ color: '#ff0010', attrs: { note: 'first' } });
    expect(g.edges[0]).toMatchObject({ directed: true, attrs: { note: 'one way', label: 'funds' } });
    expect(g.warnings).toEqual(['1 hyperedge (an edge joining more than two nodes) was left out.']);
  });

  it('Cytoscape JSON: the flat element list, compound nodes, an undirected network', () => {
    const g = readGraph(
      bytes(
        JSON.stringify({
          directed: false,
          elements: [
            { group: 'nodes', data: { id: 1, name: 'Cell' }, position: { x: 1, y: 2 } },
            { data: { id: 2, label: 'Member', parent: 1, aliases: ['M'] } },
            { data: { id: 'e', source: 2, target: 1, interaction: 'member_of', weight: 3 } },
          ],
        }),
      ),
      'cyjs',
    );
    expect(g.nodes).toEqual([
      { key: '1', name: 'Cell', type: null, aliases: [], attrs: {}, x: 1, y: 2 },
      { key: '2', name: 'Member', type: null, aliases: ['M'], attrs: {}, parent: '1' },
    ]);
    expect(g.edges).toEqual([
      { key: 'e', source: '2', target: '1', type: 'member_of', directed: false, weight: 3, attrs: {} },
    ]);
  });
});
