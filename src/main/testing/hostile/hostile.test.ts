// Hostile files: every parser of the table (parsers.ts) reads mutated copies of real files and
// crafted attacks (huge fields, broken encodings, deep nesting, a 2 GB file) without crashing,
// hanging past 10 s or taking more than 4 × the file's size + 200 MB, and refuses what it cannot
// read with a sentence. The long form is `npm run bench -- reliability`.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tempCase';
import { memoryBoundMb, runHostile, type FileReport } from './harness';
import { twoGigabytes } from './kit';
import { HOSTILE_PARSERS } from './parsers';

const dir = tempDir('aw-hostile-');
/**
 * Memory is held here to twice the bound (a shared machine's other work shows in a process's peak);
 * `npm run bench -- reliability` reports each parser's worst file against the bound itself.
 */
const LOOSE = 2;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hostile files', () => {
  let reports: FileReport[] = [];

  it(
    'are accepted or refused in a sentence, each within 10 s and (loosely) 4 × its size + 200 MB',
    async () => {
      reports = await runHostile({
        parsers: process.env.HOSTILE_ONLY
          ? HOSTILE_PARSERS.filter((p) => p.name.includes(process.env.HOSTILE_ONLY!))
          : HOSTILE_PARSERS,
        mutationsPerSample: 25,
        dir,
        measureMemory: true,
        seed: 17,
      });
      const wrong = reports
        .filter((r) => r.verdict !== 'accepted' && r.verdict !== 'refused')
        .map((r) => `${r.parser}: ${r.file} ${r.verdict} (${r.detail})`);
      expect(wrong).toEqual([]);
      const heavy = reports
        .filter((r) => r.peakMb !== null && r.peakMb > LOOSE * memoryBoundMb(r.bytes))
        .map((r) => `${r.file}: ${Math.round(r.peakMb!)} MB for ${r.bytes} bytes`);
      expect(heavy).toEqual([]);
    },
    10 * 60_000,
  );

  it('reads every parser’s real files, and refuses a 2 GB file before reading it into memory', () => {
    for (const parser of HOSTILE_PARSERS.filter((p) => reports.some((r) => r.parser === p.name))) {
      const mine = reports.filter((r) => r.parser === parser.name);
      expect(
        mine.some((r) => r.kind === 'sample' && r.verdict === 'accepted'),
        parser.name,
      ).toBe(true);
      expect(mine.filter((r) => r.kind === 'mutated').length, parser.name).toBeGreaterThan(0);
      // Readers handed bytes already in memory (the worker pool, readGraph) are sized by their callers.
      if (!parser.attacks.includes(twoGigabytes)) continue;
      const huge = mine.find((r) => r.bytes >= 2 * 1024 ** 3);
      expect(huge?.verdict, parser.name).toBe('refused');
      expect(huge!.peakMb!, parser.name).toBeLessThan(64);
    }
  });
});
