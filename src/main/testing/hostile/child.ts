// The process the hostile-files harness feeds: loads one parser of the table and reads the files
// it is sent, one at a time, answering how each went. The harness kills it when a file takes too long.
// Messages (process.send): 'loaded' → {file, scratch} → {outcome, ms, detail} → …
import { performance } from 'node:perf_hooks';
import { AppError } from '../../services/errors';
import { HOSTILE_PARSERS } from './parsers';

const parser = HOSTILE_PARSERS.find((p) => p.name === process.argv[2]);
if (!parser) throw new Error(`no parser called ${process.argv[2]}`);

process.on('message', (message: { file: string; scratch: string }) => {
  const start = performance.now();
  parser.parse(message.file, message.scratch).then(
    (detail) => process.send?.({ outcome: 'accepted', ms: performance.now() - start, detail }),
    (error: unknown) =>
      process.send?.(
        error instanceof AppError
          ? { outcome: 'refused', ms: performance.now() - start, detail: error.message }
          : {
              outcome: 'crashed',
              ms: performance.now() - start,
              detail: String((error as Error)?.stack ?? error),
            },
      ),
  );
});

void (parser.prepare?.() ?? Promise.resolve()).then(() => process.send?.('loaded'));
