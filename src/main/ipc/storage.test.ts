// When the disk says no: a case file that cannot be written (EACCES, EROFS) opens read-only, says
// why, and refuses every write channel with one sentence; a disk that fills during a write is
// reported in one sentence and the case stays exactly as it was. Tests run as root, where chmod
// does not bite, so the errors are forced: an injected open error, and PRAGMA max_page_count.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type ChannelName } from '../../shared/ipc/contract';
import { uploadFromFile } from '../services/uploads';
import { digestOf } from '../testing/caseDigest';
import { createFuzzEnvironment, type FuzzEnvironment } from '../testing/fuzz/fuzzChannels';
import { fromJsonSchema, jsonSchemaOf } from '../testing/fuzz/payloads';
import { isWrite } from './handle';
import { ALLOWED_READ_ONLY } from './handlers';

const CALLER = { kind: 'browser', token: 'fuzz' } as const;
let env: FuzzEnvironment | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** A payload the channel's schema accepts: its example, or one drawn from its schema. */
function validPayload(e: FuzzEnvironment, channel: ChannelName): unknown {
  const schema = contract[channel].input;
  const example = e.examples[channel]?.find((p) => schema.safeParse(p).success);
  if (example !== undefined) return example;
  const json = jsonSchemaOf(channel);
  const drawn = json
    ? fc.sample(fromJsonSchema(json), 2000).find((p) => schema.safeParse(p).success)
    : undefined;
  if (drawn === undefined) throw new Error(`no valid payload could be made for ${channel}`);
  return drawn;
}

const cannotWrite = (code: string) => (file: string) => {
  if (path.basename(file) === 'seed.awcase')
    throw Object.assign(new Error(`${code}: not writable`), { code });
};

describe('a case file that cannot be written', () => {
  it.each([
    ['EROFS', 'it is on a read-only disk'],
    ['EACCES', 'you do not have permission to change it'],
  ])('(%s) opens read-only, says why, and refuses every write channel in one sentence', async (code, why) => {
    env = await createFuzzEnvironment({ checkWritable: cannotWrite(code) });
    const e = env;
    expect(e.session.info()).toMatchObject({
      open: true,
      readOnly: `“seed.awcase” cannot be written (${why}), so it is open read-only: you can read, search and export it, but not change it. To work on it, copy it to a folder you can write to and open the copy.`,
    });
    expect(fs.existsSync(`${e.seed}.lock`)).toBe(false);
    const before = digestOf(e.session.store.db);
    const writes = CHANNELS.filter((c) => isWrite(c) && !ALLOWED_READ_ONLY.has(c));
    expect(writes.length).toBeGreaterThan(10);
    for (const channel of writes) {
      const result = await e.dispatch(channel, validPayload(e, channel), CALLER);
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'read_only', message: '“seed” is open read-only, so this change was not made.' },
      });
    }
    expect(digestOf(e.session.store.db)).toBe(before);
    // Reading, searching and exporting still work.
    for (const channel of ['entities:list', 'search:list', 'case:exportJson', 'csvExport:get'] as const) {
      expect((await e.dispatch(channel, validPayload(e, channel), CALLER)).ok, channel).toBe(true);
    }
  });
});

describe('a disk that fills up during a write', () => {
  it('is reported in one sentence, and the case stays exactly as it was', async () => {
    env = await createFuzzEnvironment();
    const e = env;
    const { store } = e.session;
    // A case with a 5,000-entity import to undo, merge and add to.
    const groups = path.join(e.root, 'groups.csv');
    const big = path.join(e.root, 'more.csv');
    const rows = (from: number, n: number): string =>
      Array.from(
        { length: n },
        (_, i) => `organization,Katiba ${from + i},alias ${from + i},summary ${from + i}`,
      ).join('\n');
    fs.writeFileSync(groups, `type,name,aliases,summary\n${rows(0, 5000)}\n`);
    fs.writeFileSync(big, `type,name,aliases,summary\n${rows(10_000, 20_000)}\n`);
    const imported = await e.dispatch(
      'csvImport:run',
      { uploadId: uploadFromFile(groups), kind: 'entities', delimiter: ',', jobId: 'a'.repeat(32) },
      CALLER,
    );
    expect(imported.ok).toBe(true);

    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    const before = digestOf(store.db);
    const FULL = {
      ok: false,
      error: {
        code: 'disk_full',
        message:
          'The disk is full, so this change was not saved and the case is as it was: free some space and try again.',
      },
    };
    const long = 'A long judgement. '.repeat(3000);
    const attempts: [ChannelName, unknown][] = [
      [
        'csvImport:run',
        { uploadId: uploadFromFile(big), kind: 'entities', delimiter: ',', jobId: 'b'.repeat(32) },
      ],
      ['entities:create', { type: 'organization', name: 'Ansar Dine', summary: long }],
      ['notes:save', { subject: { kind: 'entity', id: 1 }, body: long }],
      ['entities:merge', { keepId: 1, mergeIds: Array.from({ length: 500 }, (_, i) => 2000 + i) }],
      ['history:undo', {}],
    ];
    for (const [channel, payload] of attempts) {
      expect(await e.dispatch(channel, payload, CALLER), channel).toEqual(FULL);
      expect(digestOf(store.db), channel).toBe(before);
    }
    // With room again, the same case takes the same writes.
    store.db.pragma('max_page_count = 1073741823');
    expect(
      (
        await e.dispatch(
          'entities:create',
          { type: 'organization', name: 'Ansar Dine', summary: long },
          CALLER,
        )
      ).ok,
    ).toBe(true);
    expect((await e.dispatch('history:undo', {}, CALLER)).ok).toBe(true);
  });
});
