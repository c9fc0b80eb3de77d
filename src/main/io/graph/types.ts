// The neutral in-memory graph every graph-format reader produces and every writer consumes
// (DESIGN.md §7): no store, no IPC; services turn it into one transaction.

export type AttrValue = string | number | boolean | null | AttrValue[];

export type AttrType = 'string' | 'integer' | 'double' | 'boolean' | 'date' | 'list';

export interface AttrDef {
  key: string;
  title: string;
  type: AttrType;
  default?: AttrValue;
  /** The attribute changes over time (GEXF dynamic attributes): values live in `dynamic[key]`. */
  dynamic?: boolean;
}

export interface NeutralType {
  id: string;
  label?: string;
  color?: string;
  shape?: string;
  lineStyle?: 'solid' | 'dashed' | 'dotted';
  /** How a relation of this type reads from source to target ("broke away from"). */
  reads?: string;
  /** False for symmetric relation types (they read the same both ways). */
  directed?: boolean;
  lineage?: boolean;
}

/** A value over time: [value, start, end], open ends null (GEXF dynamic attvalues). */
export type TimedValue = [AttrValue, string | null, string | null];

/** A time interval [start, end], open ends null. */
export type Spell = [string | null, string | null];

export interface NeutralNode {
  /** The id in the file, unique in the graph. */
  key: string;
  /** Label, never empty: falls back to the key. */
  name: string;
  /** Entity type as the file says it (STIX SDO type, a 'type' attribute or column…), null if none. */
  type: string | null;
  aliases: string[];
  summary?: string;
  /** Every other value the file carries, keyed by AttrDef.key. */
  attrs: Record<string, AttrValue>;
  x?: number;
  y?: number;
  size?: number;
  /** '#rrggbb' when the file gives a colour as numbers, otherwise as written ('yellow'). */
  color?: string;
  /** Node shape as the file names it (yEd 'ellipse', GEXF viz:shape 'disc'). */
  shape?: string;
  /** Lifetime as partial ISO dates (GEXF start/end, STIX first_seen/last_seen); null is an open end. */
  start?: string | null;
  end?: string | null;
  /** Every interval of a lifetime made of several (GEXF <spells>); start/end then span them all. */
  spells?: Spell[];
  /** Enclosing group's key (yEd nested graphs, GEXF pid, Cytoscape compound nodes). */
  parent?: string;
  /** Full history of dynamic attributes, keyed by AttrDef.key; attrs[key] holds the latest value. */
  dynamic?: Record<string, TimedValue[]>;
  /** Keys of the NeutralSources that state this (a STIX report's object_refs). */
  citedIn?: string[];
  tags?: string[];
}

export interface NeutralEdge {
  key: string;
  source: string;
  target: string;
  /** Relation type as the file says it. */
  type: string | null;
  directed: boolean;
  weight?: number;
  start?: string | null;
  end?: string | null;
  spells?: Spell[];
  attrs: Record<string, AttrValue>;
  summary?: string;
  dynamic?: Record<string, TimedValue[]>;
  citedIn?: string[];
}

/** A document behind the graph: a STIX report, a case source. */
export interface NeutralSource {
  key: string;
  title: string;
  url?: string | null;
  publishedOn?: string | null;
  description?: string;
  publisher?: string;
  attrs: Record<string, AttrValue>;
}

export type GraphFormat = 'gexf' | 'graphml' | 'stix' | 'cyjs' | 'case';
export type WritableFormat = Exclude<GraphFormat, 'case'>;

export interface NeutralGraph {
  format: GraphFormat;
  /** The file's default. */
  directed: boolean;
  /** Creator, description, generated_by, graph-level data… */
  meta: Record<string, AttrValue>;
  nodeAttrs: AttrDef[];
  edgeAttrs: AttrDef[];
  entityTypes: NeutralType[];
  relationTypes: NeutralType[];
  nodes: NeutralNode[];
  edges: NeutralEdge[];
  sources: NeutralSource[];
  /** Things the reader could not keep, one sentence each. */
  warnings: string[];
}

/** A file the workbench cannot read, said in ONE sentence an analyst can act on. */
export class FormatError extends Error {
  override name = 'FormatError';
  constructor(
    message: string,
    /** 1-based line of the problem when the parser knows it. */
    readonly line?: number,
  ) {
    super(message);
  }
}

export function emptyGraph(format: GraphFormat, directed = true): NeutralGraph {
  return {
    format,
    directed,
    meta: {},
    nodeAttrs: [],
    edgeAttrs: [],
    entityTypes: [],
    relationTypes: [],
    nodes: [],
    edges: [],
    sources: [],
    warnings: [],
  };
}
