// Handlers of the sources feature's channels (see src/shared/ipc/sources/contract.ts).
import type { SOURCES_CHANNELS } from '../../../shared/ipc/sources/channels';
import { cancelDocumentImport, importDocuments, importState } from '../../services/sources/documentImport';
import { deleteSource, originalOf, updateSource } from '../../services/sources/sources';
import { extractorFor, listSuggestions, reviewSuggestions } from '../../services/sources/suggestions';
import { receiveChunk } from '../../services/uploads';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type SourcesHandlers = { [C in (typeof SOURCES_CHANNELS)[number]]: Handler<C> };

export function sourcesHandlers({ session }: HandlerContext): SourcesHandlers {
  const store = () => session.store;
  return {
    'uploads:put': ({ uploadId, name, chunk, totalBytes }) =>
      receiveChunk({ uploadId, fileName: name, chunk, totalBytes }),
    'sources:import': (input) => importDocuments(session, input, extractorFor),
    'sources:importState': ({ jobId }) => importState(jobId),
    'sources:importCancel': ({ jobId }) => cancelDocumentImport(jobId),
    'sources:update': ({ id, patch }) => updateSource(store(), id, patch),
    'sources:delete': ({ id }) => deleteSource(store(), id),
    'sources:original': ({ id }) => originalOf(store(), id),
    // Recomputing stores the suggestions: not while a long write holds the case, nor in a read-only one.
    'extraction:suggestions': ({ sourceId }) =>
      listSuggestions(store(), sourceId, session.busy === null && store().readOnly === null),
    'extraction:review': ({ sourceId, decisions }) => reviewSuggestions(store(), sourceId, decisions),
  };
}
