// A channel must say what it writes: the contract does not compile otherwise (typecheck runs this file).
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { READS, channel, writes } from './channel';
import { PLATFORM_CHANNELS } from './channels';
import { contract } from './contract';
import { platformContract } from './platform/contract';
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

describe('the shell-only channels', () => {
  it('are declared with their schemas, and refuse a malformed payload', () => {
    expect(Object.keys(platformContract).sort()).toEqual([...PLATFORM_CHANNELS].sort());
    const save = platformContract['platform:saveFile'].input;
    expect(
      save.safeParse({ name: 'graph.png', data: new Uint8Array([1]), extensions: ['png'] }).success,
    ).toBe(true);
    expect(save.safeParse({ name: 'graph.png', data: 'not bytes', extensions: ['png'] }).success).toBe(false);
    expect(platformContract['platform:download'].input.safeParse({ downloadId: '../../etc' }).success).toBe(
      false,
    );
  });
});
