// The document worker's entry: parses the files it is sent, one at a time, off main's event loop.
// Built as its own entry (out/main/documentWorker.js); pool.ts starts it.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from './index';
import { DOCUMENT_WORKER, type WorkerMessage, type WorkerRequest } from './workerProtocol';

const port = parentPort;
if (port && workerData === DOCUMENT_WORKER) {
  port.on('message', (job: WorkerRequest) => {
    void parseDocument(job.name, job.bytes, job.encoding ? { encoding: job.encoding } : {}).then(
      (outcome) => {
        port.postMessage({ index: job.index, outcome } satisfies WorkerMessage);
      },
    );
  });
  // Every format identifies languages: load the models before saying ready, so a file's time limit
  // counts its parse, not the worker's start.
  void import('./language').then(() => port.postMessage({ ready: true } satisfies WorkerMessage));
}
