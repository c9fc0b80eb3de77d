// Crash safety, shown by killing: each long write of the table (operations.ts) runs in a child
// process on a 50,000-row case and is SIGKILLed at random moments; the case must then open, pass
// PRAGMA integrity_check and hold exactly the state before or after the write. The long form
// (1M rows, more kills) is `npm run bench -- reliability`.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tempCase';
import { runKills } from './harness';
import { CRASH_OPERATIONS } from './operations';

const ROWS = 50_000;
/** 20 kills in all: 4 per operation (one at any moment, three after the write has begun). */
const KILLS = 20;

const dir = tempDir('aw-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a write killed at any moment', () => {
  it(
    'leaves the case openable, sound, and exactly as before or after it, never between',
    async () => {
      const reports = await runKills({
        operations: CRASH_OPERATIONS,
        rows: ROWS,
        killsPerOperation: Math.ceil(KILLS / CRASH_OPERATIONS.length),
        workDir: dir,
      });
      for (const report of reports) {
        expect(
          report.failures,
          `${report.operation} (${report.survived} of ${report.tried} kills survived)`,
        ).toEqual([]);
        expect(report.tried).toBeGreaterThan(0);
      }
      // The kills reached the writes: some cases were found as before, some as after.
      const outcomes = reports.map((r) => r.outcomes);
      expect(outcomes.reduce((n, o) => n + o.before, 0)).toBeGreaterThan(0);
      expect(outcomes.reduce((n, o) => n + o.after, 0)).toBeGreaterThan(0);
    },
    10 * 60_000,
  );
});
