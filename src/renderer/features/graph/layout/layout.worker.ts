// The layout worker: layouts and centrality run here so the window never freezes.
import type { GraphLayoutName } from '../../../../shared/ipc/graph/contract';
import { Transfer, serve } from '../model/rpc';
import { setGraphTypes } from '../model/types';
import { forceLayout } from './force';
import { lineageLayout } from './lineage';
import { computeMetrics, type MetricsInput, type MetricsResult } from './metrics';
import { circleLayout, concentricLayout, gridLayout } from './shapes';
import type { LayoutInput, LayoutResult } from './types';

const LAYOUTS: Record<GraphLayoutName, (input: LayoutInput) => LayoutResult> = {
  force: (input) => forceLayout(input),
  lineage: (input) => lineageLayout(input),
  concentric: concentricLayout,
  circle: circleLayout,
  grid: gridLayout,
};

export type LayoutWorkerApi = {
  layout(arg: { name: GraphLayoutName; input: LayoutInput }): LayoutResult;
  metrics(arg: MetricsInput): MetricsResult;
};

serve<LayoutWorkerApi>({
  layout: ({ name, input }) => {
    if (input.types) setGraphTypes(input.types);
    const result = LAYOUTS[name](input);
    return new Transfer(result, [result.positions.buffer]);
  },
  metrics: (input) => {
    if (input.types) setGraphTypes(input.types);
    return computeMetrics(input);
  },
});
