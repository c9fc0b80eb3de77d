// The one client of every graph worker (layouts and centrality, the edge layer, the PNG export's
// edge and encoder threads), over the protocol of model/rpc.ts, and where each worker is started.
import type { ArgOf, ResultOf, Rpc, RpcRequest, RpcResponse, WorkerApi } from '../model/rpc';

/** A call ended because a newer one of the same kind took its place. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

interface Pending {
  resolve: (response: { value: unknown; ms: number }) => void;
  reject: (error: Error) => void;
}

export class WorkerClient<Api extends WorkerApi> implements Rpc<Api> {
  // Started at once, so the worker's code loads while the case data is still arriving.
  private worker: Worker | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly spawn: () => Worker) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = this.spawn();
    worker.onmessage = (event: MessageEvent<RpcResponse>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve({ value: message.value, ms: message.ms });
      else pending.reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.worker = null; // the next call starts a fresh one
      this.rejectAll(new Error(event.message || 'A graph worker stopped.'));
    };
    return worker;
  }

  private post(request: RpcRequest, transfer: Transferable[]): void {
    this.worker ??= this.start();
    this.worker.postMessage(request, transfer);
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  /** Calls `method` and resolves its result and the worker's milliseconds on it. */
  timed<M extends keyof Api & string>(
    method: M,
    arg: ArgOf<Api, M>,
    transfer: Transferable[] = [],
  ): Promise<{ value: ResultOf<Api, M>; ms: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      this.post({ id, method, arg }, transfer);
    });
  }

  async call<M extends keyof Api & string>(
    method: M,
    arg: ArgOf<Api, M>,
    transfer: Transferable[] = [],
  ): Promise<ResultOf<Api, M>> {
    return (await this.timed(method, arg, transfer)).value;
  }

  notify<M extends keyof Api & string>(method: M, arg: ArgOf<Api, M>, transfer: Transferable[] = []): void {
    this.post({ id: 0, method, arg }, transfer);
  }

  /**
   * Like timed(), but a call still running is given up first: its worker is ended and a fresh one
   * started, so a stale 12-second layout never delays the one the analyst just asked for.
   */
  latest<M extends keyof Api & string>(
    method: M,
    arg: ArgOf<Api, M>,
    transfer: Transferable[] = [],
  ): Promise<{ value: ResultOf<Api, M>; ms: number }> {
    if (this.pending.size) {
      this.worker?.terminate();
      this.worker = null;
      this.rejectAll(new Superseded());
    }
    return this.timed(method, arg, transfer);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(new Superseded());
  }
}

// Where each worker's code is; Vite bundles each from its `new URL(…, import.meta.url)`.
export const spawnLayoutWorker = (): Worker =>
  new Worker(new URL('../layout/layout.worker.ts', import.meta.url), { type: 'module' });
export const spawnEdgeLayerWorker = (): Worker =>
  new Worker(new URL('../bigGraph/edgeLayer.worker.ts', import.meta.url), { type: 'module' });
export const spawnEdgeRasterWorker = (): Worker =>
  new Worker(new URL('../export/edges.worker.ts', import.meta.url), { type: 'module' });
export const spawnPngWorker = (): Worker =>
  new Worker(new URL('../export/png.worker.ts', import.meta.url), { type: 'module' });
