// A channel must say what it writes: the contract does not compile otherwise (typecheck runs this file).
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { READS, channel, writes } from './channel';
import { contract } from './contract';
import { EVERY_TABLE, TABLES } from './tables';

describe('channel declarations', () => {
  it('refuses, at compile time, a channel that does not declare the tables it writes', () => {
    // @ts-expect-error: the writes declaration is required (reads declare READS)
    expect(() => channel<number>()(z.object({}).strict())).toThrow();
    expect(channel<number>()(z.object({}).strict(), READS).writes).toEqual([]);
    // @ts-expect-error: a channel's domain is not a table name
    expect(writes('entities').writes).toEqual(['entities']);
  });

  it('names only tables of the shared vocabulary in the contract, and each of them somewhere', () => {
    const tables = new Set(Object.values(contract).flatMap((c) => c.writes));
    expect([...tables].sort()).toEqual([EVERY_TABLE, ...TABLES].sort());
  });
});
