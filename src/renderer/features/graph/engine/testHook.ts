// window.__awGraph: a read-only view of the graph for end-to-end tests and benchmarks (tldraw-style
// typed test hook instead of reading pixels). It changes nothing, so it stays in production.
import type { Core, NodeSingular } from 'cytoscape';
import type { GraphHook, GraphStats } from '../../../../shared/ipc/graph/hook';
import type { EntityMetrics } from '../../../lib/metrics';
import type { GraphData, GraphFilters } from '../model/graphData';
import { LABEL_FONT_SIZE } from '../model/style';

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

/** Elements that are entities (not a heading drawn by a layout). */
const entities = (cy: Core | null) => cy?.nodes('[entityId]').not('.hidden');

export function installTestHook(source: GraphHookSource): () => void {
  const hook: GraphHook = {
    nodes: () =>
      entities(source.cy())?.map((n: NodeSingular) => ({
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
            const { id, source: from, target, type, start, end } = r;
            return {
              id,
              source: from,
              target,
              type,
              start,
              end,
              label: e.data('label') as string,
              dashed: e.hasClass('single'),
            };
          }) ?? []
      );
    },
    layoutName: source.layoutName,
    loopEdges: () => [...source.loopEdges()],
    stats: () => ({ ...source.stats() }),
    filters: () => ({ ...source.filters() }),
    renderer: source.renderer,
    selected: () =>
      source
        .cy()
        ?.nodes(':selected')
        .map((n) => n.data('entityId') as number) ?? [],
    zoom: () => source.cy()?.zoom() ?? 1,
    pan: () => ({ ...(source.cy()?.pan() ?? { x: 0, y: 0 }) }),
    labelBoxes: () =>
      entities(source.cy())
        ?.toArray()
        .flatMap((n) => {
          // The node, and its label where it is drawn (below, above or beside it), as two boxes.
          const id = n.data('entityId') as number;
          const body = n.boundingBox({ includeLabels: false, includeOverlays: false });
          const boxes = [{ id, x1: body.x1, y1: body.y1, x2: body.x2, y2: body.y2 }];
          if (!n.hasClass('quiet')) {
            const l = n.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
            // The label's box outside its node (cytoscape's reaches into the node by its padding).
            const side = ['label-above', 'label-right', 'label-left'].find((c) => n.hasClass(c)) ?? 'below';
            if (l.w > 0)
              boxes.push({
                id,
                x1: side === 'label-right' ? Math.max(l.x1, body.x2) : l.x1,
                x2: side === 'label-left' ? Math.min(l.x2, body.x1) : l.x2,
                y1: side === 'below' ? Math.max(l.y1, body.y2) : l.y1,
                y2: side === 'label-above' ? Math.min(l.y2, body.y1) : l.y2,
              });
          }
          return boxes;
        }) ?? [],
    metrics: (id) => source.metrics().get(id),
    node: (id) => {
      const n = source.cy()?.getElementById(`n${id}`);
      if (!n || n.empty()) return undefined;
      const { x, y } = n.position();
      return {
        id,
        name: n.data('label') as string,
        x,
        y,
        size: n.data('size') as number,
        shown: !n.hasClass('hidden'),
        colour: String(n.style('background-color')),
        shape: String(n.style('shape')),
      };
    },
    labelPx: () => {
      const cy = source.cy();
      const node = entities(cy)?.first();
      return cy && node?.nonempty() ? parseFloat(node.style('font-size')) * cy.zoom() : LABEL_FONT_SIZE;
    },
    labelsShown: () =>
      entities(source.cy())
        ?.filter((n) => !n.hasClass('quiet'))
        .map((n) => n.data('entityId') as number) ?? [],
    edgeLabelsShown: () =>
      source
        .cy()
        ?.edges()
        .filter((e) => !e.hasClass('hidden') && !!e.data('label') && Number(e.style('text-opacity')) > 0)
        .map((e) => e.data('relationId') as number) ?? [],
    headings: () =>
      source
        .cy()
        ?.nodes('.heading')
        .map((n) => n.data('label') as string) ?? [],
  };
  window.__awGraph = hook;
  return () => {
    if (window.__awGraph === hook) delete window.__awGraph;
  };
}
