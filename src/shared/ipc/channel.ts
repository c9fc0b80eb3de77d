import type { z } from 'zod';

export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Phantom: the type of the value a successful call returns. */
  output?: O;
}

/** Declares a channel: channel<OutputType>()(inputSchema). */
export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}
