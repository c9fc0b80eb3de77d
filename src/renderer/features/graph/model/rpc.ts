// The one protocol every graph worker speaks: the page calls a method of the worker's API by name
// with one argument and gets its result, or its error, back under the call's id; a notice (id 0)
// gets no answer. The worker handles messages one at a time, in the order they came. The page's
// side is engine/workers.ts (WorkerClient); a worker serves its API with serve().

/** A worker's API: method name → (argument) → result. */
export type WorkerApi = { [method: string]: (arg: never) => unknown };

export type ArgOf<Api extends WorkerApi, M extends keyof Api> = Parameters<Api[M]>[0];
export type ResultOf<Api extends WorkerApi, M extends keyof Api> = Awaited<ReturnType<Api[M]>>;

export interface RpcRequest {
  /** 0 for a notice, which gets no answer. */
  id: number;
  method: string;
  arg: unknown;
}

export type RpcResponse =
  { id: number; ok: true; value: unknown; ms: number } | { id: number; ok: false; message: string };

/** The page's handle on a worker, as the rooms below the engine use it. */
export interface Rpc<Api extends WorkerApi> {
  call<M extends keyof Api & string>(
    method: M,
    arg: ArgOf<Api, M>,
    transfer?: Transferable[],
  ): Promise<ResultOf<Api, M>>;
  notify<M extends keyof Api & string>(method: M, arg: ArgOf<Api, M>, transfer?: Transferable[]): void;
  dispose(): void;
}

/** A result handed back with buffers moved rather than copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: Transferable[],
  ) {}
}

/** What a worker serves for `Api`: each method may move its result's buffers (Transfer) or be async. */
export type Served<Api extends WorkerApi> = {
  [M in keyof Api]: (
    arg: ArgOf<Api, M>,
  ) => ResultOf<Api, M> | Transfer<ResultOf<Api, M>> | Promise<ResultOf<Api, M> | Transfer<ResultOf<Api, M>>>;
};

interface WorkerScope {
  onmessage: ((event: MessageEvent<RpcRequest>) => void) | null;
  postMessage(message: RpcResponse, transfer?: Transferable[]): void;
}

/** In a worker: answers the page's calls with `api`, one message at a time. */
export function serve<Api extends WorkerApi>(api: Served<Api>): void {
  const scope = self as unknown as WorkerScope;
  const methods = api as unknown as Record<string, (arg: unknown) => unknown>;
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (event) => {
    const { id, method, arg } = event.data;
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        const result = await methods[method]!(arg);
        if (!id) return;
        const [value, list] = result instanceof Transfer ? [result.value, result.list] : [result, []];
        scope.postMessage({ id, ok: true, value, ms: performance.now() - started }, list);
      } catch (error) {
        const message = (error as Error)?.message ?? String(error);
        if (id) scope.postMessage({ id, ok: false, message });
        else console.error(`A graph worker could not ${method}: ${message}`);
      }
    });
  };
}
