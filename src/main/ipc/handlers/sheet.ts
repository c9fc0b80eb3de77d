// Handlers of the sheet feature's channels (see src/shared/ipc/sheet/contract.ts).
import type { SHEET_CHANNELS } from '../../../shared/ipc/sheet/channels';
import { offerCsvExport } from '../../services/sheet/csvExport';
import { cancelImport, checkImport, jobState, receiveChunk, runImport } from '../../services/sheet/csvImport';
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
    'csvImport:upload': (input) => receiveChunk(input),
    'csvImport:info': (request) => checkImport(store(), request),
    // Announced by dispatch as the tables it declares; the import is one bulk insert, so no ids.
    'csvImport:run': (request) => runImport(store(), request),
    'csvImport:state': ({ jobId }) => jobState(jobId),
    'csvImport:cancel': ({ jobId }) => cancelImport(jobId),
  };
}
