// The graph's worker: layouts and centrality run here so the window never freezes.
import { computeMetrics, type MetricsInput } from './analysis';
import { circleLayout, concentricLayout, forceLayout, gridLayout, lineageLayout, type LayoutInput, type LayoutResult } from './layouts';
import type { GraphLayoutName } from '../../../shared/ipc/graph/contract';

export type WorkerTask = { kind: 'layout'; name: GraphLayoutName; input: LayoutInput } | { kind: 'metrics'; input: MetricsInput };
export type WorkerRequest = WorkerTask & { id: number };

export type WorkerResponse =
  | { id: number; ok: true; result: unknown; ms: number }
  | { id: number; ok: false; message: string };

const LAYOUTS: Record<GraphLayoutName, (input: LayoutInput) => LayoutResult> = {
  force: forceLayout,
  lineage: lineageLayout,
  concentric: concentricLayout,
  circle: circleLayout,
  grid: gridLayout,
};

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.kind === 'layout') {
      const result = LAYOUTS[request.name](request.input);
      scope.postMessage({ id: request.id, ok: true, result, ms: performance.now() - started }, [result.positions.buffer]);
    } else {
      const result = computeMetrics(request.input);
      scope.postMessage({ id: request.id, ok: true, result, ms: performance.now() - started });
    }
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, message: (error as Error).message });
  }
};
