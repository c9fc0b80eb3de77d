// The graph's read model: every entity and relation with the counts and grades the graph draws,
// read in keyset pages, and the analyst's node positions (setting table, not journaled: moving a
// node is not an edit of the case). The SQL spans entity, alias, relation, citation, source and
// note, so it lives with its one reader rather than in a single-table repository.
import type {
  GraphEdge,
  GraphNode,
  GraphPage,
  GraphSource,
  SavedLayout,
} from '../../../shared/ipc/graph/contract';
import type { Parsed } from '../../../shared/ipc/contract';
import type { CaseStore } from '../../store';

export const POSITIONS_KEY = 'graph.positions';

const NODES_SQL = `
  SELECT e.id, e.type, e.name, e.active_from AS activeFrom, e.active_to AS activeTo,
         (SELECT json_group_array(a.name ORDER BY a.id) FROM alias a WHERE a.entity_id = e.id) AS aliases,
         (SELECT count(*) FROM note n WHERE n.subject_kind = 'entity' AND n.subject_id = e.id) AS notes,
         (SELECT count(*) FROM citation c WHERE c.subject_kind = 'entity' AND c.subject_id = e.id) AS citations
    FROM entity e WHERE e.id > ? ORDER BY e.id LIMIT ?`;

const EDGES_SQL = `
  SELECT r.id, r.source_id AS source, r.target_id AS target, r.type, r.start_date AS start, r.end_date AS "end",
         (SELECT count(DISTINCT c.source_id) FROM citation c
           WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS corroboration,
         (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
           WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS grade,
         (SELECT json_group_array(DISTINCT c.source_id) FROM citation c
           WHERE c.subject_kind = 'relation' AND c.subject_id = r.id) AS sources
    FROM relation r WHERE r.id > ? ORDER BY r.id LIMIT ?`;

const SOURCES_SQL = `SELECT id, title, publisher, published_on AS publishedOn, reliability FROM source ORDER BY id`;

type NodeRow = Omit<GraphNode, 'aliases'> & { aliases: string };
type EdgeRow = Omit<GraphEdge, 'sources'> & { sources: string };

/** One page of the graph: up to `limit` nodes after afterNode and up to `limit` edges after afterEdge. */
export function graphPage(store: CaseStore, { afterNode, afterEdge, limit }: Parsed<'graph:get'>): GraphPage {
  const nodeRows = store.db.prepare(NODES_SQL).all(afterNode, limit) as NodeRow[];
  const edgeRows = store.db.prepare(EDGES_SQL).all(afterEdge, limit) as EdgeRow[];
  const nodes: GraphNode[] = nodeRows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
  const edges: GraphEdge[] = edgeRows.map((r) => ({
    ...r,
    sources: (JSON.parse(r.sources) as number[]).sort((a, b) => a - b),
  }));
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
