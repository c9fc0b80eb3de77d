// Handlers of the vocabulary editor's channels (see src/shared/ipc/vocabulary/contract.ts).
import type { VOCABULARY_CHANNELS } from '../../../shared/ipc/vocabulary/channels';
import { deleteType, listVocabulary, mergeTypes, saveType } from '../../services/vocabulary';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type VocabularyHandlers = { [C in (typeof VOCABULARY_CHANNELS)[number]]: Handler<C> };

export function vocabularyHandlers({ session }: HandlerContext): VocabularyHandlers {
  const store = () => session.store;
  return {
    'vocabulary:list': () => listVocabulary(store()),
    'vocabulary:save': (input) => saveType(store(), input),
    'vocabulary:merge': (input) => mergeTypes(store(), input),
    'vocabulary:delete': (input) => deleteType(store(), input),
  };
}
