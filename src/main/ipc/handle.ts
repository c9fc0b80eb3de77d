// The one door into main: check the caller, parse the payload with its schema, run the handler,
// and answer with a result envelope. Nothing a handler throws crosses as an exception.
import { ZodError } from 'zod';
import { CHANNELS, contract, type ChannelName, type Output, type Parsed } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import type { StoreChanged, TableName } from '../../shared/ipc/tables';
import { AppError, storeProblem } from '../services/errors';
import { sentenceOf } from '../services/zodSentence';

export type Caller =
  { kind: 'electron'; frameUrl: string | undefined } | { kind: 'browser'; token: string | undefined };

export type Handler<C extends ChannelName> = (input: Parsed<C>) => Output<C> | Promise<Output<C>>;
/** Every channel must have a handler: the compiler refuses a table with one missing. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** Watches which rows a call writes (the undo journal's capture): stop() gives them per table. */
export type WatchWrites = () => { stop(): Partial<Record<TableName, number[]>> } | undefined;

export interface DispatchOptions {
  verifyCaller: (caller: Caller) => boolean;
  /**
   * Called after a successful call of a channel that declares writes (contract.ts): the tables
   * it declares, and per table the rows it touched where `watch` knows them.
   */
  onWrite?: (change: StoreChanged) => void;
  watch?: WatchWrites;
  log?: (message: string, error: unknown) => void;
}

/** Whether the channel writes to the case (declares tables in the contract). */
export function isWrite(channel: ChannelName): boolean {
  return contract[channel].writes.length > 0;
}

/** The announcement of a write: the declared tables, with the touched rows of those the watch saw. */
export function announcement(
  channel: ChannelName,
  touched: Partial<Record<TableName, number[]>> | undefined,
): StoreChanged {
  const tables = [...contract[channel].writes];
  const change: StoreChanged = { tables, reason: channel };
  if (touched && !tables.includes('*')) {
    const ids: Partial<Record<TableName, number[]>> = {};
    for (const t of tables as TableName[]) if (touched[t]) ids[t] = touched[t];
    change.ids = ids;
  }
  return change;
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
    const watch = isWrite(channel) ? options.watch?.() : undefined;
    try {
      const handler = table[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (isWrite(channel)) options.onWrite?.(announcement(channel, watch?.stop()));
      return { ok: true, value };
    } catch (error) {
      watch?.stop();
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
