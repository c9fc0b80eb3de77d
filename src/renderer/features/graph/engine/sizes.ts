// Node sizes by centrality. A big graph is resized a chunk per idle slot.
import type { Core } from 'cytoscape';
import type { EntityMetrics } from '../../../lib/metrics';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../model/style';

export type SizeBy = 'degree' | 'betweenness' | 'pagerank';

/** A node's size for its share of the largest value. */
export function sizeFor(value: number, max: number): number {
  return MIN_NODE_SIZE + (max > 0 ? Math.sqrt(value / max) : 0) * (MAX_NODE_SIZE - MIN_NODE_SIZE);
}

/** Nodes resized per step when a big graph's sizes change (see applySizes). */
const SIZE_CHUNK = 500;

export interface Resize {
  stop(): void;
  finish(): void;
}
export const NO_RESIZE: Resize = { stop: () => undefined, finish: () => undefined };

/**
 * Sizes the nodes by `sizeBy`. A big graph is resized a chunk per idle slot: restyling all 20,000
 * nodes at once cost one frame of about 1.8 s (cytoscape restyling them and working out their
 * 80,000 edges' ends, the edge layer reading them again) — the window froze just as the graph
 * appeared. Returns how to stop a resize still under way, or to finish it at once (an export must
 * not catch the graph half resized).
 */
export function applySizes(
  cy: Core,
  large: boolean,
  metrics: ReadonlyMap<number, EntityMetrics>,
  sizeBy: SizeBy,
): Resize {
  let max = 0;
  for (const m of metrics.values()) max = Math.max(max, m[sizeBy] ?? 0);
  const nodes = cy.nodes().toArray();
  let next = 0;
  const step = (count: number) =>
    cy.batch(() => {
      for (const end = Math.min(nodes.length, next + count); next < end; next++) {
        const n = nodes[next]!;
        if (n.removed()) continue;
        const value = metrics.get(n.data('entityId') as number)?.[sizeBy] ?? 0;
        n.data('size', sizeFor(value, max));
      }
    });
  if (!large) {
    step(nodes.length);
    return NO_RESIZE;
  }
  let handle = 0;
  const run = () => {
    step(SIZE_CHUNK);
    if (next < nodes.length) handle = requestIdleCallback(run, { timeout: 200 });
  };
  handle = requestIdleCallback(run, { timeout: 200 });
  return {
    stop: () => cancelIdleCallback(handle),
    finish: () => {
      cancelIdleCallback(handle);
      step(nodes.length - next);
    },
  };
}
