// IPC contract of the graph feature: the whole case as nodes and edges, read in keyset pages
// (DESIGN.md §6), and the analyst's node positions per case.
import { z } from 'zod';
import { Id } from '../../model/common';
import { READS, channel, writes } from '../channel';

export const GRAPH_LAYOUTS = ['force', 'lineage', 'concentric', 'circle', 'grid'] as const;
export type GraphLayoutName = (typeof GRAPH_LAYOUTS)[number];

/** An entity as the graph draws it. */
export interface GraphNode {
  id: number;
  type: string;
  name: string;
  aliases: string[];
  /** Count only: note bodies (private by default) never travel to the graph. */
  notes: number;
  citations: number;
  /** Lifetime: partial ISO dates, null when the sources do not say (absent from older fixtures). */
  activeFrom?: string | null;
  activeTo?: string | null;
}

/** A relation as the graph draws it. */
export interface GraphEdge {
  id: number;
  source: number;
  target: number;
  type: string;
  start: string | null;
  end: string | null;
  /** Distinct sources citing the relation. */
  corroboration: number;
  /** Best Admiralty grade among its citations, e.g. "B2"; null when uncited. */
  grade: string | null;
  /** Ids of the sources citing it. */
  sources: number[];
}

export interface GraphSource {
  id: number;
  title: string;
  publisher: string;
  publishedOn: string | null;
  reliability: string;
}

export interface SavedLayout {
  layout: GraphLayoutName;
  /** [entity id, x, y] */
  positions: [number, number, number][];
}

export interface GraphPage {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Pass these back as afterNode / afterEdge for the next page. */
  lastNode: number;
  lastEdge: number;
  /** True once both nodes and edges are exhausted. */
  done: boolean;
  /** On the first page only (afterNode = afterEdge = 0). */
  sources?: GraphSource[];
  saved?: SavedLayout | null;
}

/** The most rows of each kind one page carries. */
export const GRAPH_PAGE_LIMIT = 20_000;

const Coordinate = z.number().finite().min(-1e8).max(1e8);

export const GraphPageQuery = z
  .object({
    afterNode: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    afterEdge: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    limit: z.number().int().min(1).max(GRAPH_PAGE_LIMIT),
  })
  .strict();

export const SavePositions = z
  .object({
    layout: z.enum(GRAPH_LAYOUTS),
    positions: z.array(z.tuple([Id, Coordinate, Coordinate])).max(1_000_000),
    /** Merge into the saved positions (a dragged node) instead of replacing them (a new layout). */
    merge: z.boolean().optional(),
  })
  .strict();

/** The most rows of each kind one graph:rows call reads (a bigger change is read as a whole reload). */
export const GRAPH_ROWS_LIMIT = 10_000;

export const GraphRowsQuery = z
  .object({
    entityIds: z.array(Id).max(GRAPH_ROWS_LIMIT),
    relationIds: z.array(Id).max(GRAPH_ROWS_LIMIT),
    /** Read the list of sources too (a source was added, renamed or regraded). */
    sources: z.boolean(),
  })
  .strict();

/** Rows of the graph by id, for a change applied as a delta; an id not returned no longer exists. */
export interface GraphRows {
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources?: GraphSource[];
}

export const graphContract = {
  'graph:get': channel<GraphPage>()(GraphPageQuery, READS),
  'graph:rows': channel<GraphRows>()(GraphRowsQuery, READS),
  'graph:savePositions': channel<{ saved: number }>()(SavePositions, writes('setting')),
} as const;
