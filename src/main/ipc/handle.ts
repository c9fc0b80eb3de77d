// The one door into main: check the caller, parse the payload with its schema, run the handler,
// and answer with a result envelope. Nothing a handler throws crosses as an exception.
import { ZodError } from 'zod';
import { CHANNELS, contract, type ChannelName, type Output, type Parsed } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { AppError, storeProblem } from '../services/errors';
import { sentenceOf } from '../services/zodSentence';

export type Caller =
  { kind: 'electron'; frameUrl: string | undefined } | { kind: 'browser'; token: string | undefined };

export type Handler<C extends ChannelName> = (input: Parsed<C>) => Output<C> | Promise<Output<C>>;
/** Every channel must have a handler: the compiler refuses a table with one missing. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };

export interface DispatchOptions {
  verifyCaller: (caller: Caller) => boolean;
  /** Called after a successful write, with the channel that wrote. */
  onWrite?: (channel: ChannelName) => void;
  log?: (message: string, error: unknown) => void;
}

const READ_VERBS = new Set(['info', 'list', 'get', 'state', 'recent', 'importState', 'original', 'suggestions', 'put']);

export function isWrite(channel: ChannelName): boolean {
  return !READ_VERBS.has(channel.split(':')[1]!);
}

export function isChannel(name: string): name is ChannelName {
  return (CHANNELS as string[]).includes(name);
}

/** A refused payload in one sentence for the analyst, without the schema's paths or codes. */
export function describeZod(error: ZodError): string {
  return sentenceOf(error, 'The request was refused');
}

export type Dispatch = (channel: string, payload: unknown, caller: Caller) => Promise<IpcResult<unknown>>;

export function createDispatch(table: HandlerTable, options: DispatchOptions): Dispatch {
  return async (channel, payload, caller) => {
    if (!options.verifyCaller(caller)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'This request did not come from the workbench window.' },
      };
    }
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `There is no channel called “${String(channel).slice(0, 80)}”.`,
        },
      };
    }
    const parsed = contract[channel].input.safeParse(payload);
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_input', message: describeZod(parsed.error) } };
    try {
      const handler = table[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (isWrite(channel)) options.onWrite?.(channel);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError)
        return { ok: false, error: { code: error.code, message: error.message } };
      if (error instanceof ZodError)
        return { ok: false, error: { code: 'invalid_input', message: describeZod(error) } };
      const problem = storeProblem(error);
      if (problem) return { ok: false, error: { code: problem.code, message: problem.message } };
      options.log?.(`IPC ${channel} failed`, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Something went wrong (${(error as Error).message}). Nothing was changed.`,
        },
      };
    }
  };
}
