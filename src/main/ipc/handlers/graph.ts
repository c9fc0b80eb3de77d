// Handlers of the graph feature's channels (see src/shared/ipc/graph/contract.ts).
import type { HandlerContext } from '../handlers';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function graphHandlers(ctx: HandlerContext) {
  return {} as const;
}
