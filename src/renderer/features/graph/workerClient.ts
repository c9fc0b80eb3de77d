// Promise-shaped calls into the graph worker. A new request of the same kind supersedes an
// unfinished one: the busy worker is ended and a fresh one started, so a stale 12-second layout
// never delays the one the analyst just asked for.
import type { MetricsInput, MetricsResult } from './analysis';
import type { LayoutInput, LayoutResult } from './layouts';
import type { WorkerRequest, WorkerResponse, WorkerTask } from './layout.worker';
import type { GraphLayoutName } from '../../../shared/ipc/graph/contract';

export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

class WorkerLane {
  // Started at once, so the worker's code is loaded while the case data is still arriving.
  private worker: Worker | null = this.start();
  private pending: { id: number; resolve: (r: { result: unknown; ms: number }) => void; reject: (e: Error) => void } | null = null;
  private nextId = 1;

  private start(): Worker {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const pending = this.pending;
      if (!pending || pending.id !== message.id) return;
      this.pending = null;
      if (message.ok) pending.resolve({ result: message.result, ms: message.ms });
      else pending.reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.pending = null;
      this.worker = null;
      pending?.reject(new Error(event.message || 'The graph worker stopped.'));
    };
    return worker;
  }

  run<T>(request: WorkerTask, transfer: Transferable[] = []): Promise<{ result: T; ms: number }> {
    if (this.pending) {
      this.pending.reject(new Superseded());
      this.pending = null;
      this.worker?.terminate();
      this.worker = null;
    }
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve: resolve as (r: { result: unknown; ms: number }) => void, reject };
      this.worker!.postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  dispose(): void {
    this.pending?.reject(new Superseded());
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
  }
}

/** Two lanes so a layout and a centrality computation can run side by side (two cores). */
export class GraphWorkers {
  private readonly layoutLane = new WorkerLane();
  private readonly metricsLane = new WorkerLane();

  layout(name: GraphLayoutName, input: LayoutInput) {
    return this.layoutLane.run<LayoutResult>({ kind: 'layout', name, input });
  }

  metrics(input: MetricsInput) {
    return this.metricsLane.run<MetricsResult>({ kind: 'metrics', input });
  }

  dispose(): void {
    this.layoutLane.dispose();
    this.metricsLane.dispose();
  }
}
