// CSV import: the file arrives in pieces, is checked as a whole (what happens to each column, which
// rows will be refused or folded into an identical one and why, which type values the case does not
// know), then imported in one transaction — all or nothing — with progress and a cancel, as one undo
// step whatever its size. The import streams: rows are read, checked and written a batch at a time
// inside the one transaction, so a 2 GB file needs no more memory than its names.
// What the file brings is kept: unknown types are added or mapped as the analyst says, every extra
// column becomes a named attribute, parallel relations stay apart (only identical rows fold), names
// differing only in case stay two entities, and a relation's end is its exact name first.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  attrValueOf,
  ValueTypeTally,
  type AttributeDef,
  type AttrValues,
  type AttrValueType,
} from '../../../shared/attributes';
import {
  ENTITY_IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  RELATION_IMPORT_FIELDS,
  type Delimiter,
  type ImportColumn,
  type ImportField,
  type ImportJobState,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ImportRequest,
  type MergedRow,
  type PossibleDuplicate,
  type RejectedRow,
  type TypeChoice,
  type UnknownTypeValue,
} from '../../../shared/ipc/sheet/contract';
import { ENTITY_HEADERS, RELATION_HEADERS } from '../../../shared/sheetColumns';
import { normalizeName } from '../../../shared/text';
import {
  labelOf,
  NEW_TYPE_COLOURS,
  typeIdOf,
  type EntityTypeDef,
  type RelationTypeDef,
} from '../../../shared/vocabulary';
import { lifetimeInOrder } from '../../../shared/time';
import { PARTIAL_DATE } from '../../../shared/vocab';
import { DELIMITER_NAMES, guessDelimiter } from '../../io/csv';
import { FileProblem, firstLine, readRecords, type CsvRecord } from '../../io/csvRead';
import type { CaseStore, Db } from '../../store';
import { EntityBulkWriter, RelationBulkWriter, type BulkEntity, type BulkRelation } from '../../store/bulk';
import { AppError, storeProblem } from '../errors';
import { caseTypes, type CaseTypes } from '../vocabulary';
import { discardUpload, megabytes, receiveChunk, uploadOf, type ChunkInput, type Upload } from '../uploads';

const SAMPLE_ROWS = 8;
const MAX_LISTED = 200;

// ── Uploads ────────────────────────────────────────────────────────────────────────────────

/** The CSV import's own upload channel: uploads:put with the CSV size limit. */
export function receiveCsvChunk(input: ChunkInput): { uploadId: string; bytes: number } {
  return receiveChunk(input, MAX_IMPORT_BYTES);
}

function csvUpload(id: string): Upload {
  const upload = uploadOf(id);
  if (upload.bytes > MAX_IMPORT_BYTES) {
    throw new AppError(
      'invalid_input',
      `“${upload.fileName}” is ${megabytes(upload.bytes)}; the import takes files up to ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one by one. Nothing was imported.`,
    );
  }
  return upload;
}

// ── Columns ────────────────────────────────────────────────────────────────────────────────

const HEADER_NAMES: Record<ImportField, string[]> = {
  type: ['type', 'kind', 'entity type', 'relation', 'relation type', 'relationship'],
  name: ['name', 'entity', 'entity name', 'label'],
  aliases: ['aliases', 'alias', 'also known as', 'aka', 'other names'],
  summary: ['summary', 'description', 'comment'],
  tags: ['tags', 'tag', 'labels'],
  // Our own export writes "Active from"; other tools write active_from (underscores read as spaces).
  // Only these names: a "founded" column of years stays the attribute it was.
  activeFrom: ['active from', 'active since'],
  activeTo: ['active to', 'active until'],
  source: ['source', 'from', 'source name', 'subject'],
  target: ['target', 'to', 'target name', 'object'],
  start: ['start', 'start date', 'since', 'begin', 'from date'],
  end: ['end', 'end date', 'until', 'to date'],
  weight: ['weight', 'strength', 'tie strength'],
};

const FIELD_WORDS: Record<ImportField, string> = {
  type: 'Type',
  name: 'Name',
  aliases: 'Aliases',
  summary: 'Summary',
  tags: 'Tags',
  activeFrom: 'Active from',
  activeTo: 'Active to',
  source: 'Source',
  target: 'Target',
  start: 'Start date',
  end: 'End date',
  weight: 'Weight',
};

/** Columns the workbench's own export writes but computes itself: re-importing them means nothing. */
const COMPUTED = new Set(
  [
    ENTITY_HEADERS.citations,
    ENTITY_HEADERS.grade,
    ENTITY_HEADERS.notes,
    ENTITY_HEADERS.updatedAt,
    RELATION_HEADERS.corroboration,
    RELATION_HEADERS.grade,
    RELATION_HEADERS.notes,
  ].map((h) => normalizeName(h)),
);

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'entities' ? ENTITY_IMPORT_FIELDS : RELATION_IMPORT_FIELDS;
}

const REQUIRED: Record<ImportKind, ImportField[]> = {
  entities: ['name'],
  relations: ['source', 'target'],
};

const headerWords = (h: string): string => normalizeName(h).replace(/[_-]+/g, ' ');

/** Matches header cells to fields by name (case, accents and spacing ignored). */
export function autoMapping(kind: ImportKind, header: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const normalized = header.map(headerWords);
  for (const field of fieldsOf(kind)) {
    const index = normalized.findIndex(
      (h, i) => HEADER_NAMES[field].includes(h) && !Object.values(mapping).includes(i),
    );
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Whether a first line is a header. It is when a cell names a field; otherwise a line of one to
 * three cells (an edge list `a,b` or `a,b,2`, a list of names) is data.
 */
export function looksLikeHeader(kind: ImportKind, cells: string[]): boolean {
  if (Object.keys(autoMapping(kind, cells)).length > 0) return true;
  const trimmed = cells.map((c) => c.trim());
  if (kind === 'relations')
    return !(trimmed.length === 2 || (trimmed.length === 3 && NUMBER.test(trimmed[2]!)));
  return trimmed.length > 2;
}

/** Without a header, columns fill fields by position: source, target, weight (or name, type). */
function positionalMapping(kind: ImportKind, width: number): ImportMapping {
  if (kind === 'relations')
    return width >= 3 ? { source: 0, target: 1, weight: 2 } : { source: 0, target: 1 };
  return width >= 2 ? { name: 0, type: 1 } : { name: 0 };
}

/** Cells the export neutralised ('=…) come back as they were. */
function cellText(cells: string[], index: number | undefined): string {
  if (index === undefined) return '';
  const cell = cells[index] ?? '';
  return (cell.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell).trim();
}

const splitList = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

interface AttributeColumn {
  index: number;
  key: string;
  title: string;
  type: AttrValueType;
  /** False when the case already declares this key with this type. */
  isNew: boolean;
}

/** The file's shape: delimiter, header, which column fills which field, which become attributes. */
interface Layout {
  delimiter: Delimiter;
  hasHeader: boolean;
  headerDetected: boolean;
  header: string[];
  width: number;
  mapping: ImportMapping;
  ignored: Map<number, string>;
  attributes: AttributeColumn[];
}

/** The delimiter of a first line: the usual ones by count, else runs of spaces. */
function sniffDelimiter(line: string): Delimiter {
  const guess = guessDelimiter(line);
  if (guess) return guess as Delimiter;
  return / /.test(line.trim()) ? ' ' : ',';
}

function layoutOf(
  store: CaseStore,
  request: ImportRequest,
  delimiter: Delimiter,
  first: string[],
  types: Map<number, AttrValueType> | null,
): Layout {
  const headerDetected = looksLikeHeader(request.kind, first);
  const hasHeader = request.header ?? headerDetected;
  const width = first.length;
  const header = first.map((cell, i) => (hasHeader && cell.trim() ? cell.trim() : `Column ${i + 1}`));
  // A header that names no field at all (person_a,person_b) reads by position too.
  const named = hasHeader ? autoMapping(request.kind, first) : {};
  const mapping =
    request.mapping ?? (Object.keys(named).length > 0 ? named : positionalMapping(request.kind, width));
  const mapped = new Set(Object.values(mapping));
  const ignored = new Map<number, string>();
  for (let i = 0; i < width; i++) {
    if (mapped.has(i)) continue;
    if (request.ignore) {
      if (request.ignore.includes(i)) ignored.set(i, 'ignored');
    } else if (hasHeader && COMPUTED.has(normalizeName(first[i]!))) {
      ignored.set(i, 'ignored (the workbench computes it)');
    }
  }
  const kind = request.kind === 'entities' ? 'entity' : 'relation';
  const declared = new Map(store.attributes.list(kind).map((a) => [a.key, a]));
  const taken = new Set<string>();
  // The next number to try per name: a header of thousands of one name counted up from 2 for each (4 s
  // here). Names the case declares (with their numbered twins) are still tried from 2, to reuse them.
  const nextNumber = new Map<string, number>();
  const declaredNames = new Set([...declared.keys()].map((key) => key.replace(/_\d+$/, '')));
  const attributes: AttributeColumn[] = [];
  for (let i = 0; i < width; i++) {
    if (mapped.has(i) || ignored.has(i)) continue;
    const type = types?.get(i) ?? 'text';
    const base = typeIdOf(header[i]!);
    let key = base;
    let n = declaredNames.has(base.slice(0, 60)) || declaredNames.has(base) ? 2 : (nextNumber.get(base) ?? 2);
    for (; taken.has(key) || (declared.has(key) && declared.get(key)!.valueType !== type); n++)
      key = `${base.slice(0, 60)}_${n}`;
    nextNumber.set(base, n);
    taken.add(key);
    attributes.push({ index: i, key, title: header[i]!, type, isNew: !declared.has(key) });
  }
  return { delimiter, hasHeader, headerDetected, header, width, mapping, ignored, attributes };
}

/** Whole-file problems found from the header and mapping alone. */
function mappingProblem(
  kind: ImportKind,
  layout: Layout,
  requested: Delimiter | undefined,
  line: string,
): string | null {
  if (layout.width === 1 && requested) {
    const guess = guessDelimiter(line);
    if (guess && guess !== requested) {
      return `The header has one column but contains ${DELIMITER_NAMES[guess]}: the file seems to be separated by ${DELIMITER_NAMES[guess]}, not ${DELIMITER_NAMES[requested] ?? 'spaces'}. Choose “${guess === '\t' ? 'Tab' : guess}” as the delimiter. Nothing was imported.`;
    }
  }
  for (const [field, index] of Object.entries(layout.mapping)) {
    if (index !== undefined && index >= layout.width)
      return `The column chosen for “${field}” does not exist in this file. Choose another.`;
  }
  const missing = REQUIRED[kind].filter((f) => layout.mapping[f] === undefined);
  if (missing.length) {
    return `No column is chosen for ${missing.map((f) => `“${f}”`).join(' and ')}. Choose which column holds it, or rename the file's header. Nothing was imported.`;
  }
  return null;
}

function columnsOf(layout: Layout, counts: Map<number, number>): ImportColumn[] {
  const fieldAt = new Map(Object.entries(layout.mapping).map(([f, i]) => [i, f as ImportField]));
  // By index, not a search per column: a file of 100,000 columns took 20 s here.
  const attributeAt = new Map(layout.attributes.map((a) => [a.index, a]));
  return layout.header.map((name, index): ImportColumn => {
    const field = fieldAt.get(index);
    if (field) return { index, name, use: 'field', field, says: `→ ${FIELD_WORDS[field]}` };
    const attribute = attributeAt.get(index);
    if (attribute)
      return {
        index,
        name,
        use: 'attribute',
        attribute: {
          key: attribute.key,
          title: attribute.title,
          valueType: attribute.type,
          values: counts.get(index) ?? 0,
        },
        says: `kept as attribute ‘${attribute.key}’ (${attribute.type})`,
      };
    return { index, name, use: 'ignored', says: layout.ignored.get(index) ?? 'ignored' };
  });
}

// ── Checking rows ──────────────────────────────────────────────────────────────────────────

/** An entity the import creates for a relation end no entity is called (createMissing). */
interface NewEntity {
  name: string;
  norm: string;
  type: string;
  id: number | null;
}
type End = number | NewEntity;

interface TypeResolution {
  id?: string;
  /** The type to add to the case before the row is written. */
  add?: EntityTypeDef | RelationTypeDef;
  reason?: string;
}

interface EntityRow extends BulkEntity {
  addType?: EntityTypeDef;
}
interface RelationRow {
  source: End;
  target: End;
  type: string;
  addType?: RelationTypeDef;
  startDate: string | null;
  endDate: string | null;
  summary: string;
  weight: number | null;
  attrs: string;
}

type Verdict<T> =
  { status: 'ok'; row: T } | { status: 'rejected'; reason: string } | { status: 'merged'; reason: string };

const quoteName = (name: string): string => `“${name}”`;

/**
 * Judges each row against the case as it was before the import and against the rows before it in
 * the file. The case is read through a connection of its own: the import's transaction sets the
 * name indexes aside while it writes, and a lookup without them would scan the whole table.
 */
class RowChecker {
  readonly unknownTypes = new Map<string, { rows: number; newId: string; choice: TypeChoice | null }>();
  readonly possibleDuplicates: PossibleDuplicate[] = [];
  possibleDuplicateCount = 0;
  entitiesToCreate = 0;
  private readonly types: CaseTypes;
  private readonly typeCache = new Map<string, TypeResolution>();
  private readonly typeByWords = new Map<string, string>();
  private readonly addedTypes = new Map<string, EntityTypeDef | RelationTypeDef>();
  private readonly seenNames = new Map<string, number>();
  private readonly seenNorms = new Map<string, string>();
  private readonly seenRelations = new Map<string, number>();
  private readonly ends = new Map<string, End | { reason: string }>();
  private readonly created = new Map<string, NewEntity>();
  private readonly createdNorms = new Map<string, string>();
  private readonly lastEntity: number;
  private readonly caseHasRelations: boolean;
  private readonly exactName;
  private readonly exactAlias;
  private readonly byNorm;
  private readonly nameOf;
  private readonly sameRelation;
  private readonly reader: Db;

  constructor(
    private readonly store: CaseStore,
    private readonly request: ImportRequest,
    private readonly layout: Layout,
    /** Whether to look for entity names that differ only in case (the check does; the import need not). */
    private readonly reportTwins = true,
  ) {
    this.types = caseTypes(store);
    const db = (this.reader = store.reader());
    this.lastEntity = db.prepare('SELECT coalesce(max(id), 0) FROM entity').pluck().get() as number;
    this.caseHasRelations = db.prepare('SELECT 1 FROM relation LIMIT 1').get() !== undefined;
    // Exact name through the NOCASE name index, then compared as written.
    this.exactName = db
      .prepare(
        'SELECT id FROM entity WHERE name = @name COLLATE NOCASE AND name = @name AND id <= @last LIMIT 2',
      )
      .pluck();
    this.exactAlias = db
      .prepare(
        'SELECT DISTINCT entity_id FROM alias WHERE name_norm = @norm AND name = @name AND entity_id <= @last LIMIT 2',
      )
      .pluck();
    this.byNorm = db
      .prepare(
        'SELECT id FROM entity WHERE name_norm = @norm AND id <= @last UNION ALL SELECT entity_id FROM alias WHERE name_norm = @norm AND entity_id <= @last LIMIT 4',
      )
      .pluck();
    this.nameOf = db.prepare('SELECT name FROM entity WHERE id = ?').pluck();
    this.sameRelation = db
      .prepare(
        `SELECT 1 FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND start_date IS ? AND end_date IS ?
           AND weight IS ? AND summary = ? AND coalesce(attrs ->> '$.values', '{}') = ? LIMIT 1`,
      )
      .pluck();
    const entityKind = request.kind === 'entities';
    for (const t of this.types.vocabulary.entityTypes) {
      if (!entityKind) break;
      for (const w of [t.id, t.label, t.plural]) this.typeByWords.set(w.toLowerCase(), t.id);
    }
    for (const t of this.types.vocabulary.relationTypes) {
      if (entityKind) break;
      for (const w of [t.id, t.id.replaceAll('_', ' '), t.reads]) this.typeByWords.set(w.toLowerCase(), t.id);
    }
  }

  close(): void {
    this.reader.close();
  }

  private possibleDuplicate(name: string, line: number, other: string, otherLine: number | null): void {
    this.possibleDuplicateCount++;
    if (this.possibleDuplicates.length < MAX_LISTED)
      this.possibleDuplicates.push({ name, line, other, otherLine });
  }

  /** A type value of the file: one of the case's (by id or words), or what typeMap says for it. */
  private type(text: string): TypeResolution {
    const cached = this.typeCache.get(text);
    if (cached) {
      const unknown = this.unknownTypes.get(text);
      if (unknown) unknown.rows++;
      return cached;
    }
    const entities = this.request.kind === 'entities';
    const known = this.typeByWords.get(text.toLowerCase().replace(/\s+/g, ' '));
    if (known) {
      const resolution = { id: known };
      this.typeCache.set(text, resolution);
      return resolution;
    }
    const choice = this.request.typeMap?.[text] ?? null;
    const newId = text ? typeIdOf(text) : entities ? 'other' : 'related_to';
    this.unknownTypes.set(text, { rows: 1, newId, choice });
    const resolution = this.resolveUnknown(text, choice, newId);
    this.typeCache.set(text, resolution);
    return resolution;
  }

  private resolveUnknown(text: string, choice: TypeChoice | null, newId: string): TypeResolution {
    const entities = this.request.kind === 'entities';
    const noun = entities ? 'an entity type' : 'a relation type';
    const has = (id: string): boolean =>
      entities ? this.types.entity(id) !== undefined : this.types.relation(id) !== undefined;
    if (choice === null) {
      if (!text) {
        const known = this.types.vocabulary.entityTypes.map((t) => t.id).join(', ');
        return {
          reason: entities
            ? `The type is empty (${known}).`
            : 'The relation type is empty. Choose a type for rows without one.',
        };
      }
      if (entities) {
        const known = this.types.vocabulary.entityTypes.map((t) => t.id).join(', ');
        return { reason: `“${text}” is not an entity type of this case (${known}).` };
      }
      return {
        reason: `“${text}” is not a known relation (for example “broke away from” or splinter_of). Add it as a new type or map it onto one of the case’s.`,
      };
    }
    if (choice === 'reject')
      return { reason: `Rows of the type “${text || '(empty)'}” are refused, as chosen.` };
    if (choice !== 'add') {
      if (!has(choice)) return { reason: `“${choice}” is not ${noun} of this case.` };
      return { id: choice };
    }
    if (has(newId)) return { id: newId };
    const earlier = this.addedTypes.get(newId);
    if (earlier) return { id: newId, add: earlier };
    const count =
      (entities ? this.types.vocabulary.entityTypes.length : this.types.vocabulary.relationTypes.length) +
      this.addedTypes.size;
    const colour = NEW_TYPE_COLOURS[count % NEW_TYPE_COLOURS.length]!;
    const label = labelOf(newId);
    const add: EntityTypeDef | RelationTypeDef = entities
      ? { id: newId, label, plural: label, colour, shape: 'ellipse' }
      : {
          id: newId,
          reads: label.toLowerCase(),
          symmetric: false,
          lineage: false,
          colour,
          lineStyle: 'solid',
        };
    this.addedTypes.set(newId, add);
    return { id: newId, add };
  }

  private values(cells: string[]): string {
    if (this.layout.attributes.length === 0) return '{}';
    let values: AttrValues | null = null;
    for (const a of this.layout.attributes) {
      const value = attrValueOf(cellText(cells, a.index), a.type);
      if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
      (values ??= {})[a.key] = value;
    }
    return values ? JSON.stringify({ values }) : '{}';
  }

  entity(cells: string[], line: number): Verdict<EntityRow> {
    const m = this.layout.mapping;
    const type = this.type(cellText(cells, m.type));
    const name = cellText(cells, m.name);
    if (!name) return { status: 'rejected', reason: 'The name is empty.' };
    if (name.length > 500) return { status: 'rejected', reason: 'The name is longer than 500 characters.' };
    if (!type.id) return { status: 'rejected', reason: type.reason! };
    const earlier = this.seenNames.get(name);
    if (earlier !== undefined)
      return {
        status: 'rejected',
        reason: `${quoteName(name)} is already named on line ${earlier} of this file.`,
      };
    if (this.lastEntity > 0) {
      if (this.exactName.get({ name, last: this.lastEntity }) !== undefined)
        return { status: 'rejected', reason: `An entity called ${quoteName(name)} is already in the case.` };
      const owner = this.exactAlias.get({ norm: normalizeName(name), name, last: this.lastEntity }) as
        number | undefined;
      if (owner !== undefined)
        return {
          status: 'rejected',
          reason: `An entity called ${quoteName(name)} is already in the case: it is an alias of ${quoteName(this.nameOf.get(owner) as string)}.`,
        };
    }
    const aliases = m.aliases === undefined ? [] : splitList(cellText(cells, m.aliases), /;/);
    if (aliases.some((a) => a.length > 500))
      return { status: 'rejected', reason: 'An alias is longer than 500 characters.' };
    const tags = m.tags === undefined ? [] : splitList(cellText(cells, m.tags), /,/);
    if (tags.some((t) => t.length > 100))
      return { status: 'rejected', reason: 'A tag is longer than 100 characters.' };
    const summary = cellText(cells, m.summary);
    if (summary.length > 100_000)
      return { status: 'rejected', reason: 'The summary is longer than 100,000 characters.' };
    const activeFrom = cellText(cells, m.activeFrom) || null;
    const activeTo = cellText(cells, m.activeTo) || null;
    for (const [label, date] of [
      ['active from', activeFrom],
      ['active to', activeTo],
    ] as const) {
      if (date && !PARTIAL_DATE.test(date))
        return {
          status: 'rejected',
          reason: `The ${label} date “${date}” is not ISO 8601 (2013, 2013-01 or 2013-01-16).`,
        };
    }
    if (activeFrom && activeTo && !lifetimeInOrder(activeFrom, activeTo))
      return {
        status: 'rejected',
        reason: `The active to date (${activeTo}) is before the active from date (${activeFrom}).`,
      };
    const norm = normalizeName(name);
    this.seenNames.set(name, line);
    // Names that differ only in case or accents are two entities: kept, and said (by the check;
    // the import itself has no need of a second map of a million names).
    if (this.reportTwins) {
      const twin = this.seenNorms.get(norm);
      if (twin !== undefined) this.possibleDuplicate(name, line, twin, this.seenNames.get(twin) ?? null);
      else {
        this.seenNorms.set(norm, name);
        if (this.lastEntity > 0) {
          const inCase = this.byNorm.get({ norm, last: this.lastEntity }) as number | undefined;
          if (inCase !== undefined)
            this.possibleDuplicate(name, line, this.nameOf.get(inCase) as string, null);
        }
      }
      for (const alias of aliases) {
        const aliasNorm = normalizeName(alias);
        if (!this.seenNorms.has(aliasNorm)) this.seenNorms.set(aliasNorm, name);
      }
    }
    return {
      status: 'ok',
      row: {
        type: type.id,
        name,
        nameNorm: norm,
        aliases,
        summary,
        tags,
        activeFrom,
        activeTo,
        attrs: this.values(cells),
        addType: type.add as EntityTypeDef | undefined,
      },
    };
  }

  /** A relation end by its exact name, then alias, then ignoring case only when that finds one. */
  private end(text: string, line: number): End | { reason: string } {
    const known = this.ends.get(text);
    if (known !== undefined) return known;
    const found = this.findEnd(text, line);
    this.ends.set(text, found);
    return found;
  }

  private findEnd(text: string, line: number): End | { reason: string } {
    const created = this.created.get(text);
    if (created) return created;
    const last = this.lastEntity;
    const several = (ids: number[], how: string): { reason: string } => ({
      reason: `${ids.length} entities of the case are called ${quoteName(text)}${how} (${ids
        .map((id) => quoteName(this.nameOf.get(id) as string))
        .join(', ')}): write the name exactly as one of them is written.`,
    });
    if (last > 0) {
      const exact = this.exactName.all({ name: text, last }) as number[];
      if (exact.length === 1) return exact[0]!;
      if (exact.length > 1) return several(exact, '');
      const norm = normalizeName(text);
      const alias = this.exactAlias.all({ norm, name: text, last }) as number[];
      if (alias.length === 1) return alias[0]!;
      if (alias.length > 1) return several(alias, ' (as an alias)');
      const loose = [...new Set(this.byNorm.all({ norm, last }) as number[])];
      if (loose.length === 1) return loose[0]!;
      if (loose.length > 1) return several(loose, ' if case and accents are ignored');
    }
    const type = this.request.createMissing;
    if (!type) return { reason: `No entity is called ${quoteName(text)} (by name or alias).` };
    const norm = normalizeName(text);
    const twin = this.createdNorms.get(norm);
    if (twin !== undefined) this.possibleDuplicate(text, line, twin, null);
    else this.createdNorms.set(norm, text);
    const entity: NewEntity = { name: text, norm, type, id: null };
    this.created.set(text, entity);
    this.entitiesToCreate++;
    return entity;
  }

  relation(cells: string[], line: number): Verdict<RelationRow> {
    const m = this.layout.mapping;
    const sourceName = cellText(cells, m.source);
    const targetName = cellText(cells, m.target);
    if (!sourceName) return { status: 'rejected', reason: 'The source is empty.' };
    if (!targetName) return { status: 'rejected', reason: 'The target is empty.' };
    if (sourceName.length > 500 || targetName.length > 500)
      return { status: 'rejected', reason: 'A name is longer than 500 characters.' };
    const type = this.type(cellText(cells, m.type));
    if (!type.id) return { status: 'rejected', reason: type.reason! };
    const start = cellText(cells, m.start) || null;
    const end = cellText(cells, m.end) || null;
    for (const [label, date] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (date && !PARTIAL_DATE.test(date))
        return {
          status: 'rejected',
          reason: `The ${label} date “${date}” is not ISO 8601 (2013, 2013-01 or 2013-01-16).`,
        };
    }
    if (start && end && end < start)
      return { status: 'rejected', reason: `The end date (${end}) is before the start date (${start}).` };
    const weightText = cellText(cells, m.weight);
    let weight: number | null = null;
    if (weightText) {
      weight = NUMBER.test(weightText) ? Number(weightText) : NaN;
      if (!Number.isFinite(weight))
        return { status: 'rejected', reason: `The weight “${weightText}” is not a number.` };
    }
    const summary = cellText(cells, m.summary);
    if (summary.length > 100_000)
      return { status: 'rejected', reason: 'The summary is longer than 100,000 characters.' };
    const source = this.end(sourceName, line);
    if (typeof source === 'object' && 'reason' in source)
      return { status: 'rejected', reason: source.reason };
    const target = this.end(targetName, line);
    if (typeof target === 'object' && 'reason' in target)
      return { status: 'rejected', reason: target.reason };
    if (source === target && sourceName !== targetName) {
      const name = typeof source === 'number' ? (this.nameOf.get(source) as string) : source.name;
      return {
        status: 'rejected',
        reason: `${quoteName(sourceName)} and ${quoteName(targetName)} both lead to the entity ${quoteName(name)}: the relation would be a loop only because two names were taken for one. Write each end's name exactly as it is in the case.`,
      };
    }
    const attrs = this.values(cells);
    const key = [
      typeof source === 'number' ? source : `+${source.name}`,
      typeof target === 'number' ? target : `+${target.name}`,
      type.id,
      start,
      end,
      weight,
      summary,
      attrs,
    ].join('\u0001');
    const earlier = this.seenRelations.get(key);
    const reads = (): string =>
      `${quoteName(sourceName)} ${this.types.reads(type.id!)} ${quoteName(targetName)}`;
    if (earlier !== undefined)
      return { status: 'merged', reason: `${reads()} is the same relation as line ${earlier}.` };
    if (
      this.caseHasRelations &&
      typeof source === 'number' &&
      typeof target === 'number' &&
      this.sameRelation.get(
        source,
        target,
        type.id,
        start,
        end,
        weight,
        summary,
        attrs === '{}' ? '{}' : JSON.stringify((JSON.parse(attrs) as { values: AttrValues }).values),
      ) !== undefined
    )
      return { status: 'merged', reason: `${reads()} is already in the case, the same in every column.` };
    this.seenRelations.set(key, line);
    return {
      status: 'ok',
      row: {
        source,
        target,
        type: type.id,
        addType: type.add as RelationTypeDef | undefined,
        startDate: start,
        endDate: end,
        summary,
        weight,
        attrs,
      },
    };
  }
}

// ── One pass over the file ─────────────────────────────────────────────────────────────────

interface Prepared {
  layout: Layout;
  /** Data rows, when a pass over the whole file counted them. */
  rows: number | null;
  valueCounts: Map<number, number>;
  /** Entity names differing only in case, as the check counted them (absent before a check). */
  possibleDuplicates?: number;
}

/** Attribute value types per upload and layout: a check's pass serves the import that follows. */
const typeCache = new WeakMap<Upload, { signature: string; prepared: Prepared }>();

function signatureOf(request: ImportRequest, delimiter: Delimiter): string {
  return JSON.stringify([
    request.kind,
    delimiter,
    request.header ?? null,
    request.mapping ?? null,
    request.ignore ?? null,
  ]);
}

async function firstRecord(file: string, delimiter: Delimiter): Promise<CsvRecord | null> {
  const records = readRecords(file, delimiter, 1);
  try {
    const next = await records.next();
    return next.done ? null : (next.value[0] ?? null);
  } finally {
    await records.return(undefined);
  }
}

/**
 * The file's layout, with each attribute column's value type taken from every row (one parse of
 * the file, kept for the import when a check has done it).
 */
async function prepare(
  store: CaseStore,
  request: ImportRequest,
  upload: Upload,
): Promise<{ prepared: Prepared; problem: null } | { prepared: null; problem: string }> {
  if (upload.bytes === 0)
    return {
      prepared: null,
      problem: `“${upload.fileName}” is empty. Choose a CSV file with a header line and at least one row. Nothing was imported.`,
    };
  const line = firstLine(upload.path);
  const delimiter = request.delimiter ?? sniffDelimiter(line);
  const signature = signatureOf(request, delimiter);
  const cached = typeCache.get(upload);
  if (cached?.signature === signature) return { prepared: cached.prepared, problem: null };
  let first: CsvRecord | null;
  try {
    first = await firstRecord(upload.path, delimiter);
  } catch (error) {
    if (error instanceof FileProblem) return { prepared: null, problem: error.message };
    throw error;
  }
  if (!first)
    return {
      prepared: null,
      problem: `“${upload.fileName}” holds no rows. Choose a CSV file with a header line and at least one row. Nothing was imported.`,
    };
  let layout = layoutOf(store, request, delimiter, first.cells, null);
  const problem = mappingProblem(request.kind, layout, request.delimiter, line);
  if (problem) return { prepared: null, problem };
  const prepared: Prepared = { layout, rows: null, valueCounts: new Map() };
  if (layout.attributes.length > 0) {
    const tallies = new Map(layout.attributes.map((a) => [a.index, new ValueTypeTally()]));
    let rows = 0;
    try {
      for await (const batch of readRecords(upload.path, delimiter)) {
        for (const record of batch) {
          if (rows++ === 0 && layout.hasHeader) continue;
          for (const [index, tally] of tallies) tally.add(cellText(record.cells, index));
        }
        await yieldToLoop();
      }
    } catch (error) {
      if (error instanceof FileProblem) return { prepared: null, problem: error.message };
      throw error;
    }
    const types = new Map([...tallies].map(([i, t]) => [i, t.type]));
    layout = layoutOf(store, request, delimiter, first.cells, types);
    prepared.layout = layout;
    prepared.rows = rows - (layout.hasHeader ? 1 : 0);
    prepared.valueCounts = new Map([...tallies].map(([i, t]) => [i, t.count]));
  }
  return { prepared, problem: null };
}

interface PassResult {
  rows: number;
  problem: string | null;
}

type Visit = (verdict: Verdict<EntityRow> | Verdict<RelationRow>, cells: string[], line: number) => void;

/** Reads the file once, judging each row; between batches it yields, calls `between` and asks whether to stop. */
async function pass(
  upload: Upload,
  layout: Layout,
  checker: RowChecker,
  kind: ImportKind,
  visit: Visit,
  between: () => void = () => undefined,
  stop: () => boolean = () => false,
): Promise<PassResult> {
  const result: PassResult = { rows: 0, problem: null };
  let header = layout.hasHeader;
  try {
    for await (const batch of readRecords(upload.path, layout.delimiter)) {
      for (const { cells, line } of batch) {
        if (header) {
          header = false;
          continue;
        }
        if (cells.length !== layout.width) {
          result.problem = `The row on line ${line} has a different number of cells than ${layout.hasHeader ? 'the header' : 'the first row'}. Check the delimiter and the quoting of that row. Nothing was imported.`;
          return result;
        }
        result.rows++;
        visit(kind === 'entities' ? checker.entity(cells, line) : checker.relation(cells, line), cells, line);
      }
      between();
      await yieldToLoop();
      if (stop()) return result;
    }
  } catch (error) {
    if (error instanceof FileProblem) return { ...result, problem: error.message };
    throw error;
  }
  if (result.rows === 0 && !result.problem)
    result.problem = `“${upload.fileName}” has a header but no rows below it: there is nothing to import.`;
  return result;
}

// ── Check (preview) ────────────────────────────────────────────────────────────────────────

function unknownTypesOf(checker: RowChecker): UnknownTypeValue[] {
  return [...checker.unknownTypes]
    .slice(0, MAX_LISTED)
    .map(([value, u]) => ({ value, rows: u.rows, newId: u.newId, choice: u.choice }));
}

export async function checkImport(store: CaseStore, request: ImportRequest): Promise<ImportPreview> {
  const upload = csvUpload(request.uploadId);
  const empty: ImportPreview = {
    fileName: upload.fileName,
    bytes: upload.bytes,
    delimiter: request.delimiter ?? ',',
    hasHeader: true,
    headerDetected: true,
    header: [],
    sample: [],
    mapping: request.mapping ?? {},
    columns: [],
    rows: 0,
    accepted: 0,
    rejected: 0,
    merged: 0,
    mergedRows: [],
    rejections: [],
    unknownTypes: [],
    possibleDuplicates: [],
    entitiesToCreate: 0,
    problem: null,
  };
  const { prepared, problem } = await prepare(store, request, upload);
  if (!prepared) return { ...empty, problem };
  const { layout } = prepared;
  const sample: string[][] = [];
  const rejections: RejectedRow[] = [];
  const mergedRows: MergedRow[] = [];
  let accepted = 0;
  let rejected = 0;
  let merged = 0;
  const checker = new RowChecker(store, request, layout);
  const result = await pass(upload, layout, checker, request.kind, (verdict, cells, line) => {
    if (sample.length < SAMPLE_ROWS) sample.push(cells);
    if (verdict.status === 'ok') accepted++;
    else if (verdict.status === 'merged') {
      merged++;
      if (mergedRows.length < MAX_LISTED) mergedRows.push({ line, reason: verdict.reason });
    } else {
      rejected++;
      if (rejections.length < MAX_LISTED) rejections.push({ line, reason: verdict.reason });
    }
  }).finally(() => checker.close());
  upload.rows = result.rows;
  if (!result.problem)
    typeCache.set(upload, {
      signature: signatureOf(request, layout.delimiter),
      prepared: {
        ...prepared,
        rows: result.rows,
        ...(request.kind === 'entities' ? { possibleDuplicates: checker.possibleDuplicateCount } : {}),
      },
    });
  return {
    ...empty,
    delimiter: layout.delimiter,
    hasHeader: layout.hasHeader,
    headerDetected: layout.headerDetected,
    header: layout.header,
    sample,
    mapping: layout.mapping,
    columns: columnsOf(layout, prepared.valueCounts),
    rows: result.rows,
    accepted: result.problem ? 0 : accepted,
    rejected,
    merged,
    mergedRows,
    rejections,
    unknownTypes: unknownTypesOf(checker),
    possibleDuplicates: checker.possibleDuplicates,
    entitiesToCreate: checker.entitiesToCreate,
    problem: result.problem,
  };
}

// ── Import ─────────────────────────────────────────────────────────────────────────────────

interface Job {
  state: ImportJobState;
  cancelled: boolean;
}
const jobs = new Map<string, Job>();
let running: string | null = null;

export function jobState(jobId: string): ImportJobState {
  const job = jobs.get(jobId);
  if (!job)
    throw new AppError(
      'not_found',
      'This import is not known (was the app restarted?). Start the import again.',
    );
  return job.state;
}

export function cancelImport(jobId: string): { cancelled: boolean } {
  const job = jobs.get(jobId);
  if (!job || job.state.status !== 'running') return { cancelled: false };
  job.cancelled = true;
  return { cancelled: true };
}

class Cancelled extends Error {}

/** Where the last import's time went (bench/csv.bench.ts prints the phases apart). */
export interface ImportTimings {
  /** Reading, parsing and checking the rows (the rest of the pass). */
  readAndCheckMs: number;
  /** Writing the rows through the bulk path's prepared statements. */
  insertMs: number;
  /** Rebuilding the indexes set aside and bringing the search index up to date, once. */
  indexMs: number;
  totalMs: number;
}
let timings: ImportTimings | null = null;
export const lastImportTimings = (): ImportTimings | null => timings;

/** Writes accepted rows as they come: types first, created ends next, then the row. */
class ImportWriter {
  entities: EntityBulkWriter | null = null;
  relations: RelationBulkWriter | null = null;
  written = 0;
  insertMs = 0;
  indexMs = 0;
  typesAdded = 0;
  entitiesCreated = 0;
  private readonly added = new Set<string>();

  constructor(
    private readonly store: CaseStore,
    private readonly kind: ImportKind,
    private readonly expectedRows: number,
  ) {}

  private addType(def: EntityTypeDef | RelationTypeDef | undefined): void {
    if (!def || this.added.has(def.id)) return;
    this.added.add(def.id);
    if (this.kind === 'entities') this.store.vocabulary.saveEntityType(def as EntityTypeDef);
    else this.store.vocabulary.saveRelationType(def as RelationTypeDef);
    this.typesAdded++;
  }

  private entityWriter(): EntityBulkWriter {
    return (this.entities ??= new EntityBulkWriter(this.store.db, this.expectedRows));
  }

  private endId(end: End): number {
    if (typeof end === 'number') return end;
    if (end.id === null) {
      end.id = this.entityWriter().add({ type: end.type, name: end.name, nameNorm: end.norm });
      this.entitiesCreated++;
    }
    return end.id;
  }

  entity(row: EntityRow): void {
    const start = performance.now();
    this.addType(row.addType);
    this.entityWriter().add(row);
    this.written++;
    this.insertMs += performance.now() - start;
  }

  relation(row: RelationRow): void {
    const start = performance.now();
    this.addType(row.addType);
    const relation: BulkRelation = {
      sourceId: this.endId(row.source),
      targetId: this.endId(row.target),
      type: row.type,
      startDate: row.startDate,
      endDate: row.endDate,
      summary: row.summary,
      weight: row.weight,
      attrs: row.attrs,
    };
    (this.relations ??= new RelationBulkWriter(this.store.db, this.expectedRows)).add(relation);
    this.written++;
    this.insertMs += performance.now() - start;
  }

  finish(): void {
    const start = performance.now();
    // Last set aside, first put back (each writer restores the page cache it found).
    this.relations?.finish();
    this.entities?.finish();
    this.indexMs = performance.now() - start;
  }
}

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Imports the accepted rows in one transaction held across the read (the caller keeps other
 * writes out meanwhile: CaseSession.exclusive), written a batch at a time as they are checked, and
 * recorded as one undo step by the id ranges it adds (Journal.recordInsertsAsync): types,
 * attributes, entities, aliases, relations. A problem found late, or a cancel, rolls it all back.
 */
export async function runImport(
  store: CaseStore,
  request: ImportRequest & { jobId: string },
): Promise<ImportJobState> {
  if (running)
    throw new AppError('conflict', 'An import is already running. Wait for it to finish or cancel it first.');
  const upload = csvUpload(request.uploadId);
  const job: Job = {
    state: {
      status: 'running',
      done: 0,
      total: upload.rows ?? 0,
      imported: 0,
      rejected: 0,
      merged: 0,
      typesAdded: 0,
      attributesAdded: 0,
      entitiesCreated: 0,
      possibleDuplicates: 0,
      message: null,
    },
    cancelled: false,
  };
  jobs.set(request.jobId, job);
  running = request.jobId;
  const noun = request.kind;
  const started = performance.now();
  try {
    const { prepared, problem } = await prepare(store, request, upload);
    if (!prepared) throw new AppError('invalid_input', problem);
    const { layout } = prepared;
    // Without a count from a check, estimate the rows from the file's size (for the bulk path).
    const expected = upload.rows ?? prepared.rows ?? Math.round(upload.bytes / 40);
    job.state.total = upload.rows ?? prepared.rows ?? 0;
    const tables = ['vocabulary', 'attribute', 'entity', 'alias', 'relation'] as const;
    const state = await store.journal.recordInsertsAsync(
      () =>
        `Import ${count(job.state.imported, noun === 'entities' ? 'entity' : 'relation', noun)} from “${upload.fileName}”`,
      tables,
      async () => {
        const kind = noun === 'entities' ? 'entity' : 'relation';
        for (const a of layout.attributes) {
          if (!a.isNew || (prepared.valueCounts.get(a.index) ?? 0) === 0) continue;
          const def: AttributeDef = { kind, key: a.key, title: a.title, valueType: a.type };
          store.attributes.declare(def);
          job.state.attributesAdded++;
        }
        const checker = new RowChecker(store, request, layout, prepared.possibleDuplicates === undefined);
        const writer = new ImportWriter(store, request.kind, expected);
        const result = await pass(
          upload,
          layout,
          checker,
          request.kind,
          (verdict) => {
            job.state.done++;
            if (verdict.status === 'ok') {
              if (request.kind === 'entities') writer.entity(verdict.row as EntityRow);
              else writer.relation(verdict.row as RelationRow);
            } else if (verdict.status === 'merged') job.state.merged++;
            else job.state.rejected++;
          },
          () => {
            job.state.imported = writer.written;
          },
          () => job.cancelled,
        ).finally(() => checker.close());
        if (job.cancelled) throw new Cancelled();
        if (result.problem) throw new AppError('invalid_input', result.problem);
        if (writer.written === 0) {
          throw new AppError(
            'invalid_input',
            job.state.merged > 0
              ? 'Every row of the file is refused or already in the case, so nothing was imported.'
              : 'Every row of the file would be rejected, so nothing was imported. Read the reasons, fix the file and try again.',
          );
        }
        writer.finish();
        store.attributes.syncIndexes();
        job.state.imported = writer.written;
        job.state.typesAdded = writer.typesAdded;
        job.state.entitiesCreated = writer.entitiesCreated;
        job.state.possibleDuplicates = prepared.possibleDuplicates ?? checker.possibleDuplicateCount;
        const totalMs = performance.now() - started;
        timings = {
          readAndCheckMs: totalMs - writer.insertMs - writer.indexMs,
          insertMs: writer.insertMs,
          indexMs: writer.indexMs,
          totalMs,
        };
        return job.state;
      },
    );
    const s = state;
    const extras = [
      s.merged ? `${count(s.merged, 'identical row was', 'identical rows were')} folded into one` : '',
      s.typesAdded ? `${count(s.typesAdded, 'type', 'types')} added` : '',
      s.attributesAdded ? `${count(s.attributesAdded, 'attribute', 'attributes')} added` : '',
      s.entitiesCreated ? `${count(s.entitiesCreated, 'entity', 'entities')} created for ends` : '',
      s.possibleDuplicates
        ? `${count(s.possibleDuplicates, 'name differs', 'names differ')} from another only in case or accents (kept apart)`
        : '',
    ].filter(Boolean);
    job.state.status = 'done';
    job.state.message = `Imported ${count(s.imported, noun === 'entities' ? 'entity' : 'relation', noun)}; ${count(s.rejected, 'row was', 'rows were')} rejected${extras.length ? `; ${extras.join('; ')}` : ''}. Undo (Ctrl+Z) takes the whole import back.`;
    discardUpload(request.uploadId);
    return job.state;
  } catch (error) {
    job.state.imported = 0;
    if (error instanceof Cancelled) {
      job.state.status = 'cancelled';
      job.state.message = 'The import was cancelled. Nothing was imported.';
      return job.state;
    }
    job.state.status = 'failed';
    const known = error instanceof AppError ? error : storeProblem(error);
    job.state.message = known
      ? known.message
      : `The import failed (${(error as Error).message}). Nothing was imported.`;
    throw known ?? new AppError('internal', job.state.message);
  } finally {
    running = null;
  }
}

export function importRunning(): boolean {
  return running !== null;
}
