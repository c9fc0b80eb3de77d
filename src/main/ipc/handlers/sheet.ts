// Handlers of the sheet feature's channels (see src/shared/ipc/sheet/contract.ts).
import { contract } from '../../../shared/ipc/contract';
import type { SHEET_CHANNELS } from '../../../shared/ipc/sheet/channels';
import { offerCsvExport } from '../../services/sheet/csvExport';
import {
  cancelImport,
  checkImport,
  jobState,
  receiveCsvChunk,
  runImport,
} from '../../services/sheet/csvImport';
import { getLayout, mergeEntities, saveLayout, tagEntities } from '../../services/sheet/sheetActions';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type SheetHandlers = { [C in (typeof SHEET_CHANNELS)[number]]: Handler<C> };

export function sheetHandlers({ session }: HandlerContext): SheetHandlers {
  const store = () => session.store;
  return {
    'sheet:get': ({ tab }) => getLayout(store(), tab),
    'sheet:saveLayout': ({ tab, columns }) => saveLayout(store(), tab, columns),
    'entities:tag': ({ ids, tag }) => tagEntities(store(), ids, tag),
    'entities:merge': ({ keepId, mergeIds }) => mergeEntities(store(), keepId, mergeIds),
    'csvExport:get': (request) => offerCsvExport(store(), request),
    'csvImport:upload': (input) => receiveCsvChunk(input),
    'csvImport:info': (request) => checkImport(store(), request),
    // The import holds the case's one transaction across its reads: other writes wait for it.
    // Dispatch announces the tables csvImport:run declares (no row ids: a bulk insert).
    'csvImport:run': (request) =>
      session.exclusive(
        'importing a CSV file',
        () => runImport(store(), request),
        contract['csvImport:run'].writes,
      ),
    'csvImport:state': ({ jobId }) => jobState(jobId),
    'csvImport:cancel': ({ jobId }) => cancelImport(jobId),
    'caseTypes:list': () => store().vocabulary.list(),
    'attributes:list': () => ({
      entity: store().attributes.list('entity'),
      relation: store().attributes.list('relation'),
    }),
  };
}
