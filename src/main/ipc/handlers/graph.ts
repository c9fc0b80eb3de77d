// Handlers of the graph feature's channels (see src/shared/ipc/graph/contract.ts).
import { graphPage, graphRows, savePositions } from '../../services/graph/graphData';
import type { HandlerTable } from '../handle';
import type { HandlerContext } from '../handlers';

export function graphHandlers({ session }: HandlerContext) {
  return {
    'graph:get': (input) => graphPage(session.store, input),
    'graph:rows': (input) => graphRows(session.store, input),
    'graph:savePositions': (input) => savePositions(session.store, input),
  } satisfies Partial<HandlerTable>;
}
