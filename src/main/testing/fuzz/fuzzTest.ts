// The fuzz test's body, shared by its shards (fuzz.*.test.ts run in parallel, one channel in two each).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { createFuzzEnvironment, fuzzChannel, type FuzzEnvironment } from './fuzzChannels';
import { jsonSchemaOf } from './payloads';

/** At least this many payloads per channel (FUZZ_PAYLOADS to change it). */
export const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 10_000);

export function fuzzShard(shard: number, of: number): void {
  const channels = CHANNELS.filter((_, i) => i % of === shard);
  let env: FuzzEnvironment;
  beforeAll(async () => {
    env = await createFuzzEnvironment();
  });
  afterAll(async () => {
    await env?.close();
  });

  describe(`IPC channels under ${PAYLOADS.toLocaleString('en-US')} generated payloads each (part ${shard + 1} of ${of})`, () => {
    it('generates payloads for every channel of the contract, from an example or its schema', () => {
      expect(channels.filter((c) => !env.examples[c] && !jsonSchemaOf(c))).toEqual([]);
    });

    it.each(channels)(
      '%s answers with a value or a sentence, and no refused payload changes the case',
      async (channel) => {
        const stats = await fuzzChannel(env, channel, PAYLOADS);
        expect(stats.payloads).toBeGreaterThanOrEqual(PAYLOADS);
        expect(stats.refused).toBeGreaterThan(0);
      },
      5 * 60_000,
    );
  });
}
