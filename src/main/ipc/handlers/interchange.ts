// Handlers of network interchange (see src/shared/ipc/interchange/contract.ts).
import fs from 'node:fs';
import type { INTERCHANGE_CHANNELS } from '../../../shared/ipc/interchange/channels';
import { importCaseFile } from '../../services/interchange/caseImport';
import { exportGraph } from '../../services/interchange/graphExport';
import { importGraph } from '../../services/interchange/graphImport';
import { AppError } from '../../services/errors';
import { completeUpload, discardUpload } from '../../services/uploads';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type InterchangeHandlers = { [C in (typeof INTERCHANGE_CHANNELS)[number]]: Handler<C> };

/**
 * Network files are read whole (XML and JSON parsers hold the graph in memory anyway, about three
 * times the file); above this they are refused before a byte is read.
 */
export const MAX_NETWORK_FILE_BYTES = 1024 * 1024 * 1024;

/** A file's bytes as the renderer sent them: inline, or an upload that has fully arrived. */
function bytesOf(input: { bytes: string } | { uploadId: string }): Uint8Array {
  if ('bytes' in input) return Buffer.from(input.bytes, 'base64');
  const upload = completeUpload(input.uploadId);
  if (upload.bytes > MAX_NETWORK_FILE_BYTES) {
    discardUpload(input.uploadId);
    throw new AppError(
      'invalid_input',
      `“${upload.fileName}” is ${(upload.bytes / 1024 ** 3).toFixed(1)} GB; network and case files of up to 1 GB can be imported. Nothing was imported.`,
    );
  }
  return fs.readFileSync(upload.path);
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
