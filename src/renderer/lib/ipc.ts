// call(channel, input): the renderer's one way to reach main, in either shell.
import type { ChannelName, Input, Output } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { bridge } from './platform';

export class IpcCallError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly channel: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

type ErrorListener = (error: IpcCallError) => void;
const errorListeners = new Set<ErrorListener>();

/** The error surface listens here; every failed call is reported unless the caller handles it. */
export function onIpcError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

export function reportError(error: unknown, channel = 'app'): void {
  const wrapped =
    error instanceof IpcCallError
      ? error
      : new IpcCallError('internal', (error as Error)?.message ?? String(error), channel);
  for (const listener of errorListeners) listener(wrapped);
}

/** Calls a channel; throws IpcCallError with the analyst-facing message on failure. */
export async function call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result: IpcResult<unknown>;
  try {
    result = (await bridge().invoke(channel, input)) as IpcResult<unknown>;
  } catch (error) {
    throw new IpcCallError(
      'internal',
      `The workbench did not answer (${(error as Error).message}).`,
      channel,
    );
  }
  if (!result.ok) throw new IpcCallError(result.error.code, result.error.message, channel);
  return result.value as Output<C>;
}

/** Like call(), but reports a failure on the error surface and resolves to undefined. */
export async function attempt<C extends ChannelName>(
  channel: C,
  input: Input<C>,
): Promise<Output<C> | undefined> {
  try {
    return await call(channel, input);
  } catch (error) {
    reportError(error, channel);
    return undefined;
  }
}
