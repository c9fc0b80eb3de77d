// interchange:export: the open case as GEXF, GraphML, STIX 2.1, Cytoscape JSON or a case file.
// Private notes never leave: the queries read `private = 0` notes only, and only when asked. Network
// formats carry the shareable notes of entities and relations (as a `notes` attribute); the case file
// carries every shareable note.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { ExportedFile } from '../../../shared/ipc/interchange/contract';
import { centrality, type CentralityRelation } from '../../../shared/analytics/centrality';
import type { AttrValues } from '../../../shared/attributes';
import {
  FILE_EXTENSIONS,
  emptyGraph,
  writeCaseFile,
  writeGraphChunks,
  type AttrDef,
  type AttrValue,
  type CaseCitation,
  type CaseEntity,
  type CaseFileInput,
  type CaseNote,
  type CaseRelation,
  type CaseSourceInput,
  type GraphFormat,
  type NeutralGraph,
  type NeutralNode,
} from '../../io/graph';
import { concatChunks } from '../../io/graph/text';
import type { CaseStore } from '../../store';
import { offerDownload } from '../downloads';

/** Up to this size the bytes come back in the answer; above, a download ticket. */
export const MAX_INLINE_EXPORT_BYTES = 20 * 1024 * 1024;
/** Centralities are computed for the export up to this many entities (betweenness is O(n·m)). */
export const CENTRALITY_LIMIT = 20_000;

type NotesChoice = 'none' | 'shareable';

interface EntityRowDb {
  id: number;
  type: string;
  name: string;
  summary: string;
  attrs: string;
  tags: string;
  active_from: string | null;
  active_to: string | null;
  created_at: string;
  updated_at: string;
}

interface RelationRowDb {
  id: number;
  source_id: number;
  target_id: number;
  type: string;
  start_date: string | null;
  end_date: string | null;
  summary: string;
  attrs: string;
  weight: number | null;
  created_at: string;
  updated_at: string;
}

const parse = (json: string): Record<string, unknown> => {
  if (json === '{}') return {};
  const value = JSON.parse(json) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
};

function aliasesByEntity(store: CaseStore): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const row of store.db.prepare('SELECT entity_id, name FROM alias ORDER BY id').raw().iterate()) {
    const [id, name] = row as [number, string];
    const list = map.get(id);
    if (list) list.push(name);
    else map.set(id, [name]);
  }
  return map;
}

/** Shareable notes by subject ('entity:12'), the case's own under 'case:'. Never a private one. */
function shareableNotes(store: CaseStore): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = store.db
    .prepare('SELECT subject_kind, subject_id, body FROM note WHERE private = 0 ORDER BY id')
    .all() as { subject_kind: string; subject_id: number | null; body: string }[];
  for (const row of rows) {
    const key = `${row.subject_kind}:${row.subject_id ?? ''}`;
    (map.get(key) ?? map.set(key, []).get(key)!).push(row.body);
  }
  return map;
}

function citedIn(store: CaseStore): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = store.db
    .prepare('SELECT DISTINCT subject_kind, subject_id, source_id FROM citation ORDER BY source_id')
    .raw()
    .all() as [string, number, number][];
  for (const [kind, id, source] of rows) {
    const key = `${kind}:${id}`;
    (map.get(key) ?? map.set(key, []).get(key)!).push(`s${source}`);
  }
  return map;
}

const ATTR_TYPE: Record<string, AttrDef['type']> = {
  number: 'double',
  boolean: 'boolean',
  date: 'date',
  text: 'string',
};

/** A stable id of the case for STIX ids: the same case exports the same ids. */
function caseIdOf(store: CaseStore): string {
  return crypto.createHash('sha256').update(store.file).digest('hex').slice(0, 32);
}

/** The case as the neutral graph every writer takes. */
export function caseToGraph(store: CaseStore, notes: NotesChoice = 'none'): NeutralGraph {
  const db = store.db;
  const graph = emptyGraph('case', true);
  const vocabulary = store.vocabulary.list();
  graph.meta.name = store.name;
  graph.meta.caseId = caseIdOf(store);
  graph.entityTypes = vocabulary.entityTypes.map((t) => ({
    id: t.id,
    label: t.label,
    color: t.colour,
    shape: t.shape,
  }));
  graph.relationTypes = vocabulary.relationTypes.map((t) => ({
    id: t.id,
    label: t.reads,
    reads: t.reads,
    directed: !t.symmetric,
    lineage: t.lineage,
    color: t.colour,
    lineStyle: t.lineStyle,
  }));
  const entityType = new Map(vocabulary.entityTypes.map((t) => [t.id, t]));
  const symmetric = new Map(vocabulary.relationTypes.map((t) => [t.id, t.symmetric]));
  const attrs = store.attributes.list();
  graph.nodeAttrs = attrs
    .filter((a) => a.kind === 'entity')
    .map((a) => ({ key: a.key, title: a.title, type: ATTR_TYPE[a.valueType] ?? 'string' }));
  graph.edgeAttrs = attrs
    .filter((a) => a.kind === 'relation')
    .map((a) => ({ key: a.key, title: a.title, type: ATTR_TYPE[a.valueType] ?? 'string' }));
  const notesOf = notes === 'shareable' ? shareableNotes(store) : new Map<string, string[]>();
  const aliases = aliasesByEntity(store);
  const cited = citedIn(store);

  for (const row of db
    .prepare('SELECT id, type, name, summary, attrs, tags, active_from, active_to FROM entity ORDER BY id')
    .iterate() as IterableIterator<EntityRowDb>) {
    const a = parse(row.attrs);
    const node: NeutralNode = {
      key: String(row.id),
      name: row.name,
      type: row.type,
      aliases: aliases.get(row.id) ?? [],
      attrs: { ...((a.values as AttrValues | undefined) ?? {}) },
      tags: row.tags === '[]' ? [] : (JSON.parse(row.tags) as string[]),
    };
    if (row.summary) node.summary = row.summary;
    const viz = (a.viz ?? {}) as Partial<Pick<NeutralNode, 'x' | 'y' | 'size' | 'color' | 'shape'>>;
    for (const k of ['x', 'y', 'size'] as const) if (typeof viz[k] === 'number') node[k] = viz[k];
    node.color = typeof viz.color === 'string' ? viz.color : entityType.get(row.type)?.colour;
    node.shape = typeof viz.shape === 'string' ? viz.shape : entityType.get(row.type)?.shape;
    if (row.active_from) node.start = row.active_from;
    if (row.active_to) node.end = row.active_to;
    const sources = cited.get(`entity:${row.id}`);
    if (sources) node.citedIn = sources;
    const notes = notesOf.get(`entity:${row.id}`);
    if (notes) node.attrs.notes = notes.join('\n\n');
    graph.nodes.push(node);
  }
  for (const row of db
    .prepare(
      'SELECT id, source_id, target_id, type, start_date, end_date, summary, attrs, weight FROM relation ORDER BY id',
    )
    .iterate() as IterableIterator<RelationRowDb>) {
    const a = parse(row.attrs);
    const edge: NeutralGraph['edges'][number] = {
      key: `r${row.id}`,
      source: String(row.source_id),
      target: String(row.target_id),
      type: row.type,
      directed: !(symmetric.get(row.type) ?? false),
      attrs: { ...((a.values as AttrValues | undefined) ?? {}) },
    };
    if (row.weight !== null) edge.weight = row.weight;
    if (row.start_date) edge.start = row.start_date;
    if (row.end_date) edge.end = row.end_date;
    if (row.summary) edge.summary = row.summary;
    const sources = cited.get(`relation:${row.id}`);
    if (sources) edge.citedIn = sources;
    const notes = notesOf.get(`relation:${row.id}`);
    if (notes) edge.attrs.notes = notes.join('\n\n');
    graph.edges.push(edge);
  }
  if (notesOf.size) {
    if (graph.nodes.some((n) => n.attrs.notes !== undefined))
      graph.nodeAttrs.push({ key: 'notes', title: 'Shareable notes', type: 'string' });
    if (graph.edges.some((e) => e.attrs.notes !== undefined))
      graph.edgeAttrs.push({ key: 'notes', title: 'Shareable notes', type: 'string' });
  }
  for (const s of db
    .prepare(
      'SELECT id, title, publisher, published_on, url, reliability, author, language FROM source ORDER BY id',
    )
    .all() as {
    id: number;
    title: string;
    publisher: string;
    published_on: string | null;
    url: string | null;
    reliability: string;
    author: string | null;
    language: string | null;
  }[]) {
    const extra: Record<string, AttrValue> = { reliability: s.reliability };
    if (s.author) extra.author = s.author;
    if (s.language) extra.language = s.language;
    graph.sources.push({
      key: `s${s.id}`,
      title: s.title,
      url: s.url,
      publishedOn: s.published_on,
      publisher: s.publisher,
      attrs: extra,
    });
  }
  addCentrality(graph, symmetric);
  return graph;
}

/** Degree, betweenness and PageRank (unweighted, undirected, every type) as node attributes. */
function addCentrality(graph: NeutralGraph, symmetric: Map<string, boolean>): void {
  if (graph.nodes.length === 0 || graph.nodes.length > CENTRALITY_LIMIT) return;
  const ids = graph.nodes.map((n) => n.key);
  const relations: CentralityRelation[] = graph.edges.map((e) => ({
    source: e.source,
    target: e.target,
    type: e.type ?? '',
    weight: e.weight ?? null,
    symmetric: symmetric.get(e.type ?? '') ?? false,
  }));
  const result = centrality(ids, relations, { weighted: false, directed: false });
  graph.nodes.forEach((node, i) => {
    node.attrs.degree = result.degree[i]!;
    node.attrs.betweenness = result.betweenness[i]!;
    node.attrs.pagerank = result.pagerank[i]!;
  });
  for (const key of ['degree', 'betweenness', 'pagerank'])
    if (!graph.nodeAttrs.some((a) => a.key === key))
      graph.nodeAttrs.push({
        key,
        title: key === 'pagerank' ? 'PageRank' : key[0]!.toUpperCase() + key.slice(1),
        type: 'double',
      });
}

/** The case as the workbench's own case file: everything, shareable notes only when asked. */
export function caseFileInput(store: CaseStore, notes: NotesChoice): CaseFileInput {
  const db = store.db;
  const vocabulary = store.vocabulary.list();
  const attrs = store.attributes.list();
  const aliases = aliasesByEntity(store);
  const toDef = (a: (typeof attrs)[number]): AttrDef => ({
    key: a.key,
    title: a.title,
    type: ATTR_TYPE[a.valueType] ?? 'string',
  });
  return {
    case: { name: store.name },
    vocabulary: {
      entityTypes: vocabulary.entityTypes.map((t) => ({
        id: t.id,
        label: t.label,
        color: t.colour,
        shape: t.shape,
      })),
      relationTypes: vocabulary.relationTypes.map((t) => ({
        id: t.id,
        label: t.reads,
        reads: t.reads,
        directed: !t.symmetric,
        lineage: t.lineage,
        color: t.colour,
        lineStyle: t.lineStyle,
      })),
    },
    attributes: {
      entity: attrs.filter((a) => a.kind === 'entity').map(toDef),
      relation: attrs.filter((a) => a.kind === 'relation').map(toDef),
    },
    entities: (function* (): Generator<CaseEntity> {
      for (const row of db
        .prepare(
          'SELECT id, type, name, summary, attrs, tags, active_from, active_to, created_at, updated_at FROM entity ORDER BY id',
        )
        .iterate() as IterableIterator<EntityRowDb>)
        yield {
          id: String(row.id),
          type: row.type,
          name: row.name,
          aliases: aliases.get(row.id) ?? [],
          summary: row.summary,
          tags: row.tags === '[]' ? [] : (JSON.parse(row.tags) as string[]),
          attrs: parse(row.attrs),
          start: row.active_from,
          end: row.active_to,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        };
    })(),
    relations: (function* (): Generator<CaseRelation> {
      for (const row of db
        .prepare(
          'SELECT id, source_id, target_id, type, start_date, end_date, summary, attrs, weight, created_at, updated_at FROM relation ORDER BY id',
        )
        .iterate() as IterableIterator<RelationRowDb>)
        yield {
          id: String(row.id),
          source: String(row.source_id),
          target: String(row.target_id),
          type: row.type,
          weight: row.weight,
          start: row.start_date,
          end: row.end_date,
          summary: row.summary,
          attrs: parse(row.attrs),
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        };
    })(),
    sources: (function* (): Generator<CaseSourceInput> {
      const rows = db
        .prepare(
          'SELECT id, title, publisher, author, published_on, url, language, reliability, format, file_name, sha256, pages, text, attrs FROM source ORDER BY id',
        )
        .all() as {
        id: number;
        title: string;
        publisher: string;
        author: string | null;
        published_on: string | null;
        url: string | null;
        language: string | null;
        reliability: string;
        format: string | null;
        file_name: string | null;
        sha256: string | null;
        pages: string | null;
        text: string;
        attrs: string;
      }[];
      for (const s of rows) {
        const original = s.sha256 ? store.originals.get(s.sha256) : null;
        const spans = s.pages ? (JSON.parse(s.pages) as [number, number][]) : null;
        yield {
          id: String(s.id),
          title: s.title,
          publisher: s.publisher,
          author: s.author,
          publishedOn: s.published_on,
          url: s.url,
          language: s.language,
          reliability: s.reliability,
          format: s.format,
          fileName: s.file_name,
          sha256: original ? s.sha256 : null,
          pages: spans?.map(([start, end], i) => ({ number: i + 1, start, end })) ?? null,
          text: s.text,
          original,
          attrs: parse(s.attrs),
        };
      }
    })(),
    citations: (function* (): Generator<CaseCitation> {
      for (const row of db
        .prepare(
          'SELECT id, source_id, subject_kind, subject_id, quote, start, "end", credibility, created_at FROM citation ORDER BY id',
        )
        .iterate() as IterableIterator<{
        id: number;
        source_id: number;
        subject_kind: 'entity' | 'relation';
        subject_id: number;
        quote: string;
        start: number | null;
        end: number | null;
        credibility: number;
        created_at: string;
      }>)
        yield {
          id: String(row.id),
          source: String(row.source_id),
          subject: { kind: row.subject_kind, id: String(row.subject_id) },
          quote: row.quote,
          start: row.start,
          end: row.end,
          credibility: row.credibility,
          createdAt: row.created_at,
        };
    })(),
    notes: (function* (): Generator<CaseNote> {
      if (notes !== 'shareable') return;
      for (const row of db
        .prepare(
          'SELECT id, subject_kind, subject_id, body, created_at, updated_at FROM note WHERE private = 0 ORDER BY id',
        )
        .iterate() as IterableIterator<{
        id: number;
        subject_kind: CaseNote['subject']['kind'];
        subject_id: number | null;
        body: string;
        created_at: string;
        updated_at: string;
      }>)
        yield {
          id: String(row.id),
          subject: { kind: row.subject_kind, id: row.subject_id === null ? null : String(row.subject_id) },
          body: row.body,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        };
    })(),
  };
}

const MIME: Record<GraphFormat, string> = {
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
  stix: 'application/stix+json;version=2.1',
  cyjs: 'application/json',
  case: 'application/json',
};

/** The export's bytes, in memory (a writer's chunks, joined once). */
export function exportBytes(store: CaseStore, format: GraphFormat, notes: NotesChoice): Uint8Array {
  if (format === 'case') return concatChunks(writeCaseFile(caseFileInput(store, notes)));
  return concatChunks(writeGraphChunks(caseToGraph(store, notes), format, { caseId: caseIdOf(store) }));
}

export function exportGraph(
  store: CaseStore,
  format: GraphFormat,
  notes: NotesChoice = 'none',
): ExportedFile {
  const bytes = exportBytes(store, format, notes);
  const day = new Date().toISOString().slice(0, 10);
  const suffix = format === 'stix' ? ' STIX' : format === 'case' ? ' case' : '';
  const name = `${store.name}${suffix} ${day}${FILE_EXTENSIONS[format]}`.replace(/[\\/:*?"<>|]/g, '_');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length <= MAX_INLINE_EXPORT_BYTES) return { name, bytes: buffer.toString('base64') };
  const downloadId = offerDownload({
    fileName: name,
    mime: MIME[format],
    open: () => Readable.from([buffer]),
  });
  return { name, downloadId, size: buffer.length };
}
