// STIX 2.1 export: every bundle we write passes a checker of the STIX 2.1 JSON shape (required
// properties, timestamps, id format), ids are deterministic, and the workbench types map as documented.
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData';
import { richGraph } from './testing';
import { readGraph, uuidV5, writeGraph, type NeutralGraph } from '.';

type Json = Record<string, unknown>;

const IDENTIFIER =
  /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$/;
const PROPERTY = /^[a-z0-9_]{3,250}$/;
const TYPE = /^-?[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*-?$/;
/** Required properties beyond the common ones, from the SDO schemas of oasis-open/cti-stix2-json-schemas. */
const REQUIRED: Record<string, string[]> = {
  'attack-pattern': ['name'],
  campaign: ['name'],
  'course-of-action': ['name'],
  grouping: ['context', 'object_refs'],
  identity: ['name'],
  incident: ['name'],
  indicator: ['pattern', 'pattern_type', 'valid_from'],
  infrastructure: ['name'],
  'intrusion-set': ['name'],
  location: [],
  malware: ['is_family'],
  'malware-analysis': ['product'],
  note: ['content', 'object_refs'],
  'observed-data': ['first_observed', 'last_observed', 'number_observed', 'object_refs'],
  opinion: ['opinion', 'object_refs'],
  report: ['name', 'published', 'object_refs'],
  'threat-actor': ['name'],
  tool: ['name'],
  vulnerability: ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  sighting: ['sighting_of_ref'],
};
const SCO = new Set([
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'file',
  'email-addr',
  'mac-addr',
  'x509-certificate',
  'artifact',
  'autonomous-system',
  'directory',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'user-account',
  'windows-registry-key',
]);

/**
 * The STIX 2.1 JSON shape (after oasis-open/cti-stix2-json-schemas: common/core.json,
 * identifier.json, timestamp.json, bundle.json and the SDO schemas' required lists). Returns the
 * problems, one line each.
 */
function checkBundle(bundle: unknown, closed = true): string[] {
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (typeof bundle !== 'object' || bundle === null) return ['not an object'];
  const b = bundle as Json;
  if (b.type !== 'bundle') say('bundle', 'type is not "bundle"');
  if (typeof b.id !== 'string' || !IDENTIFIER.test(b.id) || !b.id.startsWith('bundle--'))
    say('bundle', `bad id ${String(b.id)}`);
  if (!Array.isArray(b.objects) || b.objects.length === 0) return [...problems, 'bundle: no objects'];
  const ids = new Set<string>();
  for (const o of b.objects as Json[]) {
    const where = String(o.id);
    if (typeof o.type !== 'string' || !TYPE.test(o.type) || o.type.length < 3)
      say(where, `bad type ${String(o.type)}`);
    if (typeof o.id !== 'string' || !IDENTIFIER.test(o.id) || o.id.split('--')[0] !== o.type)
      say(where, 'id is not <type>--<uuid>');
    if (ids.has(where)) say(where, 'id used twice');
    ids.add(where);
    const sco = SCO.has(o.type as string);
    if (!sco) {
      if (o.spec_version !== '2.1') say(where, 'spec_version is not "2.1"');
      for (const stamp of ['created', 'modified'])
        if (typeof o[stamp] !== 'string' || !TIMESTAMP.test(o[stamp] as string))
          say(where, `${stamp} is not a STIX timestamp`);
      if ((o.modified as string) < (o.created as string)) say(where, 'modified is before created');
    }
    for (const [key, value] of Object.entries(o)) {
      if (key !== 'id' && key !== 'type' && !PROPERTY.test(key)) say(where, `property name “${key}”`);
      if (value === null) say(where, `${key} is null`);
      if (Array.isArray(value) && value.length === 0) say(where, `${key} is an empty list`);
      if (key.endsWith('_ref') && (typeof value !== 'string' || !IDENTIFIER.test(value)))
        say(where, `${key} is not an identifier`);
      if (
        key.endsWith('_refs') &&
        (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && IDENTIFIER.test(v)))
      )
        say(where, `${key} is not a list of identifiers`);
      if (
        [
          'published',
          'first_seen',
          'last_seen',
          'valid_from',
          'valid_until',
          'start_time',
          'stop_time',
        ].includes(key) &&
        !TIMESTAMP.test(String(value))
      )
        say(where, `${key} is not a STIX timestamp`);
    }
    const custom = !((o.type as string) in REQUIRED) && o.type !== 'marking-definition' && !sco;
    if (custom && !(o.type as string).startsWith('x-')) say(where, 'a custom object type must start with x-');
    for (const key of Object.keys(o))
      if (
        !['id', 'type', 'spec_version', 'created', 'modified', 'name', 'description', 'aliases'].includes(
          key,
        ) &&
        custom &&
        !key.startsWith('x_')
      )
        say(where, `custom object property ${key} without x_`);
    for (const key of REQUIRED[o.type as string] ?? [])
      if (o[key] === undefined) say(where, `required ${key} is missing`);
    if (o.type === 'malware' && o.is_family === true && typeof o.name !== 'string')
      say(where, 'a malware family needs a name');
    if (
      o.type === 'location' &&
      !(o.region || o.country || (o.latitude !== undefined && o.longitude !== undefined))
    )
      say(where, 'a location needs a region, a country or latitude and longitude');
    if (o.type === 'relationship') {
      if (!/^[a-z0-9-]+$/.test(String(o.relationship_type)))
        say(where, 'relationship_type is not lower-case with hyphens');
      if (o.start_time && o.stop_time && !(String(o.stop_time) > String(o.start_time)))
        say(where, 'stop_time is not after start_time');
    }
    for (const ref of (o.external_references as Json[] | undefined) ?? [])
      if (typeof ref.source_name !== 'string') say(where, 'an external reference without source_name');
    for (const phase of (o.kill_chain_phases as Json[] | undefined) ?? [])
      if (typeof phase.kill_chain_name !== 'string' || typeof phase.phase_name !== 'string')
        say(where, 'a kill chain phase without its names');
  }
  // Every reference in our own bundles resolves inside the bundle (one read from STIX may point out).
  if (closed)
    for (const o of b.objects as Json[])
      for (const [key, value] of Object.entries(o))
        if (key.endsWith('_ref') || key.endsWith('_refs'))
          for (const ref of Array.isArray(value) ? value : [value])
            if (!ids.has(String(ref))) say(String(o.id), `${key} names ${String(ref)}, not in the bundle`);
  return problems;
}

const NOW = new Date('2024-05-01T12:00:00.000Z');
const bundleOf = (graph: NeutralGraph, caseId = 'case-1') =>
  JSON.parse(new TextDecoder().decode(writeGraph(graph, 'stix', { now: NOW, caseId }))) as {
    id: string;
    objects: Json[];
  };

describe('STIX 2.1 export', () => {
  it('the checker accepts the OASIS APT1 example and catches a broken object', () => {
    const apt1 = JSON.parse(new TextDecoder().decode(realFile('stix-apt1.json')));
    expect(checkBundle(apt1)).toEqual([]);
    const broken = structuredClone(apt1);
    broken.objects[0].id = 'intrusion-set--not-a-uuid';
    broken.objects[1].created = '2015-05-15 09:12';
    delete broken.objects[2].name;
    broken.objects[3].aliases = [];
    const problems = checkBundle(broken);
    expect(problems.filter((p) => !p.includes('not in the bundle'))).toEqual([
      'intrusion-set--not-a-uuid: id is not <type>--<uuid>',
      `${broken.objects[1].id}: created is not a STIX timestamp`,
      `${broken.objects[2].id}: required name is missing`,
      `${broken.objects[3].id}: aliases is an empty list`,
    ]);
  });

  it('writes bundles that pass the checker, from every real file and a case-like graph', () => {
    for (const name of [
      'stix-apt1.json',
      'gephi081-rio.gexf',
      'yed320-ldbc-snb-example.graphml',
      'cytoscape31-genemania.cyjs',
      'gexf-spec-dynamics.gexf',
      'graphml-primer-attributes.graphml',
    ])
      expect({ name, problems: checkBundle(bundleOf(readGraph(realFile(name)))) }).toEqual({
        name,
        problems: [],
      });
    expect(checkBundle(bundleOf(richGraph()))).toEqual([]);
  });

  it('gives the same ids on every export of the same case, different ones for another case', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    const first = bundleOf(richGraph());
    const later = JSON.parse(
      new TextDecoder().decode(
        writeGraph(richGraph(), 'stix', { now: new Date('2030-01-01T00:00:00Z'), caseId: 'case-1' }),
      ),
    );
    expect(later.objects.map((o: Json) => o.id)).toEqual(first.objects.map((o) => o.id));
    expect(later.id).toBe(first.id);
    const other = bundleOf(richGraph(), 'case-2');
    expect(other.objects.map((o) => o.id).filter((id) => first.objects.some((o) => o.id === id))).toEqual([]);
    // Objects read from STIX keep their STIX ids.
    const apt1 = bundleOf(readGraph(realFile('stix-apt1.json')));
    expect(
      apt1.objects.map((o) => o.id).filter((id) => (id as string).startsWith('threat-actor--')),
    ).toContain('threat-actor--6d179234-61fc-40c4-ae86-3d53308d8e65');
  });

  it('maps the workbench types as documented and keeps what STIX has no place for', () => {
    const { objects } = bundleOf(richGraph());
    const byName = (name: string) => objects.find((o) => o.name === name)!;
    expect(byName('Al Qaeda in the Islamic Maghreb')).toMatchObject({
      type: 'identity',
      identity_class: 'organization',
      aliases: ['AQIM', 'AQMI'],
      description: expect.stringContaining('GSPC'),
      x_analyst_workbench_type: 'organization',
      x_analyst_workbench_start: '2007',
      x_analyst_workbench_attrs: { strength: 1000, note: 'Tête de réseau <& "quotes">' },
    });
    expect(byName('Mokhtar Belmokhtar')).toMatchObject({
      type: 'identity',
      identity_class: 'individual',
      x_analyst_workbench_type: 'person',
    });
    // A location with neither country, region nor coordinates cannot be a STIX location.
    expect(byName('Mali')).toMatchObject({
      type: 'x-analyst-workbench-entity',
      x_analyst_workbench_type: 'location',
    });
    const member = objects.find((o) => o.relationship_type === 'member-of')!;
    expect(member).toMatchObject({
      type: 'relationship',
      source_ref: byName('Mokhtar Belmokhtar').id,
      target_ref: byName('Al Qaeda in the Islamic Maghreb').id,
      start_time: '2003-01-01T00:00:00.000Z',
      stop_time: '2012-12-31T23:59:59.999Z',
      x_analyst_workbench_type: 'member_of',
      x_analyst_workbench_weight: 2.5,
      x_analyst_workbench_start: '2003',
    });
    expect(objects.find((o) => o.relationship_type === 'allied-with')).toMatchObject({
      x_analyst_workbench_symmetric: true,
    });
    const report = objects.find((o) => o.type === 'report')!;
    expect(report).toMatchObject({
      name: 'CRS brief IF10172',
      published: '2017-03-20T00:00:00.000Z',
      external_references: [
        {
          source_name: 'Congressional Research Service',
          url: 'https://crsreports.congress.gov/product/pdf/IF/IF10172',
        },
      ],
    });
    expect(report.object_refs).toEqual([
      byName('Al Qaeda in the Islamic Maghreb').id,
      objects.find((o) => o.relationship_type === 'renamed-to')!.id,
    ]);
    const withCountry = richGraph();
    withCountry.nodes[3]!.attrs.country = 'ML';
    expect(bundleOf(withCountry).objects.find((o) => o.name === 'Mali')).toMatchObject({
      type: 'location',
      country: 'ML',
    });
  });

  it('reads embedded references as edges when they point inside the bundle, as attributes otherwise', () => {
    const id = (type: string, n: number) => `${type}--00000000-0000-4000-8000-00000000000${n}`;
    const common = {
      spec_version: '2.1',
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-01-01T00:00:00.000Z',
    };
    const bundle = {
      type: 'bundle',
      id: id('bundle', 0),
      objects: [
        {
          ...common,
          type: 'identity',
          id: id('identity', 1),
          name: 'CERT-X',
          identity_class: 'organization',
        },
        {
          ...common,
          type: 'malware',
          id: id('malware', 2),
          name: 'Dropper',
          is_family: true,
          created_by_ref: id('identity', 1),
        },
        { ...common, type: 'tool', id: id('tool', 3), name: 'Scanner', created_by_ref: id('identity', 9) },
        {
          ...common,
          type: 'sighting',
          id: id('sighting', 4),
          sighting_of_ref: id('malware', 2),
          where_sighted_refs: [id('identity', 1)],
          count: 3,
        },
        {
          ...common,
          type: 'relationship',
          id: id('relationship', 5),
          relationship_type: 'uses',
          source_ref: id('malware', 2),
          target_ref: id('tool', 8),
        },
      ],
    };
    const g = readGraph(new TextEncoder().encode(JSON.stringify(bundle)));
    expect(g.edges.map((e) => [e.type, e.source, e.target])).toEqual([
      ['uses', id('malware', 2), id('tool', 8)],
      ['created_by', id('malware', 2), id('identity', 1)],
      ['sighting_of', id('sighting', 4), id('malware', 2)],
      ['where_sighted', id('sighting', 4), id('identity', 1)],
    ]);
    // A creator outside the bundle stays an attribute; an end outside it becomes a placeholder entity.
    expect(g.nodes.find((n) => n.name === 'Scanner')!.attrs.created_by_ref).toBe(id('identity', 9));
    expect(g.nodes.find((n) => n.key === id('tool', 8))).toMatchObject({
      name: id('tool', 8),
      type: 'tool',
      attrs: { placeholder: true },
    });
    expect(g.warnings).toEqual([
      '1 relationship end points to objects outside the bundle; they were added as entities named by their STIX id (attribute “placeholder”).',
    ]);
    expect(g.nodes.find((n) => n.type === 'sighting')!.attrs.count).toBe(3);
    // And written back as the same references.
    const again = bundleOf(g).objects;
    expect(again.find((o) => o.type === 'malware')!.created_by_ref).toBe(id('identity', 1));
    expect(again.find((o) => o.type === 'sighting')).toMatchObject({
      sighting_of_ref: id('malware', 2),
      where_sighted_refs: [id('identity', 1)],
    });
    expect(checkBundle(bundleOf(g), false)).toEqual([]);
  });

  it('writes APT1 back with its own ids, properties and report refs', () => {
    const original = JSON.parse(new TextDecoder().decode(realFile('stix-apt1.json'))) as { objects: Json[] };
    const written = bundleOf(readGraph(realFile('stix-apt1.json')));
    const byId = new Map(written.objects.map((o) => [o.id, o]));
    for (const o of original.objects) {
      const mine = byId.get(o.id)!;
      expect(mine).toBeDefined();
      for (const [key, value] of Object.entries(o)) {
        if (key === 'object_refs') expect(new Set(mine[key] as string[])).toEqual(new Set(value as string[]));
        else expect({ id: o.id, key, value: mine[key] }).toEqual({ id: o.id, key, value });
      }
    }
    expect(written.objects).toHaveLength(original.objects.length);
  });
});
