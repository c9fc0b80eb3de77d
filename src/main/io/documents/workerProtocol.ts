// What pool.ts and the document worker say to each other.
import type { ParseOutcome } from './types';

/** The worker's workerData: loading worker.ts anywhere else (a shared chunk in another thread) does nothing. */
export const DOCUMENT_WORKER = 'aw-document-worker';

export interface WorkerRequest {
  index: number;
  name: string;
  bytes: Uint8Array;
  encoding?: string;
}

/** A file's outcome, or the worker saying it has loaded and is ready. */
export type WorkerMessage = { index: number; outcome: ParseOutcome } | { ready: true };
