// Handlers of the sheet feature's channels (see src/shared/ipc/sheet/contract.ts).
import type { HandlerContext } from '../handlers';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function sheetHandlers(ctx: HandlerContext) {
  return {} as const;
}
