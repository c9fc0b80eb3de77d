// The workbench's own full-fidelity export (`format: 'analyst-workbench-case'`, version 2): the
// vocabulary, entities, relations, sources with their text (and optionally their original bytes),
// citations and shareable notes, as plain typed objects. Independent of the store: the service that
// exports reads the case into these shapes, the one that imports writes them into a new case.
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { decodeAll, encodePieces, parseJson } from './text';
import {
  emptyGraph,
  FormatError,
  type AttrDef,
  type AttrValue,
  type NeutralGraph,
  type NeutralNode,
} from './types';
import { defsFromValues, toAttrValue } from './values';

export const CASE_FILE_FORMAT = 'analyst-workbench-case';
export const CASE_FILE_VERSION = 2;
const WHAT = 'case file';

/** Any JSON value (attributes may hold objects, such as an entity's facts). */
export type JsonValue = unknown;

export interface CaseEntityType {
  id: string;
  label: string;
  color?: string | null;
  shape?: string | null;
}

export interface CaseRelationType {
  id: string;
  label: string;
  /** How the relation reads from source to target ("broke away from"). */
  reads: string;
  /** False for symmetric types. */
  directed: boolean;
  lineage: boolean;
  color?: string | null;
  lineStyle?: 'solid' | 'dashed' | 'dotted' | null;
}

export interface CaseEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  summary: string;
  tags: string[];
  attrs: Record<string, JsonValue>;
  /** Lifetime (active from / to), partial ISO dates. */
  start?: string | null;
  end?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface CaseRelation {
  id: string;
  source: string;
  target: string;
  type: string;
  weight?: number | null;
  start?: string | null;
  end?: string | null;
  summary: string;
  attrs: Record<string, JsonValue>;
  createdAt?: string;
  updatedAt?: string;
}

export interface CasePage {
  number: number;
  start: number;
  end: number;
}

export interface CaseSource {
  id: string;
  title: string;
  publisher: string;
  author?: string | null;
  publishedOn?: string | null;
  url?: string | null;
  language?: string | null;
  /** Admiralty reliability letter A–F. */
  reliability: string;
  format?: string | null;
  fileName?: string | null;
  sha256?: string | null;
  pages?: CasePage[] | null;
  /** The text citation offsets index. */
  text: string;
  /** The original file's bytes as standard base64, when the export includes originals. */
  original?: string | null;
  attrs: Record<string, JsonValue>;
  createdAt?: string;
  updatedAt?: string;
}

export interface CaseCitation {
  id: string;
  source: string;
  subject: { kind: 'entity' | 'relation'; id: string };
  quote: string;
  start: number | null;
  end: number | null;
  /** Admiralty credibility digit 1–6. */
  credibility: number;
  createdAt?: string;
}

/** Shareable notes only: a case file never holds a private note. */
export interface CaseNote {
  id: string;
  subject: { kind: 'case' | 'entity' | 'relation' | 'source'; id: string | null };
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseFile {
  format: typeof CASE_FILE_FORMAT;
  version: typeof CASE_FILE_VERSION;
  exportedAt: string;
  generator?: string;
  case: { name: string; description?: string; attrs?: Record<string, JsonValue> };
  vocabulary: { entityTypes: CaseEntityType[]; relationTypes: CaseRelationType[] };
  /** Declared attribute columns of entities and relations (types, defaults). */
  attributes?: { entity: AttrDef[]; relation: AttrDef[] };
  entities: CaseEntity[];
  relations: CaseRelation[];
  sources: CaseSource[];
  citations: CaseCitation[];
  notes: CaseNote[];
}

// ---------------------------------------------------------------------------------------------
// Schema.

const Id = z.union([z.string().min(1).max(200), z.number().int().min(0)]).transform(String);
const Text = (max: number) => z.string().max(max);
const PartialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'dates are ISO 8601: 2013, 2013-01 or 2013-01-16',
  );
const Attrs = z.record(z.string(), z.unknown());
const Stamp = z.string().max(40);
const Colour = z.string().max(40).nullable().optional();

const AttrDefSchema = z.object({
  key: z.string().min(1).max(200),
  title: z.string().max(200),
  type: z.enum(['string', 'integer', 'double', 'boolean', 'date', 'list']),
  default: z.unknown().optional(),
  dynamic: z.boolean().optional(),
});

const CaseFileSchema = z.object({
  format: z.literal(CASE_FILE_FORMAT),
  version: z.literal(CASE_FILE_VERSION),
  exportedAt: Stamp,
  generator: z.string().max(200).optional(),
  case: z.object({ name: Text(500), description: Text(100_000).optional(), attrs: Attrs.optional() }),
  vocabulary: z.object({
    entityTypes: z.array(
      z.object({
        id: z.string().min(1).max(64),
        label: Text(200),
        color: Colour,
        shape: z.string().max(40).nullable().optional(),
      }),
    ),
    relationTypes: z.array(
      z.object({
        id: z.string().min(1).max(64),
        label: Text(200),
        reads: Text(200),
        directed: z.boolean(),
        lineage: z.boolean(),
        color: Colour,
        lineStyle: z.enum(['solid', 'dashed', 'dotted']).nullable().optional(),
      }),
    ),
  }),
  attributes: z.object({ entity: z.array(AttrDefSchema), relation: z.array(AttrDefSchema) }).optional(),
  entities: z.array(
    z.object({
      id: Id,
      type: z.string().min(1).max(64),
      name: z
        .string()
        .max(500)
        .refine((s) => s.trim().length > 0, 'a name cannot be empty'),
      aliases: z.array(Text(500)).default([]),
      summary: Text(1_000_000).default(''),
      tags: z.array(Text(100)).default([]),
      attrs: Attrs.default({}),
      start: PartialDate.nullable().optional(),
      end: PartialDate.nullable().optional(),
      createdAt: Stamp.optional(),
      updatedAt: Stamp.optional(),
    }),
  ),
  relations: z.array(
    z.object({
      id: Id,
      source: Id,
      target: Id,
      type: z.string().min(1).max(64),
      weight: z.number().finite().nullable().optional(),
      start: PartialDate.nullable().optional(),
      end: PartialDate.nullable().optional(),
      summary: Text(1_000_000).default(''),
      attrs: Attrs.default({}),
      createdAt: Stamp.optional(),
      updatedAt: Stamp.optional(),
    }),
  ),
  sources: z.array(
    z.object({
      id: Id,
      title: z
        .string()
        .max(1000)
        .refine((s) => s.trim().length > 0, 'a title cannot be empty'),
      publisher: Text(500).default(''),
      author: Text(500).nullable().optional(),
      publishedOn: PartialDate.nullable().optional(),
      url: Text(4000).nullable().optional(),
      language: Text(40).nullable().optional(),
      reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).default('F'),
      format: z.enum(['txt', 'md', 'html', 'pdf', 'docx']).nullable().optional(),
      fileName: Text(1000).nullable().optional(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable()
        .optional(),
      pages: z
        .array(
          z.object({
            number: z.number().int().min(1),
            start: z.number().int().min(0),
            end: z.number().int().min(0),
          }),
        )
        .nullable()
        .optional(),
      text: z.string().default(''),
      original: z.base64().nullable().optional(),
      attrs: Attrs.default({}),
      createdAt: Stamp.optional(),
      updatedAt: Stamp.optional(),
    }),
  ),
  citations: z.array(
    z.object({
      id: Id,
      source: Id,
      subject: z.object({ kind: z.enum(['entity', 'relation']), id: Id }),
      quote: z.string().max(1_000_000),
      start: z.number().int().min(0).nullable(),
      end: z.number().int().min(0).nullable(),
      credibility: z.number().int().min(1).max(6),
      createdAt: Stamp.optional(),
    }),
  ),
  notes: z.array(
    z.object({
      id: Id,
      subject: z.object({ kind: z.enum(['case', 'entity', 'relation', 'source']), id: Id.nullable() }),
      body: z.string().max(1_000_000),
      private: z.literal(false).optional(),
      createdAt: Stamp,
      updatedAt: Stamp,
    }),
  ),
});

/** A zod issue path in the analyst's words: entities[3].name → "entity 4, its name". */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [head, index, ...rest] = issue.path;
  const singular: Record<string, string> = {
    entities: 'entity',
    relations: 'relation',
    sources: 'source',
    citations: 'citation',
    notes: 'note',
    entityTypes: 'entity type',
    relationTypes: 'relation type',
  };
  let where = issue.path.join('.');
  if (typeof head === 'string' && typeof index === 'number' && singular[head])
    where = `${singular[head]} ${index + 1}${rest.length ? `, field “${rest.join('.')}”` : ''}`;
  else if (head === 'vocabulary' && typeof rest[0] === 'number' && typeof index === 'string')
    where = `${singular[index] ?? index} ${rest[0] + 1}${rest.length > 1 ? `, field “${rest.slice(1).join('.')}”` : ''}`;
  return `${where}: ${issue.message.replace(/^Invalid input: /, '').replace(/\.$/, '')}`;
}

/** The version 1 export (case:exportJson before this format): kept readable. */
function upgradeVersion1(doc: Record<string, unknown>): unknown {
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const entities = list(doc.entities);
  const relations = list(doc.relations);
  const citations: unknown[] = [];
  let n = 0;
  for (const r of relations)
    for (const c of list(r.citations))
      citations.push({
        id: `c${++n}`,
        source: c.source,
        subject: { kind: 'relation', id: r.id },
        quote: c.quote,
        start: null,
        end: null,
        credibility: c.credibility,
      });
  for (const c of list(doc.entityCitations))
    citations.push({
      id: `c${++n}`,
      source: c.source,
      subject: { kind: 'entity', id: c.entity },
      quote: c.quote,
      start: null,
      end: null,
      credibility: c.credibility,
    });
  const types = new Set(relations.map((r) => String(r.type)));
  const entityTypes = new Set(entities.map((e) => String(e.type)));
  return {
    format: CASE_FILE_FORMAT,
    version: CASE_FILE_VERSION,
    exportedAt: doc.exportedAt ?? '',
    case: { name: String(doc.name ?? 'Imported case') },
    vocabulary: {
      entityTypes: [...entityTypes].map((id) => ({ id, label: id })),
      relationTypes: [...types].map((id) => ({
        id,
        label: id.replaceAll('_', ' '),
        reads: id.replaceAll('_', ' '),
        directed: true,
        lineage: false,
      })),
    },
    entities: entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      summary: e.summary ?? '',
      tags: [],
      attrs: {},
    })),
    relations: relations.map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      start: r.start ?? null,
      end: r.end ?? null,
      summary: r.summary ?? '',
      attrs: {},
    })),
    sources: list(doc.sources).map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher ?? '',
      publishedOn: s.published_on ?? null,
      url: s.url ?? null,
      reliability: s.reliability ?? 'F',
      text: s.text ?? '',
      attrs: {},
    })),
    citations,
    notes: list(doc.notes).map((note, i) => ({
      id: `n${i + 1}`,
      subject: { kind: note.subject_kind, id: note.subject_id ?? null },
      body: note.body,
      createdAt: note.created_at,
      updatedAt: note.updated_at,
    })),
  };
}

/** Every reference inside the file points at something the file has. */
function checkReferences(file: CaseFile): void {
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        throw new FormatError(`The ${WHAT} lists the ${kind} id “${id}” twice; ids must be unique.`);
      seen.add(id);
    }
    return seen;
  };
  const entities = unique(
    'entity',
    file.entities.map((e) => e.id),
  );
  const relations = unique(
    'relation',
    file.relations.map((r) => r.id),
  );
  const sources = unique(
    'source',
    file.sources.map((s) => s.id),
  );
  unique(
    'entity type',
    file.vocabulary.entityTypes.map((t) => t.id),
  );
  unique(
    'relation type',
    file.vocabulary.relationTypes.map((t) => t.id),
  );
  const entityTypes = new Set(file.vocabulary.entityTypes.map((t) => t.id));
  const relationTypes = new Set(file.vocabulary.relationTypes.map((t) => t.id));
  for (const e of file.entities)
    if (!entityTypes.has(e.type))
      throw new FormatError(
        `The entity “${e.name}” has the type “${e.type}”, which the ${WHAT}'s vocabulary does not list.`,
      );
  for (const r of file.relations) {
    for (const end of [r.source, r.target])
      if (!entities.has(end))
        throw new FormatError(
          `The relation “${r.id}” names an entity “${end}” that the ${WHAT} does not have.`,
        );
    if (!relationTypes.has(r.type))
      throw new FormatError(
        `The relation “${r.id}” has the type “${r.type}”, which the ${WHAT}'s vocabulary does not list.`,
      );
  }
  for (const c of file.citations) {
    if (!sources.has(c.source))
      throw new FormatError(
        `The citation “${c.id}” names a source “${c.source}” that the ${WHAT} does not have.`,
      );
    const subjects = c.subject.kind === 'entity' ? entities : relations;
    if (!subjects.has(c.subject.id))
      throw new FormatError(
        `The citation “${c.id}” supports ${c.subject.kind} “${c.subject.id}”, which the ${WHAT} does not have.`,
      );
  }
  for (const n of file.notes) {
    const kind = n.subject.kind;
    const subjects =
      kind === 'entity' ? entities : kind === 'relation' ? relations : kind === 'source' ? sources : null;
    if (subjects && (n.subject.id === null || !subjects.has(n.subject.id)))
      throw new FormatError(
        `The note “${n.id}” is about ${kind} “${n.subject.id}”, which the ${WHAT} does not have.`,
      );
  }
}

export function readCaseFileValue(doc: unknown): CaseFile {
  if (
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    (doc as { format?: unknown }).format !== CASE_FILE_FORMAT
  )
    throw new FormatError(
      'This JSON is not an Analyst Workbench case export (it lacks "format": "analyst-workbench-case").',
    );
  const version = (doc as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new FormatError(
      'This case file does not say which version of the format it uses, so it cannot be read safely.',
    );
  if (version > CASE_FILE_VERSION)
    throw new FormatError(
      `This case file was written by a newer Analyst Workbench (format version ${version}); this version reads up to ${CASE_FILE_VERSION}. Nothing was imported.`,
    );
  const input = version === 1 ? upgradeVersion1(doc as Record<string, unknown>) : doc;
  const parsed = CaseFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] === 'notes' && issue.path[2] === 'private')
      throw new FormatError(
        'This case file holds a private note, which no export of the workbench ever writes; it was refused.',
      );
    throw new FormatError(
      `The case file does not match its format (${describeIssue(issue)}). Nothing was imported.`,
    );
  }
  const file = parsed.data as CaseFile;
  for (const note of file.notes) delete (note as { private?: boolean }).private;
  checkReferences(file);
  return file;
}

export function readCaseFile(bytes: Uint8Array): CaseFile {
  return readCaseFileValue(parseJson(decodeAll(bytes, WHAT), WHAT));
}

// ---------------------------------------------------------------------------------------------
// Writer: streams, so a big case never sits in memory as one string.

export type CaseSourceInput = Omit<CaseSource, 'original'> & { original?: Uint8Array | string | null };

/** What the writer takes: the lists may be any iterables (a SQLite statement's iterate()). */
export interface CaseFileInput {
  exportedAt?: string;
  generator?: string;
  case: CaseFile['case'];
  vocabulary: CaseFile['vocabulary'];
  attributes?: CaseFile['attributes'];
  entities: Iterable<CaseEntity>;
  relations: Iterable<CaseRelation>;
  sources: Iterable<CaseSourceInput>;
  citations: Iterable<CaseCitation>;
  /** Private notes handed in by mistake are left out. */
  notes: Iterable<CaseNote & { private?: boolean }>;
}

function* list<T>(
  name: string,
  items: Iterable<T>,
  write: (item: T) => Generator<string>,
  last = false,
): Generator<string> {
  yield `  ${JSON.stringify(name)}: [`;
  let first = true;
  for (const item of items) {
    yield first ? '\n    ' : ',\n    ';
    yield* write(item);
    first = false;
  }
  yield first ? `]${last ? '' : ','}\n` : `\n  ]${last ? '' : ','}\n`;
}

function* json(value: unknown): Generator<string> {
  yield JSON.stringify(value);
}

/** A source, its original bytes base64-encoded a piece at a time. */
function* sourceJson(source: CaseSourceInput): Generator<string> {
  const { original, ...rest } = source;
  if (original === undefined || original === null) return yield JSON.stringify(source);
  const head = JSON.stringify(rest);
  yield `${head.slice(0, -1)},"original":"`;
  if (typeof original === 'string') yield original;
  else {
    const bytes = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
    const PIECE = 3 * (1 << 16);
    for (let i = 0; i < bytes.length; i += PIECE)
      yield bytes.toString('base64', i, Math.min(bytes.length, i + PIECE));
  }
  yield '"}';
}

export function* writeCaseFilePieces(input: CaseFileInput): Generator<string> {
  const head = {
    format: CASE_FILE_FORMAT,
    version: CASE_FILE_VERSION,
    exportedAt: input.exportedAt ?? new Date().toISOString(),
    generator: input.generator ?? 'Analyst Workbench',
  };
  yield '{\n';
  for (const [key, value] of Object.entries(head))
    yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
  yield `  "case": ${JSON.stringify(input.case)},\n`;
  yield `  "vocabulary": ${JSON.stringify(input.vocabulary)},\n`;
  if (input.attributes) yield `  "attributes": ${JSON.stringify(input.attributes)},\n`;
  yield* list('entities', input.entities, json);
  yield* list('relations', input.relations, json);
  yield* list('sources', input.sources, sourceJson);
  yield* list('citations', input.citations, json);
  yield* list(
    'notes',
    (function* () {
      for (const note of input.notes) {
        if (note.private === true) continue;
        const { private: _private, ...shareable } = note;
        yield shareable;
      }
    })(),
    json,
    true,
  );
  yield '}\n';
}

/** The case file as UTF-8 chunks of about 64 KB. */
export function writeCaseFile(input: CaseFileInput): Generator<Uint8Array> {
  return encodePieces(writeCaseFilePieces(input));
}

// ---------------------------------------------------------------------------------------------
// The case file as a neutral graph, for importing it into an open case like any other format.

export function caseFileToGraph(file: CaseFile): NeutralGraph {
  const graph = emptyGraph('case', true);
  graph.meta.name = file.case.name;
  if (file.case.description) graph.meta.description = file.case.description;
  graph.entityTypes = file.vocabulary.entityTypes.map((t) => ({
    id: t.id,
    label: t.label,
    ...(t.color ? { color: t.color } : {}),
    ...(t.shape ? { shape: t.shape } : {}),
  }));
  graph.relationTypes = file.vocabulary.relationTypes.map((t) => ({
    id: t.id,
    label: t.label,
    reads: t.reads,
    directed: t.directed,
    lineage: t.lineage,
    ...(t.color ? { color: t.color } : {}),
    ...(t.lineStyle ? { lineStyle: t.lineStyle } : {}),
  }));
  const directed = new Map(file.vocabulary.relationTypes.map((t) => [t.id, t.directed]));
  const citedIn = new Map<string, Set<string>>();
  for (const c of file.citations) {
    const key = `${c.subject.kind}:${c.subject.id}`;
    (citedIn.get(key) ?? citedIn.set(key, new Set()).get(key)!).add(c.source);
  }
  const attrs = (a: Record<string, JsonValue>) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, toAttrValue(v)])) as Record<string, AttrValue>;
  graph.nodes = file.entities.map((e) => {
    const node: NeutralNode = {
      key: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      attrs: attrs(e.attrs),
      tags: e.tags,
    };
    if (e.summary) node.summary = e.summary;
    if (e.start !== undefined) node.start = e.start;
    if (e.end !== undefined) node.end = e.end;
    const cited = citedIn.get(`entity:${e.id}`);
    if (cited) node.citedIn = [...cited];
    return node;
  });
  graph.edges = file.relations.map((r) => {
    const edge: NeutralGraph['edges'][number] = {
      key: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      directed: directed.get(r.type) ?? true,
      attrs: attrs(r.attrs),
    };
    if (r.weight !== undefined && r.weight !== null) edge.weight = r.weight;
    if (r.start !== undefined) edge.start = r.start;
    if (r.end !== undefined) edge.end = r.end;
    if (r.summary) edge.summary = r.summary;
    const cited = citedIn.get(`relation:${r.id}`);
    if (cited) edge.citedIn = [...cited];
    return edge;
  });
  graph.sources = file.sources.map((s) => {
    const extra: Record<string, AttrValue> = { ...attrs(s.attrs), reliability: s.reliability };
    for (const k of ['author', 'language', 'format', 'fileName'] as const) if (s[k]) extra[k] = s[k]!;
    return {
      key: s.id,
      title: s.title,
      url: s.url ?? null,
      publishedOn: s.publishedOn ?? null,
      publisher: s.publisher,
      attrs: extra,
    };
  });
  graph.nodeAttrs = file.attributes?.entity ?? defsFromValues(graph.nodes);
  graph.edgeAttrs = file.attributes?.relation ?? defsFromValues(graph.edges);
  return graph;
}
