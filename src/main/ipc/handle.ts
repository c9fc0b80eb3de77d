// The one door into main: check the caller, parse the payload with its schema, run the handler,
// and answer with a result envelope. Nothing a handler throws crosses as an exception.
import { ZodError, type core } from 'zod';
import { CHANNELS, contract, type ChannelName, type Output, type Parsed } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { AppError, storeProblem } from '../services/errors';

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

const READ_VERBS = new Set(['info', 'list', 'get', 'state', 'recent']);

export function isWrite(channel: ChannelName): boolean {
  return !READ_VERBS.has(channel.split(':')[1]!);
}

export function isChannel(name: string): name is ChannelName {
  return (CHANNELS as string[]).includes(name);
}

/** Zod's own wording (as opposed to a schema's custom message, which is already a sentence for the analyst). */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized key|Expected|Required)\b/;

/** A key as the analyst may read it: "keepId" → "keep id"; control characters and length trimmed. */
function fieldLabel(key: PropertyKey): string {
  const text = String(key)
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text || '(unnamed)';
}

/** 100000 → "100,000" (Intl is slow, and this runs for every refused payload). */
const figure = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const count = (n: number, one: string): string => `${figure(n)} ${one}${n === 1 ? '' : 's'}`;

const CONTROL_NAMES: Record<string, string> = { '\t': 'Tab', '\n': 'new line', '\r': 'carriage return' };

/** An allowed value or a stranger's key as it is, with invisible characters named or dropped. */
function shown(value: unknown): string {
  const text = String(value);
  if (CONTROL_NAMES[text]) return CONTROL_NAMES[text];
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** What is wrong with the value, as the end of "… “name” is missing". */
function problemOf(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return 'is missing';
      return `should be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected === 'int' ? 'whole number' : issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'is empty' : `is shorter than ${count(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${count(min, 'item')}`;
      return `is below ${figure(min)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `is longer than ${count(max, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has more than ${count(max, 'item')}`;
      return `is above ${figure(max)}`;
    }
    case 'invalid_value': {
      const options = issue.values.slice(0, 6).map((v) => `“${shown(v)}”`);
      return `should be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}${issue.values.length > 6 ? ', …' : ''}`;
    }
    case 'invalid_format':
      return 'is not in the expected form';
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    case 'not_multiple_of':
      return `is not a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not valid';
  }
}

/** A refused payload in one sentence for the analyst, without the schema's paths or codes. */
export function describeZod(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not understood, so nothing was changed.';
  const own = issue.message.trim();
  if (own && !ZOD_WORDING.test(own)) return /[.!?]$/.test(own) ? own : `${own}.`;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return `The request was refused: it has a field the workbench does not know (“${shown(key)}”).`;
  }
  const key = [...issue.path].reverse().find((p) => typeof p === 'string');
  const problem = problemOf(issue);
  if (key === undefined)
    return `The request was refused: ${problem === 'is missing' ? 'it is empty' : `it ${problem}`}.`;
  // A number after the field's name: one of its items is at fault.
  const item = typeof issue.path[issue.path.length - 1] === 'number';
  return `The request was refused: ${item ? 'an item of ' : ''}“${fieldLabel(key)}” ${problem}.`;
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
