// interchange:import: a graph file (GEXF, GraphML, STIX 2.1, Cytoscape JSON, a case export) into the
// open case, through the same steps as a CSV import: a plan read against the case (types value by
// value, attributes, ends found by exact name, exact duplicates of the case's relations folded, loops
// that only a merge would make refused), a preview (dryRun) with the report, and one transaction that
// is one undo step.
import type {
  InterchangeImportInput,
  InterchangeReport,
  TypeDecision,
} from '../../../shared/ipc/interchange/contract';
import { ATTR_KEY, type AttributeDef, type AttrValues, type AttrValueType } from '../../../shared/attributes';
import { normalizeName } from '../../../shared/text';
import {
  LINE_STYLES,
  NEW_TYPE_COLOURS,
  labelOf,
  typeIdOf,
  type EntityTypeDef,
  type LineStyle,
  type NodeShape,
  type RelationTypeDef,
} from '../../../shared/vocabulary';
import {
  FormatError,
  readGraph,
  type AttrDef,
  type AttrValue,
  type GraphFormat,
  type NeutralEdge,
  type NeutralGraph,
  type NeutralNode,
  type NeutralType,
} from '../../io/graph';
import { isPartialDate } from '../../io/graph/values';
import type { CaseStore } from '../../store';
import { EntityBulkWriter, RelationBulkWriter } from '../../store/bulk';
import { AppError } from '../errors';
import { caseTypes, type CaseTypes } from '../vocabulary';

/** Items listed in a report's merged / skipped / possibleDuplicates (the counts stay exact). */
const MAX_LISTED = 1000;
const PART_OF = 'part_of';

type Kind = 'entity' | 'relation';
type Options = Pick<InterchangeImportInput, 'unknownTypes' | 'typeMap'>;

/** A type value of the file resolved: a type of the case (or one the import adds), or refused. */
type Resolution = { id: string; add?: EntityTypeDef | RelationTypeDef } | { reason: string };

const SHAPES: Record<string, NodeShape> = {
  disc: 'ellipse',
  circle: 'ellipse',
  ellipse: 'ellipse',
  square: 'rectangle',
  rectangle: 'rectangle',
  box: 'rectangle',
  roundrectangle: 'round-rectangle',
  'round-rectangle': 'round-rectangle',
  diamond: 'diamond',
  triangle: 'triangle',
  hexagon: 'hexagon',
  octagon: 'octagon',
  star: 'star',
};

const colourOf = (text: string | undefined): string | null => {
  const m = text ? /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(text.trim()) : null;
  return m ? `#${m[1]!.toLowerCase()}` : null;
};

/** The case's types and the file's type values, value by value, as the report lists them. */
class TypeResolver {
  readonly decisions = new Map<string, TypeDecision>();
  readonly added = new Map<string, EntityTypeDef | RelationTypeDef>();
  private readonly cache = new Map<string, Resolution>();
  private readonly byWords = new Map<string, string>();
  private readonly declared = new Map<string, NeutralType>();

  constructor(
    private readonly kind: Kind,
    private readonly types: CaseTypes,
    fileTypes: NeutralType[],
    private readonly options: Options,
  ) {
    if (kind === 'entity')
      for (const t of types.vocabulary.entityTypes)
        for (const w of [t.id, t.label, t.plural]) this.byWords.set(w.toLowerCase(), t.id);
    else
      for (const t of types.vocabulary.relationTypes)
        for (const w of [t.id, t.id.replaceAll('_', ' '), t.reads]) this.byWords.set(w.toLowerCase(), t.id);
    for (const t of fileTypes) {
      this.declared.set(t.id, t);
      if (t.label) this.declared.set(t.label, t);
    }
  }

  private has(id: string): boolean {
    return this.kind === 'entity'
      ? this.types.entity(id) !== undefined
      : this.types.relation(id) !== undefined;
  }

  /** `directed` is the first row's direction, for a relation type the import adds. */
  resolve(value: string, directed = true): Resolution {
    let resolution = this.cache.get(value);
    if (!resolution) {
      resolution = this.decide(value, directed);
      this.cache.set(value, resolution);
      this.decisions.set(value, {
        kind: this.kind,
        value,
        rows: 0,
        typeId: 'id' in resolution ? resolution.id : null,
        choice: 'reason' in resolution ? 'reject' : resolution.add ? 'add' : 'existing',
      });
    }
    this.decisions.get(value)!.rows++;
    return resolution;
  }

  private decide(value: string, directed: boolean): Resolution {
    const noun = this.kind === 'entity' ? 'entity type' : 'relation type';
    const choice = this.options.typeMap?.[value];
    if (choice === 'reject')
      return { reason: `Rows of the ${noun} “${value || '(none)'}” are refused, as chosen.` };
    if (choice && choice !== 'add') {
      if (!this.has(choice)) return { reason: `“${choice}” is not an ${noun} of this case.` };
      return { id: choice };
    }
    if (choice !== 'add') {
      const known = value ? this.byWords.get(value.toLowerCase().replace(/\s+/g, ' ')) : undefined;
      if (known) return { id: known };
    }
    // Rows without a type go to a plain type of their own; they are not of an unknown type.
    const id = value ? typeIdOf(value) : this.kind === 'entity' ? 'other' : 'related_to';
    if (this.has(id)) return { id };
    if (value && choice !== 'add' && this.options.unknownTypes === 'reject')
      return {
        reason: `“${value}” is not an ${noun} of this case, and unknown types are refused, as chosen.`,
      };
    const earlier = this.added.get(id);
    if (earlier) return { id, add: earlier };
    const declared = this.declared.get(value);
    const count =
      (this.kind === 'entity' ? this.types.vocabulary.entityTypes : this.types.vocabulary.relationTypes)
        .length + this.added.size;
    const colour = colourOf(declared?.color) ?? NEW_TYPE_COLOURS[count % NEW_TYPE_COLOURS.length]!;
    const label = declared?.label && declared.label !== id ? declared.label : labelOf(id);
    const add: EntityTypeDef | RelationTypeDef =
      this.kind === 'entity'
        ? {
            id,
            label,
            plural: label,
            colour,
            shape: SHAPES[(declared?.shape ?? '').toLowerCase()] ?? 'ellipse',
          }
        : {
            id,
            reads: declared?.reads ?? (id === PART_OF ? 'is part of' : label.toLowerCase()),
            symmetric: declared?.directed === undefined ? !directed : !declared.directed,
            lineage: declared?.lineage ?? false,
            colour,
            lineStyle: (LINE_STYLES as readonly string[]).includes(declared?.lineStyle ?? '')
              ? (declared!.lineStyle as LineStyle)
              : id === PART_OF
                ? 'dashed'
                : 'solid',
          };
    this.added.set(id, add);
    return { id, add };
  }
}

/** A file attribute as a named attribute of the case. */
interface AttrPlan {
  def: AttributeDef;
  fileKey: string;
  isNew: boolean;
}

function planAttributes(kind: Kind, defs: AttrDef[], existing: AttributeDef[]): Map<string, AttrPlan> {
  const plans = new Map<string, AttrPlan>();
  const taken = new Map(existing.filter((d) => d.kind === kind).map((d) => [d.key, d]));
  const used = new Set<string>();
  for (const def of defs) {
    let key = typeIdOf(def.key);
    if (!ATTR_KEY.test(key)) key = 'attribute';
    const valueType: AttrValueType =
      def.type === 'integer' || def.type === 'double'
        ? 'number'
        : def.type === 'boolean'
          ? 'boolean'
          : def.type === 'date'
            ? 'date'
            : 'text';
    const known = taken.get(key);
    if (known && !used.has(key)) {
      used.add(key);
      plans.set(def.key, { def: known, fileKey: def.key, isNew: false });
      continue;
    }
    for (let n = 2; used.has(key) || (taken.has(key) && known === undefined); n++)
      key = `${typeIdOf(def.key).slice(0, 60)}_${n}`;
    used.add(key);
    plans.set(def.key, {
      def: { kind, key, title: (def.title || def.key).slice(0, 200), valueType },
      fileKey: def.key,
      isNew: true,
    });
  }
  return plans;
}

function storedValue(value: AttrValue): string | number | boolean | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length ? JSON.stringify(value) : null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return value === '' ? null : value;
}

/** A date as a partial ISO date: '2013-01-16T00:00:00' keeps its day; other forms are not dates here. */
function partialDate(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  if (isPartialDate(value)) return value;
  const day = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  return day ? day[1] : undefined;
}

interface NewEntity {
  key: string;
  type: string;
  name: string;
  norm: string;
  aliases: string[];
  summary: string;
  tags: string[];
  attrs: string;
  activeFrom: string | null;
  activeTo: string | null;
}

interface NewRelation {
  key: string;
  source: End;
  target: End;
  type: string;
  startDate: string | null;
  endDate: string | null;
  summary: string;
  weight: number | null;
  attrs: string;
}

/** An end of a relation: an entity of the case (its id) or one the import adds (its index). */
type End = { id: number } | { index: number };

interface Plan {
  report: InterchangeReport;
  entityTypes: TypeResolver;
  relationTypes: TypeResolver;
  attributes: AttrPlan[];
  entities: NewEntity[];
  aliasesForExisting: Map<number, string[]>;
  relations: NewRelation[];
  sources: NeutralGraph['sources'];
}

const sameEnd = (a: End, b: End): boolean =>
  'id' in a ? 'id' in b && a.id === b.id : 'index' in b && a.index === b.index;

/** Reads the file's graph against the case; writes nothing. */
export function planImport(store: CaseStore, graph: NeutralGraph, options: Options, dryRun: boolean): Plan {
  const db = store.db;
  const types = caseTypes(store);
  const report: InterchangeReport = {
    format: graph.format,
    dryRun,
    added: { entities: 0, relations: 0, types: 0, attributes: 0, sources: 0 },
    merged: [],
    skipped: [],
    possibleDuplicates: [],
    types: [],
    warnings: [...graph.warnings],
  };
  const counts = { merged: 0, skipped: 0, possibleDuplicates: 0 };
  const list = <T>(into: T[], item: T, what: keyof typeof counts): void => {
    counts[what]++;
    if (into.length < MAX_LISTED) into.push(item);
  };
  const entityTypes = new TypeResolver('entity', types, graph.entityTypes, options);
  const relationTypes = new TypeResolver('relation', types, graph.relationTypes, options);
  const existingAttrs = store.attributes.list();
  const nodeAttrs = planAttributes('entity', graph.nodeAttrs, existingAttrs);
  const edgeAttrs = planAttributes('relation', graph.edgeAttrs, existingAttrs);
  const usedAttrs = new Set<AttrPlan>();
  // A value the file leaves to its attribute's default has that value (GraphML <default>, GEXF too).
  const defaultsOf = (defs: AttrDef[]): [string, AttrValue][] =>
    defs.filter((d) => d.default !== undefined && d.default !== null).map((d) => [d.key, d.default!]);
  const nodeDefaults = defaultsOf(graph.nodeAttrs);
  const edgeDefaults = defaultsOf(graph.edgeAttrs);
  const reportedIn = graph.nodes.some((n) => n.citedIn?.length) || graph.edges.some((e) => e.citedIn?.length);
  const sourceTitle = new Map(graph.sources.map((s) => [s.key, s.title]));

  const valuesOf = (
    item: NeutralNode | NeutralEdge,
    plans: Map<string, AttrPlan>,
    extra: AttrValues = {},
  ): AttrValues | null => {
    const kind: Kind = plans === nodeAttrs ? 'entity' : 'relation';
    let values: AttrValues | null = null;
    for (const [key, value] of Object.entries(extra)) {
      const plan = extraPlan(kind, key, key === 'start' ? 'Start (as written)' : 'End (as written)');
      usedAttrs.add(plan);
      (values ??= {})[plan.def.key] = value;
    }
    const defaults = plans === nodeAttrs ? nodeDefaults : edgeDefaults;
    const own = defaults.length ? { ...Object.fromEntries(defaults), ...item.attrs } : item.attrs;
    for (const [fileKey, value] of Object.entries(own)) {
      const plan = plans.get(fileKey);
      const stored = storedValue(value);
      if (!plan || stored === null) continue;
      usedAttrs.add(plan);
      (values ??= {})[plan.def.key] = stored;
    }
    if (reportedIn && item.citedIn?.length) {
      const plan = extraPlan(kind, 'reported_in', 'Reported in');
      usedAttrs.add(plan);
      (values ??= {})[plan.def.key] = item.citedIn.map((k) => sourceTitle.get(k) ?? k).join('; ');
    }
    return values;
  };
  /** Attributes the import makes itself: where a source cites a row, dates that are not calendar dates. */
  const extraPlans = new Map<string, AttrPlan>();
  const extraPlan = (kind: Kind, key: string, title: string): AttrPlan => {
    let plan = extraPlans.get(`${kind}:${key}`);
    if (!plan) {
      const existing = existingAttrs.find((d) => d.kind === kind && d.key === key);
      const fileHasIt = [...(kind === 'entity' ? nodeAttrs : edgeAttrs).values()].some(
        (p) => p.def.key === key,
      );
      const def: AttributeDef = existing ?? {
        kind,
        key: fileHasIt ? `${key}_imported` : key,
        title,
        valueType: 'text',
      };
      plan = { def, fileKey: key, isNew: !existing };
      extraPlans.set(`${kind}:${key}`, plan);
    }
    return plan;
  };

  // Entities: an exact name of the same type already in the case is that entity.
  const exactNameStmt = db.prepare(
    'SELECT id, type FROM entity WHERE name = @name COLLATE NOCASE AND name = @name LIMIT 8',
  );
  const exactName = (p: { name: string }) => exactNameStmt.all(p) as { id: number; type: string }[];
  const byNorm = db.prepare(
    'SELECT e.id, e.name FROM entity e WHERE e.name_norm = ? UNION SELECT e.id, e.name FROM alias a JOIN entity e ON e.id = a.entity_id WHERE a.name_norm = ? LIMIT 1',
  );
  // A new case has nothing to merge into: no lookups per node.
  const caseIsEmpty = db.prepare('SELECT 1 FROM entity LIMIT 1').get() === undefined;
  const ends = new Map<string, End | { reason: string }>();
  const entities: NewEntity[] = [];
  const aliasesForExisting = new Map<number, string[]>();
  const seenNorms = new Map<string, { key: string; name: string }>();
  let undatable = 0;
  const keepUndated = (extra: AttrValues, key: 'start' | 'end', value: string): void => {
    undatable++;
    extra[key] = value;
  };
  for (const node of graph.nodes) {
    const type = entityTypes.resolve(node.type ?? '');
    if ('reason' in type) {
      ends.set(node.key, { reason: `its end “${node.name}” was refused` });
      list(report.skipped, { kind: 'entity', key: node.key, reason: type.reason }, 'skipped');
      continue;
    }
    const name = node.name.trim() || node.key;
    const norm = normalizeName(name);
    const match = caseIsEmpty ? undefined : exactName({ name }).find((row) => row.type === type.id);
    if (match) {
      ends.set(node.key, { id: match.id });
      const aliases = node.aliases.filter((a) => a.trim() && a.trim() !== name);
      if (aliases.length)
        aliasesForExisting.set(match.id, [...(aliasesForExisting.get(match.id) ?? []), ...aliases]);
      list(
        report.merged,
        {
          kind: 'entity',
          key: node.key,
          into: `${name} (#${match.id})`,
          reason: `The case already has ${type.id === 'other' ? 'an entity' : `a ${type.id}`} named “${name}”.`,
        },
        'merged',
      );
      continue;
    }
    const twin = caseIsEmpty
      ? undefined
      : (byNorm.get(norm, norm) as { id: number; name: string } | undefined);
    const earlier = seenNorms.get(norm);
    if (twin && twin.name !== name)
      list(
        report.possibleDuplicates,
        { key: node.key, name, other: `#${twin.id}`, otherName: twin.name },
        'possibleDuplicates',
      );
    else if (earlier)
      list(
        report.possibleDuplicates,
        { key: node.key, name, other: earlier.key, otherName: earlier.name },
        'possibleDuplicates',
      );
    else seenNorms.set(norm, { key: node.key, name });
    const extra: AttrValues = {};
    const activeFrom = partialDate(node.start);
    const activeTo = partialDate(node.end);
    if (activeFrom === undefined && node.start) keepUndated(extra, 'start', node.start);
    if (activeTo === undefined && node.end) keepUndated(extra, 'end', node.end);
    const values = valuesOf(node, nodeAttrs, extra);
    const attrs: Record<string, unknown> = {};
    if (values) attrs.values = values;
    const viz: Record<string, unknown> = {};
    for (const k of ['x', 'y', 'size', 'color', 'shape'] as const)
      if (node[k] !== undefined) viz[k] = node[k];
    if (Object.keys(viz).length) attrs.viz = viz;
    if (node.spells && node.spells.length > 1) attrs.spells = node.spells;
    if (node.dynamic) attrs.dynamic = node.dynamic;
    ends.set(node.key, { index: entities.length });
    entities.push({
      key: node.key,
      type: type.id,
      name,
      norm,
      aliases: node.aliases,
      summary: node.summary ?? '',
      tags: node.tags ?? [],
      attrs: JSON.stringify(attrs),
      activeFrom: activeFrom ?? null,
      activeTo: activeTo ?? null,
    });
  }

  // Relations, then each group's members as "part of" relations.
  const sameRelation = db
    .prepare(
      `SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND start_date IS ? AND end_date IS ?
         AND weight IS ? AND summary = ? AND coalesce(attrs ->> '$.values', '{}') = ? LIMIT 1`,
    )
    .pluck();
  const relations: NewRelation[] = [];
  const edges: NeutralEdge[] = [...graph.edges];
  for (const node of graph.nodes)
    if (node.parent !== undefined)
      edges.push({
        key: `${node.key} ⊂ ${node.parent}`,
        source: node.key,
        target: node.parent,
        type: PART_OF,
        directed: true,
        attrs: {},
      });
  for (const edge of edges) {
    const source = ends.get(edge.source);
    const target = ends.get(edge.target);
    const refused = [source, target].find((end) => end === undefined || 'reason' in end);
    if (refused !== undefined || !source || !target || 'reason' in source || 'reason' in target) {
      const missing = source === undefined ? edge.source : edge.target;
      const reason =
        refused === undefined
          ? `It names “${missing}”, which is no node of the file.`
          : `It was left out because ${(refused as { reason: string }).reason}.`;
      list(report.skipped, { kind: 'relation', key: edge.key, reason }, 'skipped');
      continue;
    }
    if (edge.source !== edge.target && sameEnd(source, target)) {
      list(
        report.skipped,
        {
          kind: 'relation',
          key: edge.key,
          reason: `Both its ends (“${edge.source}” and “${edge.target}”) are the same entity of the case, so it would become a loop that the file does not have.`,
        },
        'skipped',
      );
      continue;
    }
    const type = relationTypes.resolve(edge.type ?? '', edge.directed);
    if ('reason' in type) {
      list(report.skipped, { kind: 'relation', key: edge.key, reason: type.reason }, 'skipped');
      continue;
    }
    const extra: AttrValues = {};
    const startDate = partialDate(edge.start);
    const endDate = partialDate(edge.end);
    if (startDate === undefined && edge.start) keepUndated(extra, 'start', edge.start);
    if (endDate === undefined && edge.end) keepUndated(extra, 'end', edge.end);
    const values = valuesOf(edge, edgeAttrs, extra);
    const weight = edge.weight !== undefined && Number.isFinite(edge.weight) ? edge.weight : null;
    const summary = edge.summary ?? '';
    if ('id' in source && 'id' in target) {
      const valuesJson = values ? JSON.stringify(values) : '{}';
      const existing = sameRelation.get(
        source.id,
        target.id,
        type.id,
        startDate ?? null,
        endDate ?? null,
        weight,
        summary,
        valuesJson,
      ) as number | undefined;
      if (existing !== undefined) {
        list(
          report.merged,
          {
            kind: 'relation',
            key: edge.key,
            into: `#${existing}`,
            reason: 'The case already has this relation, with the same type, dates, weight and attributes.',
          },
          'merged',
        );
        continue;
      }
    }
    const attrs: Record<string, unknown> = values ? { values } : {};
    if (edge.spells && edge.spells.length > 1) attrs.spells = edge.spells;
    if (edge.dynamic) attrs.dynamic = edge.dynamic;
    relations.push({
      key: edge.key,
      source,
      target,
      type: type.id,
      startDate: startDate ?? null,
      endDate: endDate ?? null,
      summary,
      weight,
      attrs: JSON.stringify(attrs),
    });
  }
  if (undatable)
    report.warnings.push(
      `${undatable.toLocaleString('en-US')} ${undatable === 1 ? 'date is' : 'dates are'} not calendar dates (kept as the attributes start and end, not as lifetimes or relation dates).`,
    );

  // Sources: one of the same title and address is already in the case.
  const sameSource = db.prepare('SELECT id FROM source WHERE title = ? AND url IS ? LIMIT 1').pluck();
  const sources: NeutralGraph['sources'] = [];
  for (const source of graph.sources) {
    const existing = sameSource.get(source.title, source.url ?? null) as number | undefined;
    if (existing === undefined) sources.push(source);
  }

  const attributes = [...nodeAttrs.values(), ...edgeAttrs.values(), ...extraPlans.values()].filter(
    (p) => p.isNew && usedAttrs.has(p),
  );
  if (graph.format === 'case' && graph.nodes.some((n) => n.citedIn?.length))
    report.warnings.push(
      'Citations come with a case file only when it is opened as a case of its own (File ▸ Open case export…); imported into this case, each entity names the sources that cite it in its “Reported in” attribute.',
    );
  report.added = {
    entities: entities.length,
    relations: relations.length,
    types: entityTypes.added.size + relationTypes.added.size,
    attributes: attributes.length,
    sources: sources.length,
  };
  report.types = [...entityTypes.decisions.values(), ...relationTypes.decisions.values()];
  for (const [what, n] of Object.entries(counts))
    if (n > MAX_LISTED)
      report.warnings.push(
        `Only the first ${MAX_LISTED} of ${n.toLocaleString('en-US')} ${what} rows are listed.`,
      );
  return {
    report,
    entityTypes,
    relationTypes,
    attributes,
    entities,
    aliasesForExisting,
    relations,
    sources,
  };
}

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Writes a plan in one transaction, recorded as one undo step. */
function writePlan(store: CaseStore, plan: Plan, fileName: string): void {
  const label = `Import ${count(plan.entities.length, 'entity', 'entities')} and ${count(plan.relations.length, 'relation', 'relations')} from “${fileName}”`;
  store.journal.recordInserts(
    label,
    ['vocabulary', 'attribute', 'entity', 'alias', 'relation', 'source'] as const,
    () => {
      for (const def of plan.entityTypes.added.values())
        store.vocabulary.saveEntityType(def as EntityTypeDef);
      for (const def of plan.relationTypes.added.values())
        store.vocabulary.saveRelationType(def as RelationTypeDef);
      for (const a of plan.attributes) store.attributes.declare(a.def);
      for (const [id, aliases] of plan.aliasesForExisting) store.entities.addAliases(id, aliases);
      const ids: number[] = [];
      if (plan.entities.length) {
        const writer = new EntityBulkWriter(store.db, plan.entities.length);
        for (const e of plan.entities)
          ids.push(
            writer.add({
              type: e.type,
              name: e.name,
              nameNorm: e.norm,
              aliases: e.aliases,
              summary: e.summary,
              tags: e.tags,
              attrs: e.attrs,
              activeFrom: e.activeFrom,
              activeTo: e.activeTo,
            }),
          );
        writer.finish();
      }
      const idOf = (end: End): number => ('id' in end ? end.id : ids[end.index]!);
      if (plan.relations.length) {
        const writer = new RelationBulkWriter(store.db, plan.relations.length);
        for (const r of plan.relations)
          writer.add({
            sourceId: idOf(r.source),
            targetId: idOf(r.target),
            type: r.type,
            startDate: r.startDate,
            endDate: r.endDate,
            summary: r.summary,
            weight: r.weight,
            attrs: r.attrs,
          });
        writer.finish();
      }
      for (const s of plan.sources) {
        const reliability =
          typeof s.attrs.reliability === 'string' && /^[A-F]$/.test(s.attrs.reliability)
            ? s.attrs.reliability
            : 'F';
        const { reliability: _r, ...attrs } = s.attrs;
        store.sources.insert({
          title: s.title.trim() || s.key,
          publisher: s.publisher ?? '',
          publishedOn: partialDate(s.publishedOn) ?? null,
          url: s.url ?? null,
          reliability,
          text: s.description ?? '',
          attrs: { ...attrs, importedFrom: fileName },
        });
      }
      store.attributes.syncIndexes();
    },
  );
}

/** Reads, plans and (unless dryRun) writes; the report says what went in and what did not. */
export function importGraph(
  store: CaseStore,
  bytes: Uint8Array,
  request: Options & { name: string; format?: GraphFormat; dryRun?: boolean },
): InterchangeReport {
  let graph: NeutralGraph;
  try {
    graph = readGraph(bytes, request.format, request.name);
  } catch (error) {
    if (error instanceof FormatError)
      throw new AppError(
        'invalid_input',
        `“${request.name}” could not be read: ${error.message} Nothing was imported.`,
      );
    throw error;
  }
  const dryRun = request.dryRun === true;
  const plan = planImport(store, graph, request, dryRun);
  if (dryRun) return plan.report;
  if (
    plan.entities.length + plan.relations.length + plan.sources.length + plan.aliasesForExisting.size ===
    0
  ) {
    const why = plan.report.merged.length
      ? 'everything in it is already in the case'
      : 'every row of it was refused; read the reasons in the preview';
    throw new AppError('invalid_input', `Nothing was imported from “${request.name}”: ${why}.`);
  }
  writePlan(store, plan, request.name);
  return plan.report;
}
