// Reading the case into the graph: all of it, in pages (graph:get), with its types (caseTypes:list),
// or the rows a write touched (graph:rows), which the controller applies as a delta instead of
// reading everything again.
import type { GraphPage, GraphRows, GraphSource, SavedLayout } from '../../../../shared/ipc/graph/contract';
import { GRAPH_PAGE_LIMIT } from '../../../../shared/ipc/graph/contract';
import type { Vocabulary } from '../../../../shared/vocabulary';
import { call } from '../../../lib/ipc';
import type { GraphData } from '../model/graphData';

/** Beyond this the tab runs out of memory drawing the whole case; the sheet still holds it all. */
export const GRAPH_MAX_NODES = 60_000;
export const GRAPH_MAX_EDGES = 300_000;

export class TooLargeToDraw extends Error {}

export interface LoadedGraph {
  data: GraphData;
  sources: GraphSource[];
  saved: SavedLayout | null;
  types: Vocabulary;
}

export async function loadGraph(): Promise<LoadedGraph> {
  const { counts } = await call('case:info', {});
  if (counts.entities > GRAPH_MAX_NODES || counts.relations > GRAPH_MAX_EDGES) {
    const n = (v: number): string => v.toLocaleString('en-US');
    throw new TooLargeToDraw(
      `This case has ${n(counts.entities)} entities and ${n(counts.relations)} relations; the graph draws up to ${n(GRAPH_MAX_NODES)} entities and ${n(GRAPH_MAX_EDGES)} relations. Work in the sheet, or split the case.`,
    );
  }
  const types = call('caseTypes:list', {});
  const data: GraphData = { nodes: [], edges: [] };
  let sources: GraphSource[] = [];
  let saved: SavedLayout | null = null;
  let afterNode = 0;
  let afterEdge = 0;
  for (;;) {
    const page: GraphPage = await call('graph:get', { afterNode, afterEdge, limit: GRAPH_PAGE_LIMIT });
    data.nodes.push(...page.nodes);
    data.edges.push(...page.edges);
    if (page.sources) sources = page.sources;
    if (page.saved !== undefined) saved = page.saved;
    if (page.done) break;
    afterNode = page.lastNode;
    afterEdge = page.lastEdge;
  }
  return { data, sources, saved, types: await types };
}

/** The rows of these entities and relations as they are now (one read); those not returned are gone. */
export function loadRows(entityIds: number[], relationIds: number[], sources: boolean): Promise<GraphRows> {
  return call('graph:rows', { entityIds, relationIds, sources });
}
