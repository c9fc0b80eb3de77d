// Handlers of the notes feature's channels (see src/shared/ipc/notes/contract.ts).
import type { HandlerContext } from '../handlers';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function notesHandlers(ctx: HandlerContext) {
  return {} as const;
}
