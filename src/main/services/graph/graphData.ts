// The graph's read model: every entity and relation with the counts and grades the graph draws,
// read in keyset pages, and the analyst's node positions (setting table, not journaled: moving a
// node is not an edit of the case). The SQL spans entity, alias, relation, citation, source and
// note, so it lives with its one reader rather than in a single-table repository.
import type {
  GraphEdge,
  GraphNode,
  GraphPage,
  GraphRows,
  GraphSource,
  SavedLayout,
} from '../../../shared/ipc/graph/contract';
import type { Parsed } from '../../../shared/ipc/contract';
import type { CaseStore } from '../../store';

export const POSITIONS_KEY = 'graph.positions';

const NODE_COLUMNS = `
  SELECT e.id, e.type, e.name, e.active_from AS activeFrom, e.active_to AS activeTo,
         (SELECT json_group_array(a.name ORDER BY a.id) FROM alias a WHERE a.entity_id = e.id) AS aliases,
         (SELECT count(*) FROM note n WHERE n.subject_kind = 'entity' AND n.subject_id = e.id) AS notes,
         (SELECT count(*) FROM citation c WHERE c.subject_kind = 'entity' AND c.subject_id = e.id) AS citations
    FROM entity e`;

const EDGE_COLUMNS = `
  SELECT r.id, r.source_id AS source, r.target_id AS target, r.type, r.start_date AS start, r.end_date AS "end",
         (SELECT count(DISTINCT c.source_id) FROM citation c
           WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS corroboration,
         (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
           WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS grade,
         (SELECT json_group_array(DISTINCT c.source_id) FROM citation c
           WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS sources
    FROM relation r`;

const NODES_SQL = `${NODE_COLUMNS} WHERE e.id > ? ORDER BY e.id LIMIT ?`;
const EDGES_SQL = `${EDGE_COLUMNS} WHERE r.id > ? ORDER BY r.id LIMIT ?`;
const NODES_BY_ID_SQL = `${NODE_COLUMNS} WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id`;
const EDGES_BY_ID_SQL = `${EDGE_COLUMNS} WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`;

const SOURCES_SQL = `SELECT id, title, publisher, published_on AS publishedOn, reliability FROM source ORDER BY id`;

type NodeRow = Omit<GraphNode, 'aliases'> & { aliases: string };
type EdgeRow = Omit<GraphEdge, 'sources'> & { sources: string };

const toNode = (r: NodeRow): GraphNode => ({ ...r, aliases: JSON.parse(r.aliases) as string[] });
const toEdge = (r: EdgeRow): GraphEdge => ({
  ...r,
  sources: (JSON.parse(r.sources) as number[]).sort((a, b) => a - b),
});

/** One page of the graph: up to `limit` nodes after afterNode and up to `limit` edges after afterEdge. */
export function graphPage(store: CaseStore, { afterNode, afterEdge, limit }: Parsed<'graph:get'>): GraphPage {
  const nodeRows = store.db.prepare(NODES_SQL).all(afterNode, limit) as NodeRow[];
  const edgeRows = store.db.prepare(EDGES_SQL).all(afterEdge, limit) as EdgeRow[];
  const nodes = nodeRows.map(toNode);
  const edges = edgeRows.map(toEdge);
  const page: GraphPage = {
    nodes,
    edges,
    lastNode: nodes.at(-1)?.id ?? afterNode,
    lastEdge: edges.at(-1)?.id ?? afterEdge,
    done: nodes.length < limit && edges.length < limit,
  };
  if (afterNode === 0 && afterEdge === 0) {
    page.sources = store.db.prepare(SOURCES_SQL).all() as GraphSource[];
    page.saved = store.settings.get<SavedLayout>(POSITIONS_KEY);
  }
  return page;
}

/**
 * The nodes and edges with these ids, as graph:get reads them: one read for the rows a write
 * touched, so the graph applies the change instead of reloading the case.
 */
export function graphRows(
  store: CaseStore,
  { entityIds, relationIds, sources }: Parsed<'graph:rows'>,
): GraphRows {
  const rows: GraphRows = {
    nodes: entityIds.length
      ? (store.db.prepare(NODES_BY_ID_SQL).all(JSON.stringify(entityIds)) as NodeRow[]).map(toNode)
      : [],
    edges: relationIds.length
      ? (store.db.prepare(EDGES_BY_ID_SQL).all(JSON.stringify(relationIds)) as EdgeRow[]).map(toEdge)
      : [],
  };
  if (sources) rows.sources = store.db.prepare(SOURCES_SQL).all() as GraphSource[];
  return rows;
}

/** Saves node positions for the case: a whole layout, or (merge) the nodes the analyst dragged. */
export function savePositions(store: CaseStore, input: Parsed<'graph:savePositions'>): { saved: number } {
  let positions = input.positions;
  if (input.merge) {
    const before = store.settings.get<SavedLayout>(POSITIONS_KEY);
    if (before && before.layout === input.layout) {
      const merged = new Map(before.positions.map((p) => [p[0], p] as const));
      for (const p of input.positions) merged.set(p[0], p);
      positions = [...merged.values()];
    }
  }
  store.settings.set(POSITIONS_KEY, { layout: input.layout, positions } satisfies SavedLayout);
  return { saved: positions.length };
}
