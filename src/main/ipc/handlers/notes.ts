// Handlers of the notes feature's channels (see src/shared/ipc/notes/contract.ts).
import type { NOTES_CHANNELS } from '../../../shared/ipc/notes/channels';
import { exportCase } from '../../services/notes/caseExport';
import {
  cite,
  citeNewEntity,
  deleteCitation,
  listCitations,
  setReliability,
} from '../../services/notes/citations';
import { noteCounts, subjectInfo } from '../../services/notes/subjects';
import { searchCase } from '../../services/search/search';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type NotesHandlers = { [C in (typeof NOTES_CHANNELS)[number]]: Handler<C> };

export function notesHandlers({ session }: HandlerContext): NotesHandlers {
  const store = () => session.store;
  return {
    'search:list': (input) => searchCase(store(), input),
    'citations:list': ({ sourceId }) => listCitations(store(), sourceId),
    'citations:create': (input) => cite(store(), input),
    'citations:createEntity': (input) => citeNewEntity(store(), input),
    'citations:delete': ({ id }) => deleteCitation(store(), id),
    'sources:setReliability': ({ id, reliability }) => setReliability(store(), id, reliability),
    'subjects:get': ({ subject }) => subjectInfo(store(), subject),
    'noteCounts:get': ({ kind, ids }) => noteCounts(store(), kind, ids),
    'case:exportJson': (input) => exportCase(store(), input),
  };
}
