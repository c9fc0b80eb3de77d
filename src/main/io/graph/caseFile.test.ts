// The workbench's own case file: a streamed write read back whole, originals in base64, private
// notes never written, and damaged or newer files refused in one sentence.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  caseFileToGraph,
  FormatError,
  readCaseFile,
  readGraph,
  sniffFormat,
  writeCaseFile,
  type CaseFile,
  type CaseFileInput,
} from '.';

const PDF = new Uint8Array(Array.from({ length: 1_000_001 }, (_, i) => (i * 7919) % 256));

function input(): CaseFileInput {
  return {
    exportedAt: '2024-05-01T12:00:00.000Z',
    case: { name: 'Sahel groups', description: 'Lineage of AQIM and its splinters.' },
    vocabulary: {
      entityTypes: [
        { id: 'organization', label: 'Organization', color: '#1f77b4', shape: 'round-rectangle' },
        { id: 'person', label: 'Person', color: '#ff7f0e', shape: 'ellipse' },
      ],
      relationTypes: [
        {
          id: 'splinter_of',
          label: 'splinter of',
          reads: 'broke away from',
          directed: true,
          lineage: true,
          color: '#d62728',
          lineStyle: 'solid',
        },
        {
          id: 'kinship',
          label: 'kinship',
          reads: 'is related to',
          directed: false,
          lineage: false,
          color: null,
          lineStyle: 'dashed',
        },
      ],
    },
    attributes: {
      entity: [{ key: 'strength', title: 'Strength', type: 'integer' }],
      relation: [{ key: 'confidence', title: 'Confidence', type: 'string' }],
    },
    entities: [
      {
        id: '1',
        type: 'organization',
        name: 'Al Qaeda in the Islamic Maghreb',
        aliases: ['AQIM'],
        summary: 'Formed 2007.',
        tags: ['lineage'],
        attrs: { strength: 1000, facts: [{ name: 'fighters', value: '1,000–4,000', asOf: null }] },
        start: '2007-01',
        end: null,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-02-01T00:00:00.000Z',
      },
      {
        id: '2',
        type: 'organization',
        name: 'Al Mourabitoun',
        aliases: [],
        summary: '',
        tags: [],
        attrs: {},
      },
      {
        id: '3',
        type: 'person',
        name: 'Mokhtar Belmokhtar',
        aliases: ['MBM', 'Laaouar'],
        summary: '',
        tags: [],
        attrs: {},
      },
      {
        id: '4',
        type: 'person',
        name: 'mokhtar belmokhtar',
        aliases: [],
        summary: 'A case-only twin, kept apart.',
        tags: [],
        attrs: {},
      },
    ],
    relations: [
      {
        id: '10',
        source: '2',
        target: '1',
        type: 'splinter_of',
        weight: null,
        start: '2013',
        end: null,
        summary: '',
        attrs: { confidence: 'high' },
      },
      {
        id: '11',
        source: '2',
        target: '1',
        type: 'splinter_of',
        weight: 2.5,
        start: '2015',
        end: '2016',
        summary: 'A second, dated tie.',
        attrs: {},
      },
      { id: '12', source: '3', target: '4', type: 'kinship', summary: '', attrs: {} },
      { id: '13', source: '3', target: '3', type: 'kinship', summary: 'A genuine self-loop.', attrs: {} },
    ],
    sources: [
      {
        id: '100',
        title: 'CRS brief IF10172',
        publisher: 'Congressional Research Service',
        author: 'Alexis Arieff',
        publishedOn: '2017-03-20',
        url: null,
        language: 'en',
        reliability: 'B',
        format: 'pdf',
        fileName: 'if10172.pdf',
        sha256: createHash('sha256').update(PDF).digest('hex'),
        pages: [
          { number: 1, start: 0, end: 20 },
          { number: 2, start: 20, end: 41 },
        ],
        text: 'AQIM, a U.S.-designated Foreign Terrorist Organization.',
        original: PDF,
        attrs: {},
      },
    ],
    citations: [
      {
        id: '1000',
        source: '100',
        subject: { kind: 'entity', id: '1' },
        quote: 'AQIM',
        start: 0,
        end: 4,
        credibility: 2,
      },
      {
        id: '1001',
        source: '100',
        subject: { kind: 'relation', id: '10' },
        quote: 'Foreign Terrorist Organization',
        start: null,
        end: null,
        credibility: 3,
      },
    ],
    notes: [
      {
        id: '1',
        subject: { kind: 'entity', id: '1' },
        body: 'Shareable: check the 2015 figure.',
        createdAt: '2024-03-01T00:00:00.000Z',
        updatedAt: '2024-03-01T00:00:00.000Z',
      },
      {
        id: '2',
        subject: { kind: 'case', id: null },
        body: 'PRIVATE: informant name',
        private: true,
        createdAt: '2024-03-01T00:00:00.000Z',
        updatedAt: '2024-03-01T00:00:00.000Z',
      },
    ],
  };
}

const join = (chunks: Iterable<Uint8Array>) => new Uint8Array(Buffer.concat([...chunks]));
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return (error as Error).message;
  }
  throw new Error('expected a FormatError');
}

describe('case file', () => {
  it('reads back everything the streamed writer wrote, the original bytes included', () => {
    const chunks = [...writeCaseFile(input())];
    // The original's 1 MB goes out in base64 pieces, not as one string.
    expect(chunks.length).toBeGreaterThan(4);
    const file = readCaseFile(join(chunks));
    const expected = input();
    expect(file.case).toEqual(expected.case);
    expect(file.vocabulary).toEqual(expected.vocabulary);
    expect(file.attributes).toEqual(expected.attributes);
    expect(file.entities).toEqual(expected.entities);
    expect(file.relations).toEqual(expected.relations);
    expect(file.citations).toEqual(expected.citations);
    const [source] = file.sources;
    expect({ ...source, original: undefined }).toEqual({ ...[...expected.sources][0], original: undefined });
    expect(Buffer.from(source!.original!, 'base64').equals(Buffer.from(PDF))).toBe(true);
    expect(sniffFormat(join(writeCaseFile(input())))).toBe('case');
  });

  it('never writes a private note, and refuses a file that holds one', () => {
    const written = new TextDecoder().decode(join(writeCaseFile(input())));
    expect(written).not.toContain('informant');
    const file = readCaseFile(new TextEncoder().encode(written));
    expect(file.notes).toEqual([
      {
        id: '1',
        subject: { kind: 'entity', id: '1' },
        body: 'Shareable: check the 2015 figure.',
        createdAt: '2024-03-01T00:00:00.000Z',
        updatedAt: '2024-03-01T00:00:00.000Z',
      },
    ]);
    const doc = JSON.parse(written) as CaseFile;
    (doc.notes[0] as unknown as { private: boolean }).private = true;
    expect(refusal(() => readCaseFile(bytes(doc)))).toBe(
      'This case file holds a private note, which no export of the workbench ever writes; it was refused.',
    );
  });

  it('refuses a file from a newer version, and reads the version 1 export', () => {
    const doc = JSON.parse(new TextDecoder().decode(join(writeCaseFile(input()))));
    expect(refusal(() => readCaseFile(bytes({ ...doc, version: 3 })))).toBe(
      'This case file was written by a newer Analyst Workbench (format version 3); this version reads up to 2. Nothing was imported.',
    );
    const v1 = {
      format: 'analyst-workbench-case',
      version: 1,
      exportedAt: '2023-01-01T00:00:00.000Z',
      name: 'Old case',
      sources: [
        {
          id: 1,
          title: 'Wiki',
          publisher: 'Wikipedia',
          published_on: null,
          url: 'https://en.wikipedia.org/',
          reliability: 'C',
          text: 'AQIM text',
        },
      ],
      entities: [
        { id: 1, type: 'organization', name: 'AQIM', aliases: [], summary: '' },
        { id: 2, type: 'organization', name: 'GSPC', aliases: ['Salafist Group'], summary: 'Algerian group' },
      ],
      relations: [
        {
          id: 5,
          source: 2,
          target: 1,
          type: 'renamed_to',
          start: '2007',
          end: null,
          summary: '',
          citations: [{ source: 1, quote: 'AQIM', credibility: 2 }],
        },
      ],
      entityCitations: [{ entity: 2, source: 1, quote: 'text', credibility: 3 }],
      notes: [
        {
          subject_kind: 'case',
          subject_id: null,
          body: 'shared',
          created_at: '2023-01-01',
          updated_at: '2023-01-01',
        },
      ],
    };
    const file = readCaseFile(bytes(v1));
    expect(file.entities.map((e) => [e.id, e.name, e.aliases])).toEqual([
      ['1', 'AQIM', []],
      ['2', 'GSPC', ['Salafist Group']],
    ]);
    expect(file.relations[0]).toMatchObject({
      id: '5',
      source: '2',
      target: '1',
      type: 'renamed_to',
      start: '2007',
    });
    expect(file.citations.map((c) => [c.subject.kind, c.subject.id, c.quote])).toEqual([
      ['relation', '5', 'AQIM'],
      ['entity', '2', 'text'],
    ]);
    expect(file.vocabulary.relationTypes.map((t) => t.id)).toEqual(['renamed_to']);
  });

  it('says what is wrong with a damaged file, in one sentence', () => {
    const doc = () => JSON.parse(new TextDecoder().decode(join(writeCaseFile(input()))));
    const emptyName = doc();
    emptyName.entities[2].name = '  ';
    expect(refusal(() => readCaseFile(bytes(emptyName)))).toBe(
      'The case file does not match its format (entity 3, field “name”: a name cannot be empty). Nothing was imported.',
    );
    const dangling = doc();
    dangling.relations[0].target = '99';
    expect(refusal(() => readCaseFile(bytes(dangling)))).toBe(
      'The relation “10” names an entity “99” that the case file does not have.',
    );
    const unknownType = doc();
    unknownType.relations[1].type = 'married_to';
    expect(refusal(() => readCaseFile(bytes(unknownType)))).toBe(
      "The relation “11” has the type “married_to”, which the case file's vocabulary does not list.",
    );
    const citation = doc();
    citation.citations[0].source = '7';
    expect(refusal(() => readCaseFile(bytes(citation)))).toBe(
      'The citation “1000” names a source “7” that the case file does not have.',
    );
    const badDate = doc();
    badDate.relations[0].start = '13/01/2013';
    expect(refusal(() => readCaseFile(bytes(badDate)))).toMatch(
      /^The case file does not match its format \(relation 1, field “start”: dates are ISO 8601/,
    );
    expect(refusal(() => readCaseFile(bytes({ format: 'something-else' })))).toMatch(
      /^This JSON is not an Analyst Workbench case export/,
    );
  });

  it('imports into an open case as a neutral graph: types, weights, citations as citedIn', () => {
    const graph = readGraph(join(writeCaseFile(input())));
    expect(graph.format).toBe('case');
    expect(graph.relationTypes.find((t) => t.id === 'kinship')).toEqual({
      id: 'kinship',
      label: 'kinship',
      reads: 'is related to',
      directed: false,
      lineage: false,
      lineStyle: 'dashed',
    });
    expect(graph.nodes.map((n) => n.name)).toEqual([
      'Al Qaeda in the Islamic Maghreb',
      'Al Mourabitoun',
      'Mokhtar Belmokhtar',
      'mokhtar belmokhtar',
    ]);
    expect(graph.nodes[0]).toMatchObject({
      type: 'organization',
      start: '2007-01',
      citedIn: ['100'],
      tags: ['lineage'],
    });
    // Objects inside attributes travel as their JSON text in the neutral graph.
    expect(graph.nodes[0]!.attrs.facts).toEqual(['{"name":"fighters","value":"1,000–4,000","asOf":null}']);
    expect(graph.edges.map((e) => [e.key, e.directed, e.weight ?? null])).toEqual([
      ['10', true, null],
      ['11', true, 2.5],
      ['12', false, null],
      ['13', false, null],
    ]);
    expect(graph.edges[0]!.citedIn).toEqual(['100']);
    expect(graph.sources[0]).toMatchObject({
      key: '100',
      title: 'CRS brief IF10172',
      publishedOn: '2017-03-20',
      attrs: { reliability: 'B', author: 'Alexis Arieff' },
    });
    expect(caseFileToGraph(readCaseFile(join(writeCaseFile(input())))).nodeAttrs).toEqual([
      { key: 'strength', title: 'Strength', type: 'integer' },
    ]);
  });
});
