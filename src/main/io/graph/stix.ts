// STIX 2.1 bundles: reader and writer.
//
// Reading: every object except `relationship` becomes a node of its own STIX type (SDOs, SCOs,
// sightings, marking definitions), keyed by its STIX id, so duplicate names and case-only twins stay
// apart. Its name is `name`, else `value` (SCOs), else the indicator's pattern, else "<type> <id>".
// `aliases` → aliases, `description` → summary, `first_seen`/`last_seen` → lifetime; every other
// property is an attribute (nested objects such as kill_chain_phases as their JSON text).
// Each `relationship` is an edge of its relationship_type (directed; start_time/stop_time → dates).
// Embedded references become edges too when their target is in the bundle: `created_by_ref` →
// `created_by` (object → creator), a report's `object_refs` → `refers_to` (report → object), any
// other `x_ref`/`x_refs` → `x` (sighting_of, where_sighted, observed_data…); each such edge keeps
// the property it came from in attrs.stix_property. A report is also a source (same key), and the
// objects and relationships it lists name it in `citedIn`. References to objects outside the bundle
// stay attributes; relationships whose ends are outside the bundle get a placeholder node.
//
// Writing: see writeStix.
import { decodeAll, parseJson } from './text';
import {
  emptyGraph,
  FormatError,
  type AttrValue,
  type NeutralEdge,
  type NeutralGraph,
  type NeutralNode,
  type NeutralSource,
} from './types';
import { defsFromValues, firstDay, isPartialDate, lastDay, toAttrValue } from './values';
import { uuidV5 } from './uuid';

const WHAT = 'STIX file';
export const CUSTOM_ENTITY_TYPE = 'x-analyst-workbench-entity';
const X = 'x_analyst_workbench_';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Properties that are the node's own fields or the object's identity, not attributes. */
const NODE_OWN = new Set(['type', 'id', 'spec_version', 'name', 'aliases', 'description']);
const EDGE_OWN = new Set([
  'type',
  'id',
  'spec_version',
  'relationship_type',
  'source_ref',
  'target_ref',
  'description',
  'start_time',
  'stop_time',
]);
/** Our own markers, read back into the neutral fields. */
const OURS = new Set(
  [
    'type',
    'attrs',
    'weight',
    'symmetric',
    'start',
    'end',
    'synthetic',
    'tags',
    'parent',
    'source',
    'placeholder',
    'key',
    'viz',
  ].map((k) => X + k),
);

const REF_EDGE_TYPE: Record<string, string> = { created_by_ref: 'created_by', object_refs: 'refers_to' };

/** A STIX timestamp's day ('2015-05-15T09:12:16.432Z' → '2015-05-15'); other text as it is. */
function dayOf(timestamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(timestamp);
  return m ? m[1]! : timestamp;
}

const isMidnight = (timestamp: string) => /T00:00:00(\.0+)?Z$/.test(timestamp);
/** Our writer ends a whole-day end at the day's last millisecond. */
const isWholeDayEnd = (timestamp: string) => isMidnight(timestamp) || /T23:59:59\.999Z$/.test(timestamp);

function readableName(o: Json): string {
  for (const key of ['name', 'value', 'pattern', 'opinion', 'abstract', 'content', 'context'])
    if (typeof o[key] === 'string' && (o[key] as string).trim()) return o[key] as string;
  if (o.type === 'file' && isObject(o.hashes)) {
    const [algo, hash] = Object.entries(o.hashes)[0] ?? [];
    if (hash) return `${algo} ${String(hash)}`;
  }
  if (isObject(o.definition) && typeof o.definition.tlp === 'string')
    return `TLP:${o.definition.tlp.toUpperCase()}`;
  return `${String(o.type)} ${String(o.id).split('--')[1]?.slice(0, 8) ?? ''}`.trim();
}

function objectsOf(doc: unknown): Json[] {
  if (Array.isArray(doc)) return doc.filter(isObject);
  if (isObject(doc)) {
    if (doc.type === 'bundle') {
      if (!Array.isArray(doc.objects)) return [];
      return doc.objects.filter(isObject);
    }
    if (typeof doc.type === 'string' && typeof doc.id === 'string') return [doc];
  }
  throw new FormatError('This JSON is not a STIX bundle: it has no "type": "bundle" with "objects".');
}

export function readStixValue(doc: unknown): NeutralGraph {
  const objects = objectsOf(doc);
  const graph = emptyGraph('stix', true);
  if (isObject(doc) && typeof doc.id === 'string') graph.meta.bundle_id = doc.id;
  const byId = new Map<string, Json>();
  const skipped = new Set<string>();
  for (const o of objects) {
    if (typeof o.id !== 'string' || typeof o.type !== 'string')
      throw new FormatError(
        'An object in the STIX bundle has no "type" or "id"; every STIX object needs both.',
      );
    // The identity our writer adds only so that a report lists something is not an entity.
    if (o[`${X}placeholder`] === true) {
      skipped.add(o.id);
      continue;
    }
    const old = byId.get(o.id);
    if (old) {
      graph.warnings.push(`The STIX id “${o.id}” appears more than once; only its newest version was kept.`);
      if (String(o.modified ?? '') < String(old.modified ?? '')) continue;
    }
    byId.set(o.id, o);
  }
  const isSource = (o: Json) => o.type === 'report' && isObject(o[`${X}source`]);
  // Our own exports carry the case's keys; other bundles are keyed by STIX id.
  const keyOf = new Map<string, string>();
  const used = { node: new Set<string>(), edge: new Set<string>() };
  for (const o of byId.values()) {
    const own = o[`${X}key`];
    const taken = used[o.type === 'relationship' ? 'edge' : 'node'];
    const key = typeof own === 'string' && own && !taken.has(own) && !byId.has(own) ? own : (o.id as string);
    keyOf.set(o.id as string, key);
    taken.add(key);
  }
  const nodes = new Map<string, NeutralNode>();
  const edges = new Map<string, NeutralEdge>();
  const cited = new Map<string, Set<string>>();
  const cite = (id: string, by: string) => (cited.get(id) ?? cited.set(id, new Set()).get(id)!).add(by);
  for (const o of byId.values())
    if (o.type !== 'relationship' && !isSource(o))
      nodes.set(o.id as string, objectNode(o, keyOf.get(o.id as string)!));

  const placeholders = new Set<string>();
  const endpoint = (id: string): string => {
    if (nodes.has(id)) return nodes.get(id)!.key;
    {
      nodes.set(id, {
        key: id,
        name: id,
        type: id.split('--')[0] || 'unknown',
        aliases: [],
        attrs: { placeholder: true },
      });
      placeholders.add(id);
    }
    return id;
  };
  for (const o of byId.values()) {
    if (o.type !== 'relationship') continue;
    if (typeof o.source_ref !== 'string' || typeof o.target_ref !== 'string')
      throw new FormatError(`The relationship “${String(o.id)}” has no source_ref or target_ref.`);
    const edge = relationshipEdge(
      o,
      keyOf.get(o.id as string)!,
      endpoint(o.source_ref),
      endpoint(o.target_ref),
    );
    edges.set(o.id as string, edge);
  }
  if (placeholders.size)
    graph.warnings.push(
      `${placeholders.size} relationship ${placeholders.size === 1 ? 'end points' : 'ends point'} to objects outside the bundle; they were added as entities named by their STIX id (attribute “placeholder”).`,
    );

  // Embedded references: edges when the target is in the bundle, attributes otherwise.
  const refEdges: NeutralEdge[] = [];
  for (const o of byId.values()) {
    if (o.type === 'relationship') continue;
    const holder = o.id as string;
    const source = isSource(o);
    const ours = o[`${X}source`];
    const citer = source && isObject(ours) && typeof ours.key === 'string' ? ours.key : keyOf.get(holder)!;
    const holderKey = keyOf.get(holder)!;
    const synthetic = new Set(
      Array.isArray(o[`${X}synthetic`]) ? (o[`${X}synthetic`] as unknown[]).map(String) : [],
    );
    for (const [prop, value] of Object.entries(o)) {
      if (
        prop === 'object_marking_refs' ||
        synthetic.has(prop) ||
        !(prop.endsWith('_ref') || prop.endsWith('_refs'))
      )
        continue;
      const refs = Array.isArray(value) ? value : [value];
      const outside: AttrValue[] = [];
      for (const ref of refs) {
        if (typeof ref !== 'string') {
          outside.push(toAttrValue(ref));
          continue;
        }
        if (skipped.has(ref)) continue;
        const target = byId.get(ref);
        if (o.type === 'report' && target) cite(ref, citer);
        if (source && target) continue;
        if (target?.type === 'relationship' && o.type === 'report') continue;
        if (!target || !nodes.has(ref)) {
          outside.push(ref);
          continue;
        }
        const targetKey = nodes.get(ref)!.key;
        refEdges.push({
          key: `${holderKey}/${prop}${Array.isArray(value) ? `/${targetKey}` : ''}`,
          source: holderKey,
          target: targetKey,
          type: REF_EDGE_TYPE[prop] ?? prop.replace(/_refs?$/, ''),
          directed: true,
          attrs: { stix_property: prop },
        });
      }
      const node = nodes.get(holder);
      if (outside.length && node) node.attrs[prop] = Array.isArray(value) ? outside : outside[0]!;
    }
  }
  for (const [id, by] of cited) {
    const item = nodes.get(id) ?? edges.get(id);
    if (item) item.citedIn = [...new Set([...(item.citedIn ?? []), ...by])];
  }
  for (const o of byId.values())
    if (o.type === 'report') graph.sources.push(reportSource(o, keyOf.get(o.id as string)!));

  graph.nodes = [...nodes.values()];
  graph.edges = [...edges.values(), ...refEdges];
  graph.nodeAttrs = defsFromValues(graph.nodes);
  graph.edgeAttrs = defsFromValues(graph.edges);
  return graph;
}

function unpackOurs(o: Json, attrs: Record<string, AttrValue>): { synthetic: Set<string> } {
  if (isObject(o[`${X}attrs`]))
    for (const [k, v] of Object.entries(o[`${X}attrs`] as Json)) attrs[k] = toAttrValue(v);
  const synthetic = new Set(
    Array.isArray(o[`${X}synthetic`]) ? (o[`${X}synthetic`] as unknown[]).map(String) : [],
  );
  return { synthetic };
}

function objectNode(o: Json, key: string): NeutralNode {
  const node: NeutralNode = {
    key,
    name: readableName(o),
    type:
      typeof o[`${X}type`] === 'string'
        ? (o[`${X}type`] as string)
        : o.type === CUSTOM_ENTITY_TYPE
          ? null
          : (o.type as string),
    aliases: Array.isArray(o.aliases) ? o.aliases.map(String) : [],
    attrs: {},
  };
  if (typeof o.description === 'string') node.summary = o.description;
  const { synthetic } = unpackOurs(o, node.attrs);
  for (const [prop, value] of Object.entries(o)) {
    if (NODE_OWN.has(prop) || OURS.has(prop) || synthetic.has(prop)) continue;
    if (prop.endsWith('_ref') || prop.endsWith('_refs')) {
      if (prop === 'object_marking_refs') node.attrs[prop] = toAttrValue(value);
      continue; // resolved once every node exists
    }
    if ((prop === 'first_seen' || prop === 'last_seen') && typeof value === 'string') {
      node[prop === 'first_seen' ? 'start' : 'end'] = dayOf(value);
      if (!(prop === 'first_seen' ? isMidnight(value) : isWholeDayEnd(value))) node.attrs[prop] = value;
      continue;
    }
    node.attrs[prop] = toAttrValue(value);
  }
  if (typeof o[`${X}start`] === 'string') node.start = o[`${X}start`] as string;
  if (typeof o[`${X}end`] === 'string') node.end = o[`${X}end`] as string;
  if (Array.isArray(o[`${X}tags`])) node.tags = (o[`${X}tags`] as unknown[]).map(String);
  if (typeof o[`${X}parent`] === 'string') node.parent = o[`${X}parent`] as string;
  const viz = o[`${X}viz`];
  if (isObject(viz)) {
    for (const k of ['x', 'y', 'size'] as const) if (typeof viz[k] === 'number') node[k] = viz[k] as number;
    for (const k of ['color', 'shape'] as const) if (typeof viz[k] === 'string') node[k] = viz[k] as string;
  }
  // A name that only repeats the value it was made from is not an extra attribute.
  if (!('name' in o) && typeof o.value === 'string') delete node.attrs.value;
  return node;
}

function relationshipEdge(o: Json, key: string, source: string, target: string): NeutralEdge {
  const edge: NeutralEdge = {
    key,
    source,
    target,
    type:
      typeof o[`${X}type`] === 'string'
        ? (o[`${X}type`] as string)
        : typeof o.relationship_type === 'string'
          ? o.relationship_type
          : null,
    directed: o[`${X}symmetric`] !== true,
    attrs: {},
  };
  if (typeof o.description === 'string') edge.summary = o.description;
  if (typeof o[`${X}weight`] === 'number') edge.weight = o[`${X}weight`] as number;
  const { synthetic } = unpackOurs(o, edge.attrs);
  if (synthetic.has('relationship_type')) edge.type = null;
  for (const [prop, value] of Object.entries(o)) {
    if (EDGE_OWN.has(prop) || OURS.has(prop) || synthetic.has(prop)) continue;
    edge.attrs[prop] = toAttrValue(value);
  }
  for (const [prop, field] of [
    ['start_time', 'start'],
    ['stop_time', 'end'],
  ] as const) {
    const value = o[prop];
    if (typeof value !== 'string' || synthetic.has(prop)) continue;
    edge[field] = dayOf(value);
    if (!(field === 'start' ? isMidnight(value) : isWholeDayEnd(value))) edge.attrs[prop] = value;
  }
  if (typeof o[`${X}start`] === 'string') edge.start = o[`${X}start`] as string;
  if (typeof o[`${X}end`] === 'string') edge.end = o[`${X}end`] as string;
  return edge;
}

function reportSource(o: Json, key: string): NeutralSource {
  const refs = Array.isArray(o.external_references) ? o.external_references.filter(isObject) : [];
  const ours = isObject(o[`${X}source`]) ? (o[`${X}source`] as Json) : null;
  const source: NeutralSource = {
    key: ours && typeof ours.key === 'string' ? ours.key : key,
    title: readableName(o),
    attrs: {},
  };
  if (typeof o.description === 'string') source.description = o.description;
  if (ours) {
    if (typeof ours.url === 'string') source.url = ours.url;
    if (typeof ours.publisher === 'string') source.publisher = ours.publisher;
    if (typeof ours.publishedOn === 'string') source.publishedOn = ours.publishedOn;
    if (isObject(ours.attrs))
      for (const [k, v] of Object.entries(ours.attrs)) source.attrs[k] = toAttrValue(v);
    return source;
  }
  const url = refs.find((r) => typeof r.url === 'string')?.url;
  if (typeof url === 'string') source.url = url;
  if (typeof o.published === 'string') source.publishedOn = dayOf(o.published);
  const publisher = refs.find((r) => typeof r.source_name === 'string')?.source_name;
  if (typeof publisher === 'string') source.publisher = publisher;
  return source;
}

export function readStix(bytes: Uint8Array): NeutralGraph {
  return readStixValue(parseJson(decodeAll(bytes, WHAT), WHAT));
}

// ---------------------------------------------------------------------------------------------
// Writer.

/** STIX 2.1 SDO types and the properties each requires beyond the common ones. */
export const SDO_REQUIRED: Record<string, string[]> = {
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
  sighting: ['sighting_of_ref'],
};

/** Types that carry first_seen / last_seen. */
const SEEN_TYPES = new Set(['campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor']);

/** Standard STIX property names written as they are; any other attribute goes into x_analyst_workbench_attrs. */
const STIX_PROPERTIES = new Set(
  (
    'created_by_ref revoked labels confidence lang external_references object_marking_refs granular_markings extensions created modified ' +
    'first_seen last_seen objective goals resource_level primary_motivation secondary_motivations threat_actor_types roles sophistication ' +
    'personal_motivations kill_chain_phases identity_class sectors contact_information pattern pattern_type pattern_version valid_from ' +
    'valid_until indicator_types malware_types is_family architecture_execution_envs implementation_languages capabilities sample_refs ' +
    'operating_system_refs tool_types tool_version infrastructure_types report_types published object_refs context abstract content authors ' +
    'explanation opinion first_observed last_observed number_observed latitude longitude precision region country administrative_area city ' +
    'street_address postal_code product version host_vm_ref analysis_engine_version analysis_definition_version submitted analysis_started ' +
    'analysis_ended result_name result analysis_sco_refs sighting_of_ref observed_data_refs where_sighted_refs count summary value hashes ' +
    'size mime_type definition_type definition'
  ).split(' '),
);
/** Standard properties whose values are objects (kept as JSON text in attributes). */
const OBJECT_PROPERTIES = new Set([
  'kill_chain_phases',
  'external_references',
  'granular_markings',
  'extensions',
  'hashes',
  'definition',
]);
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;
const STIX_ID =
  /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export interface StixWriteOptions {
  /** created/modified of objects that carry none; now when absent. */
  now?: Date;
  /** Makes ids unique to one case (uuid v5 names are `<caseId>:<kind>:<key>`); graph.meta.caseId when absent. */
  caseId?: string;
}

/** A workbench entity type → its STIX object type and the properties the mapping adds. */
function stixTypeOf(node: NeutralNode): { type: string; add: Json } {
  const t = node.type ?? '';
  if (t in SDO_REQUIRED)
    return {
      type: t,
      add: t === 'malware' && node.attrs.is_family === undefined ? { is_family: false } : {},
    };
  if (t === 'person') return { type: 'identity', add: { identity_class: 'individual' } };
  if (t === 'organization') return { type: 'identity', add: { identity_class: 'organization' } };
  if (t === 'event') return { type: 'incident', add: {} };
  if (t === 'location') return { type: 'location', add: {} };
  return { type: CUSTOM_ENTITY_TYPE, add: {} };
}

function restore(prop: string, value: AttrValue): unknown {
  if (!OBJECT_PROPERTIES.has(prop)) return value;
  const parse = (v: AttrValue) => {
    if (typeof v !== 'string' || !v.startsWith('{')) return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  };
  return Array.isArray(value) ? value.map(parse) : parse(value);
}

const writable = (value: unknown) =>
  value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== '';

/** Splits attributes into standard properties and our packed rest. */
function putAttrs(obj: Json, attrs: Record<string, AttrValue>, skip: Set<string>): void {
  const rest: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (skip.has(k)) continue;
    // A custom object keeps even standard-looking names inside our attrs.
    const custom = obj.type === CUSTOM_ENTITY_TYPE && !k.startsWith('x_');
    if (
      !custom &&
      (STIX_PROPERTIES.has(k) || (k.startsWith('x_') && !k.startsWith(X))) &&
      PROPERTY_NAME.test(k) &&
      writable(v) &&
      obj[k] === undefined
    )
      obj[k] = restore(k, v);
    else rest[k] = v;
  }
  if (Object.keys(rest).length) obj[`${X}attrs`] = rest;
}

function stamp(date: string, end: boolean): string {
  const day = end ? lastDay(date) : firstDay(date);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : day;
}

/** The identity an export names when a report must list something and nothing cites it. */
function creatorIdentity(caseId: string, now: string): Json {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuidV5(`${caseId}:creator`)}`,
    created: now,
    modified: now,
    name: 'Analyst Workbench export',
    identity_class: 'system',
    [`${X}placeholder`]: true,
  };
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A STIX 2.1 bundle as string pieces, one object per line. Mapping: an entity whose type is a STIX
 * SDO type stays that type when its required properties are there; person → identity
 * (identity_class individual); organization → identity (organization); event → incident;
 * location → location when it has a country, region or latitude/longitude; anything else
 * (including SCOs and marking definitions read from STIX) → `x-analyst-workbench-entity`. Every
 * object keeps the workbench type in x_analyst_workbench_type, attributes that are not STIX
 * properties in x_analyst_workbench_attrs, and lists the properties the mapping invented in
 * x_analyst_workbench_synthetic, so reading our own bundle back gives the same graph.
 * Relations are `relationship`s (relationship_type lower-cased with hyphens; weight, symmetry and
 * exact partial dates as x_analyst_workbench_* properties); edges read from an embedded reference
 * (attrs.stix_property) become that reference again. Sources are `report`s with an external
 * reference, listing what cites them (x_analyst_workbench_source marks them as sources). Ids: a node
 * keyed by a STIX id of its type keeps it; every other id is uuid v5 of `<caseId>:<kind>:<key>`.
 */
export function* writeStix(graph: NeutralGraph, options: StixWriteOptions = {}): Generator<string> {
  const now = (options.now ?? new Date()).toISOString();
  const caseId = options.caseId ?? String(graph.meta.caseId ?? '');
  const idFor = (kind: string, key: string, type: string) => {
    const m = STIX_ID.exec(key);
    return m && m[1] === type ? key : `${type}--${uuidV5(`${caseId}:${kind}:${key}`)}`;
  };

  const objects = new Map<string, Json>();
  const nodeIds = new Map<string, string>();
  const refsFrom = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    const prop = edge.attrs.stix_property;
    if (typeof prop === 'string')
      (refsFrom.get(edge.source) ?? refsFrom.set(edge.source, new Set()).get(edge.source)!).add(prop);
  }
  for (const node of graph.nodes) {
    const obj = entityObject(node, now, idFor, refsFrom.get(node.key));
    nodeIds.set(node.key, obj.id as string);
    objects.set(node.key, obj);
  }

  // Embedded references come back as properties; other edges are relationships.
  const relationships: Json[] = [];
  const edgeIds = new Map<string, string>();
  for (const edge of graph.edges) {
    const prop = edge.attrs.stix_property;
    const holder = objects.get(edge.source);
    const targetId = nodeIds.get(edge.target)!;
    if (
      typeof prop === 'string' &&
      holder &&
      holder.type !== CUSTOM_ENTITY_TYPE &&
      PROPERTY_NAME.test(prop) &&
      Object.keys(edge.attrs).length === 1
    ) {
      if (prop.endsWith('_refs')) {
        const list = (holder[prop] as string[] | undefined) ?? [];
        if (!list.includes(targetId)) list.push(targetId);
        holder[prop] = list;
        continue;
      }
      if (holder[prop] === undefined) {
        holder[prop] = targetId;
        continue;
      }
    }
    const obj = relationshipObject(edge, nodeIds, now, idFor);
    edgeIds.set(edge.key, obj.id as string);
    relationships.push(obj);
  }

  let creator: Json | null = null;
  const creatorId = () => (creator ??= creatorIdentity(caseId, now)).id as string;
  const reports: Json[] = [];
  for (const source of graph.sources) {
    const citing = new Set<string>();
    for (const n of graph.nodes) if (n.citedIn?.includes(source.key)) citing.add(nodeIds.get(n.key)!);
    for (const e of graph.edges)
      if (e.citedIn?.includes(source.key) && edgeIds.has(e.key)) citing.add(edgeIds.get(e.key)!);
    // A report read from STIX is a node and a source under one key: one report object.
    const existing = objects.get(source.key);
    if (existing?.type === 'report') {
      const refs = (existing.object_refs as string[] | undefined) ?? [];
      for (const id of citing) if (!refs.includes(id)) refs.push(id);
      existing.object_refs = refs;
      continue;
    }
    reports.push(sourceReport(source, [...citing], now, idFor, creatorId));
  }
  for (const obj of objects.values())
    if (obj.type === 'report' && !(obj.object_refs as string[] | undefined)?.length) {
      obj.object_refs = [creatorId()];
      (
        (obj[`${X}synthetic`] as string[] | undefined) ??
        ((obj[`${X}synthetic`] = [] as string[]) as string[])
      ).push('object_refs');
    }

  const bundleId = `bundle--${uuidV5(`${caseId}:bundle`)}`;
  yield `{"type":"bundle","id":"${bundleId}","objects":[\n`;
  let first = true;
  for (const obj of [...(creator ? [creator] : []), ...objects.values(), ...relationships, ...reports]) {
    yield `${first ? '' : ',\n'}${JSON.stringify(obj)}`;
    first = false;
  }
  yield '\n]}\n';
}

type IdFor = (kind: string, key: string, type: string) => string;

function timestamps(obj: Json, attrs: Record<string, AttrValue>, now: string, synthetic: string[]): void {
  const created = typeof attrs.created === 'string' && TIMESTAMP.test(attrs.created) ? attrs.created : null;
  const modified =
    typeof attrs.modified === 'string' && TIMESTAMP.test(attrs.modified) ? attrs.modified : null;
  obj.created = created ?? now;
  obj.modified = modified && modified >= (obj.created as string) ? modified : obj.created;
  if (!created) synthetic.push('created');
  if (!modified || modified < (obj.created as string)) synthetic.push('modified');
}

function entityObject(node: NeutralNode, now: string, idFor: IdFor, refs: Set<string> | undefined): Json {
  let { type, add } = stixTypeOf(node);
  const required = (SDO_REQUIRED[type] ?? []).filter(
    (p) => p !== 'name' && !(type === 'report' && p === 'object_refs'),
  );
  // A required reference may come back from an edge read from it (sighting_of_ref, object_refs).
  const fits =
    required.every((p) => writable(node.attrs[p]) || p in add || refs?.has(p)) &&
    (type !== 'location' ||
      ['region', 'country'].some((p) => typeof node.attrs[p] === 'string' && node.attrs[p] !== '') ||
      (typeof node.attrs.latitude === 'number' && typeof node.attrs.longitude === 'number'));
  if (!fits) [type, add] = [CUSTOM_ENTITY_TYPE, {}];
  const obj: Json = { type, spec_version: '2.1', id: idFor('entity', node.key, type) };
  const synthetic: string[] = [];
  timestamps(obj, node.attrs, now, synthetic);
  obj.name = node.name;
  if (node.summary) obj.description = node.summary;
  if (node.aliases.length) obj.aliases = node.aliases;
  for (const [k, v] of Object.entries(add))
    if (node.attrs[k] === undefined) {
      obj[k] = v;
      synthetic.push(k);
    }
  // An untyped entity is a custom entity without a workbench type.
  if (node.type !== type && node.type !== null) obj[`${X}type`] = node.type;
  const seen = SEEN_TYPES.has(type);
  if (node.start && seen && node.attrs.first_seen === undefined) obj.first_seen = stamp(node.start, false);
  if (node.end && seen && node.attrs.last_seen === undefined) obj.last_seen = stamp(node.end, true);
  if (node.start && (!seen || !FULL_DAY.test(node.start))) obj[`${X}start`] = node.start;
  if (node.end && (!seen || !FULL_DAY.test(node.end))) obj[`${X}end`] = node.end;
  if (node.tags?.length) obj[`${X}tags`] = node.tags;
  if (node.parent !== undefined) obj[`${X}parent`] = node.parent;
  const viz: Json = {};
  for (const k of ['x', 'y', 'size', 'color', 'shape'] as const) if (node[k] !== undefined) viz[k] = node[k];
  if (Object.keys(viz).length) obj[`${X}viz`] = viz;
  if (obj.id !== node.key) obj[`${X}key`] = node.key;
  putAttrs(obj, node.attrs, new Set(['created', 'modified']));
  if (synthetic.length) obj[`${X}synthetic`] = synthetic;
  return obj;
}

function relationshipObject(
  edge: NeutralEdge,
  nodeIds: Map<string, string>,
  now: string,
  idFor: IdFor,
): Json {
  const type = (edge.type ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const obj: Json = {
    type: 'relationship',
    spec_version: '2.1',
    id: idFor('relation', edge.key, 'relationship'),
  };
  const synthetic: string[] = [];
  timestamps(obj, edge.attrs, now, synthetic);
  obj.relationship_type = type.length >= 3 ? type : 'related-to';
  obj.source_ref = nodeIds.get(edge.source)!;
  obj.target_ref = nodeIds.get(edge.target)!;
  if (edge.type === null) synthetic.push('relationship_type');
  else if (edge.type !== obj.relationship_type) obj[`${X}type`] = edge.type;
  if (edge.summary) obj.description = edge.summary;
  if (edge.weight !== undefined) obj[`${X}weight`] = edge.weight;
  if (!edge.directed) obj[`${X}symmetric`] = true;
  const startRaw = edge.attrs.start_time;
  const stopRaw = edge.attrs.stop_time;
  if (edge.start)
    obj.start_time =
      typeof startRaw === 'string' && dayOf(startRaw) === edge.start ? startRaw : stamp(edge.start, false);
  if (edge.end)
    obj.stop_time =
      typeof stopRaw === 'string' && dayOf(stopRaw) === edge.end ? stopRaw : stamp(edge.end, true);
  // STIX wants stop_time later than start_time; otherwise the exact end rides along only.
  if (obj.start_time && obj.stop_time && !((obj.stop_time as string) > (obj.start_time as string)))
    delete obj.stop_time;
  if (edge.start && !FULL_DAY.test(edge.start)) obj[`${X}start`] = edge.start;
  if (edge.end && (!FULL_DAY.test(edge.end) || obj.stop_time === undefined)) obj[`${X}end`] = edge.end;
  if (obj.id !== edge.key) obj[`${X}key`] = edge.key;
  putAttrs(obj, edge.attrs, new Set(['created', 'modified', 'start_time', 'stop_time']));
  if (synthetic.length) obj[`${X}synthetic`] = synthetic;
  return obj;
}

function sourceReport(
  source: NeutralSource,
  citing: string[],
  now: string,
  idFor: IdFor,
  creatorId: () => string,
): Json {
  const report: Json = {
    type: 'report',
    spec_version: '2.1',
    id: idFor('source', source.key, 'report'),
    created: now,
    modified: now,
    name: source.title,
    published:
      source.publishedOn && isPartialDate(source.publishedOn) ? stamp(source.publishedOn, false) : now,
    object_refs: citing.length ? citing : [creatorId()],
  };
  if (source.description) report.description = source.description;
  if (source.url)
    report.external_references = [{ source_name: source.publisher || 'source', url: source.url }];
  const fields: Json = {
    key: source.key,
    publisher: source.publisher ?? null,
    publishedOn: source.publishedOn ?? null,
    url: source.url ?? null,
  };
  if (Object.keys(source.attrs).length) fields.attrs = source.attrs;
  report[`${X}source`] = fields;
  return report;
}
