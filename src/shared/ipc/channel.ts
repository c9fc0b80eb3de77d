import type { z } from 'zod';
import type { Written } from './tables';

export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** The tables a call may write (tables.ts); [] for a read. Main announces them after the call. */
  writes: readonly Written[];
  /** Phantom: the type of the value a successful call returns. */
  output?: O;
}

/**
 * Declares a channel: channel<OutputType>()(inputSchema, { writes: ['entity', 'alias'] }), or
 * `{ writes: [] }` for a read. The declaration is required, so a channel that writes cannot be
 * added without saying what it writes (the panes would not hear of it).
 */
export function channel<O>() {
  return <I extends z.ZodType>(input: I, declared: { writes: readonly Written[] }): Channel<I, O> => ({
    input,
    writes: declared.writes,
  });
}

/** The declaration of a channel that writes nothing. */
export const READS = { writes: [] } as const satisfies { writes: readonly Written[] };

/** The declaration of a channel that writes these tables. */
export function writes(...tables: [Written, ...Written[]]): { writes: readonly Written[] } {
  return { writes: tables };
}
