// STUB until the docs-io branch lands (same API): parses in this thread.
import { parseDocument } from './index';
import type { ParseOutcome } from './types';
export interface ParseJob {
  index: number;
  name: string;
  bytes: Uint8Array;
  encoding?: string;
}
export async function* parseInWorker(
  jobs: AsyncIterable<ParseJob> | Iterable<ParseJob>,
  options: { signal?: AbortSignal; onProgress?: (done: number) => void; concurrency?: number },
): AsyncGenerator<{ index: number; name: string; outcome: ParseOutcome }> {
  let done = 0;
  for await (const job of jobs) {
    if (options.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const outcome = await parseDocument(job.name, job.bytes, { encoding: job.encoding });
    options.onProgress?.(++done);
    yield { index: job.index, name: job.name, outcome };
  }
}
