// Handlers of network interchange (see src/shared/ipc/interchange/contract.ts).
import fs from 'node:fs';
import type { INTERCHANGE_CHANNELS } from '../../../shared/ipc/interchange/channels';
import { importCaseFile } from '../../services/interchange/caseImport';
import { exportGraph } from '../../services/interchange/graphExport';
import { importGraph } from '../../services/interchange/graphImport';
import { completeUpload, discardUpload } from '../../services/uploads';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type InterchangeHandlers = { [C in (typeof INTERCHANGE_CHANNELS)[number]]: Handler<C> };

/** A file's bytes as the renderer sent them: inline, or an upload that has fully arrived. */
function bytesOf(input: { bytes: string } | { uploadId: string }): Uint8Array {
  if ('bytes' in input) return Buffer.from(input.bytes, 'base64');
  return fs.readFileSync(completeUpload(input.uploadId).path);
}

export function interchangeHandlers({ session }: HandlerContext): InterchangeHandlers {
  const states = new Map<
    string,
    { status: 'reading' | 'writing' | 'done' | 'failed'; message: string | null }
  >();
  return {
    'interchange:import': (input) => {
      const job = input.jobId;
      if (job) states.set(job, { status: 'reading', message: null });
      try {
        const report = importGraph(session.store, bytesOf(input), input);
        if (job) states.set(job, { status: 'done', message: null });
        if ('uploadId' in input && !input.dryRun) discardUpload(input.uploadId);
        return report;
      } catch (error) {
        if (job) states.set(job, { status: 'failed', message: (error as Error).message });
        throw error;
      }
    },
    'interchange:importState': ({ jobId }) =>
      states.get(jobId) ?? { status: 'failed', message: 'No such import.' },
    'interchange:export': ({ format, notes }) => exportGraph(session.store, format, notes ?? 'none'),
    'case:importFile': (input) => {
      const info = importCaseFile(session, bytesOf(input), input.name);
      if ('uploadId' in input) discardUpload(input.uploadId);
      return info;
    },
  };
}
