// window.__awGraph: a read-only view of the graph for end-to-end tests and benchmarks (tldraw-style
// typed test hook instead of reading pixels). It changes nothing, so it stays in production.
import type { Core, NodeSingular } from 'cytoscape';
import type { EntityMetrics } from '../../lib/metrics';
import type { GraphHook, GraphStats } from '../../../shared/ipc/graph/hook';
import type { GraphFilters, GraphData } from './model';

export type { GraphStats };

export interface GraphHookSource {
  cy: () => Core | null;
  data: () => GraphData;
  layoutName: () => string;
  loopEdges: () => number[];
  stats: () => GraphStats;
  filters: () => GraphFilters;
  renderer: () => 'canvas' | 'webgl';
  metrics: () => ReadonlyMap<number, EntityMetrics>;
}

export function installTestHook(source: GraphHookSource): () => void {
  const hook: GraphHook = {
    nodes: () =>
      source
        .cy()
        ?.nodes()
        .not('.hidden')
        .map((n: NodeSingular) => ({
          id: n.data('entityId') as number,
          name: n.data('label') as string,
          type: n.data('type') as string,
          x: n.position().x,
          y: n.position().y,
          size: n.data('size') as number,
        })) ?? [],
    edges: () => {
      const byId = new Map(source.data().edges.map((e) => [e.id, e]));
      return (
        source
          .cy()
          ?.edges()
          .not('.hidden')
          .map((e) => {
            const r = byId.get(e.data('relationId') as number)!;
            return { id: r.id, source: r.source, target: r.target, type: r.type, start: r.start, end: r.end, label: e.data('label') as string, dashed: e.hasClass('single') };
          }) ?? []
      );
    },
    layoutName: source.layoutName,
    loopEdges: () => [...source.loopEdges()],
    stats: () => ({ ...source.stats() }),
    filters: () => ({ ...source.filters() }),
    renderer: source.renderer,
    selected: () => source.cy()?.nodes(':selected').map((n) => n.data('entityId') as number) ?? [],
    zoom: () => source.cy()?.zoom() ?? 1,
    pan: () => ({ ...(source.cy()?.pan() ?? { x: 0, y: 0 }) }),
    labelBoxes: () =>
      source
        .cy()
        ?.nodes()
        .not('.hidden')
        .map((n: NodeSingular) => {
          const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
          return { id: n.data('entityId') as number, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
        }) ?? [],
    metrics: (id) => source.metrics().get(id),
  };
  window.__awGraph = hook;
  return () => {
    if (window.__awGraph === hook) delete window.__awGraph;
  };
}
