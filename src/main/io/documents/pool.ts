// Parsing documents on worker threads so main keeps answering: a few workers, each parsing one file at a
// time; a worker that crashes, runs out of memory or takes too long is replaced and its file reported.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { quoted, refuse, tooLarge, type ParseOutcome } from './types';
import { DOCUMENT_WORKER, type WorkerMessage, type WorkerRequest } from './workerProtocol';

export interface ParseJob {
  index: number;
  name: string;
  bytes: Uint8Array;
  encoding?: string;
}

export interface ParseResult {
  index: number;
  name: string;
  outcome: ParseOutcome;
}

export interface ParsePoolOptions {
  signal?: AbortSignal;
  /** Called with the number of files done (parsed or refused) after each one. */
  onProgress?: (done: number) => void;
  /** Workers at once; by default one fewer than the cores (at least one, at most four). */
  concurrency?: number;
  /** A file that takes longer is stopped and reported; 60 s by default. */
  timeoutMs?: number;
  /** Each worker's JavaScript heap limit. */
  memoryLimitMb?: number;
}

export const PARSE_TIMEOUT_MS = 60_000;
/** Enough for a 200 MB document's text several times over; a parse past it is stopped, not the app. */
export const WORKER_MEMORY_MB = 3072;

/**
 * Parses each job on a worker thread and yields the outcomes as they finish (in any order). The jobs'
 * bytes are transferred to the workers, so the caller's buffers are detached. Aborting through `signal`
 * terminates the workers at once and the generator throws an AbortError.
 */
export async function* parseInWorker(
  jobs: AsyncIterable<ParseJob> | Iterable<ParseJob>,
  options: ParsePoolOptions = {},
): AsyncGenerator<ParseResult> {
  const { signal } = options;
  throwIfAborted(signal);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, os.availableParallelism() - 1));
  const source = iterate(jobs);
  const workers = new Set<DocumentWorker>();
  const results: ParseResult[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let running = 0;
  let done = 0;
  let closed = false;
  const notify = (): void => {
    wake?.();
    wake = null;
  };

  const lane = async (): Promise<void> => {
    let worker: DocumentWorker | null = null;
    try {
      for (let job = await source.next(); job && !closed && !signal?.aborted; job = await source.next()) {
        let outcome: ParseOutcome | null = tooLarge(job.name, job.bytes.length); // not worth a transfer
        if (!outcome) {
          worker ??= new DocumentWorker(options);
          workers.add(worker);
          outcome = await worker.parse(job);
          if (worker.broken) {
            workers.delete(worker);
            worker = null;
          }
        }
        if (closed || signal?.aborted) return;
        results.push({ index: job.index, name: job.name, outcome });
        options.onProgress?.(++done);
        notify();
      }
    } catch (error) {
      failure ??= error;
    } finally {
      if (worker) {
        workers.delete(worker);
        void worker.terminate();
      }
      running--;
      notify();
    }
  };

  const onAbort = (): void => {
    for (const worker of workers) void worker.terminate();
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let i = 0; i < concurrency; i++) {
      running++;
      void lane();
    }
    for (;;) {
      throwIfAborted(signal);
      const result = results.shift();
      if (result) {
        yield result;
        continue;
      }
      if (failure) throw failure;
      if (running === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closed = true;
    signal?.removeEventListener('abort', onAbort);
    for (const worker of workers) void worker.terminate();
  }
}

/** Cancelling always ends the batch with an AbortError, whatever reason the caller gave. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new DOMException('The documents were not all read: the import was cancelled.', 'AbortError');
}

/** One job at a time from a sync or async iterable, however many lanes ask at once; null at the end. */
function iterate(jobs: AsyncIterable<ParseJob> | Iterable<ParseJob>): { next(): Promise<ParseJob | null> } {
  const iterator =
    Symbol.asyncIterator in jobs
      ? jobs[Symbol.asyncIterator]()
      : (jobs as Iterable<ParseJob>)[Symbol.iterator]();
  let queue: Promise<unknown> = Promise.resolve();
  let ended = false;
  return {
    next() {
      const pulled = queue.then(async () => {
        if (ended) return null;
        const step = await iterator.next();
        if (step.done) ended = true;
        return step.done ? null : step.value;
      });
      queue = pulled.catch(() => undefined);
      return pulled;
    },
  };
}

/** A worker thread that parses one file at a time; `broken` once it crashed or was stopped. */
class DocumentWorker {
  broken = false;
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pending: { index: number; settle: (outcome: ParseOutcome | Error) => void } | null = null;
  private startFailed: ((error: Error) => void) | null = null;

  constructor(private readonly options: ParsePoolOptions) {
    const { url, bootstrap } = workerEntry();
    this.worker = new Worker(bootstrap ?? url, {
      eval: bootstrap !== undefined,
      workerData: DOCUMENT_WORKER,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? WORKER_MEMORY_MB },
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.startFailed = reject;
      this.worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) resolve();
        else if (this.pending?.index === message.index) this.pending.settle(message.outcome);
      });
    });
    this.ready.catch(() => undefined);
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the reader stopped (exit code ${code})`)));
  }

  /** The file's outcome; a crash, a stop or the time limit (counted from the worker being ready) as a refusal. */
  async parse(job: ParseJob): Promise<ParseOutcome> {
    try {
      await this.ready;
    } catch (error) {
      return crashRefusal(job.name, error as Error);
    }
    const timeoutMs = this.options.timeoutMs ?? PARSE_TIMEOUT_MS;
    return new Promise<ParseOutcome>((resolve) => {
      const timer = setTimeout(() => {
        void this.terminate();
        settle(
          refuse(
            'corrupt',
            `${quoted(job.name)} took more than ${seconds(timeoutMs)} to read and was stopped.`,
          ),
        );
      }, timeoutMs);
      const settle = (outcome: ParseOutcome | Error): void => {
        clearTimeout(timer);
        this.pending = null;
        resolve(outcome instanceof Error ? crashRefusal(job.name, outcome) : outcome);
      };
      this.pending = { index: job.index, settle };
      if (this.broken) return settle(new Error('the reader had stopped'));
      const request: WorkerRequest = { index: job.index, name: job.name, bytes: job.bytes };
      if (job.encoding) request.encoding = job.encoding;
      post(this.worker, request);
    });
  }

  terminate(): Promise<number> {
    this.broken = true;
    this.startFailed?.(new Error('the reader was stopped'));
    return this.worker.terminate();
  }

  private fail(error: Error): void {
    this.startFailed?.(error);
    if (this.broken && !this.pending) return;
    this.broken = true;
    void this.worker.terminate();
    this.pending?.settle(error);
  }
}

function crashRefusal(name: string, error: Error): ParseOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return refuse('corrupt', `${quoted(name)} could not be read: reading it took more memory than allowed.`);
  }
  return refuse('corrupt', `${quoted(name)} could not be read: the reader stopped on it (${error.message}).`);
}

function seconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0
    ? `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`
    : `${ms / 1000} s`;
}

/** Hands the bytes over without a copy when they own their whole buffer; copies them otherwise. */
function post(worker: Worker, request: WorkerRequest): void {
  const { bytes } = request;
  const whole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  if (whole) {
    try {
      worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
      return;
    } catch {
      // An untransferable buffer (Node's pooled Buffers): copy below.
    }
  }
  const copy = bytes.slice();
  worker.postMessage({ ...request, bytes: copy }, [copy.buffer]);
}

/**
 * Where the worker's code is. Built: out/main/documentWorker.js, beside the entry files, while this code
 * may sit in out/main/ or in a shared chunk under out/main/chunks/. From source (Vitest, the benchmarks
 * under tsx): worker.ts, started through tsx's API, since on Node 20 tsx registers its hooks on the main
 * thread only and `--import tsx` in a worker's execArgv does not load .ts files.
 */
function workerEntry(): { url: URL; bootstrap?: string } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const worker = new URL('./worker.ts', here).href;
    const tsx = pathToFileURL(tsxEsmApi(here)).href;
    return {
      url: new URL(worker),
      bootstrap: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
    };
  }
  const name = 'documentWorker.js';
  for (const relative of [`./${name}`, `../${name}`]) {
    const url = new URL(relative, here);
    if (fs.existsSync(fileURLToPath(url))) return { url };
  }
  throw new Error(`The document reader (${name}) is missing beside ${fileURLToPath(here)}; rebuild the app.`);
}

/** tsx's ESM API module, as its exports map names it for `import` (a require() would give the CommonJS one). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return fileURLToPath(new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)));
}
