// Centrality of the visible graph, computed on the layout worker once no layout is running (two
// cores: a layout finishes first), the latest request winning.
import type { EntityMetrics } from '../../../lib/metrics';
import type { LayoutWorkerApi } from '../layout/layout.worker';
import type { GraphFilters } from '../model/graphData';
import { graphTypes } from '../model/types';
import { Superseded, WorkerClient, spawnLayoutWorker } from './workers';

export interface MetricsDone {
  byId: Map<number, EntityMetrics>;
  /** What the numbers are over, in words ("visible graph, 2007–2017, 24 entities"). */
  scope: string;
  ms: number;
}

export class MetricsRun {
  private readonly lane = new WorkerClient<LayoutWorkerApi>(spawnLayoutWorker);
  private timer: ReturnType<typeof setTimeout> | undefined;

  dispose(): void {
    clearTimeout(this.timer);
    this.lane.dispose();
  }

  schedule(
    nodes: number[],
    edges: { source: number; target: number; type: string }[],
    filters: GraphFilters,
    busy: () => boolean,
    done: (result: MetricsDone) => void,
    failed: (message: string) => void,
  ): void {
    clearTimeout(this.timer);
    const start = (): void => {
      if (busy()) return void (this.timer = setTimeout(start, 150));
      this.lane
        .latest('metrics', { nodes, edges, types: graphTypes() })
        .then(({ value: result, ms }) => {
          const byId = new Map<number, EntityMetrics>();
          nodes.forEach((id, i) =>
            byId.set(id, {
              degree: result.degree[i]!,
              betweenness: result.betweenness ? result.betweenness[i]! : null,
              pagerank: result.pagerank[i]!,
            }),
          );
          const window =
            filters.from !== null || filters.to !== null
              ? `${filters.from ?? '…'}–${filters.to ?? '…'}`
              : 'all years';
          done({ byId, ms, scope: `visible graph, ${window}, ${nodes.length.toLocaleString()} entities` });
        })
        .catch((error: Error) => {
          if (!(error instanceof Superseded)) failed(`Centrality could not be computed (${error.message}).`);
        });
    };
    this.timer = setTimeout(start, 120);
  }
}
