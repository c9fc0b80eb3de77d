// Extraction quality against the hand-written gold (gold/README.md): the targets of issue 14 on the two seed
// documents, and the held-out texts written for rules nobody tuned on them. `npm run bench -- sources` prints
// the same figures.
import { describe, expect, it } from 'vitest';
import { precision, recall } from '../score';
import { evaluateHeldOut, evaluateSeeds } from './evaluate';

describe('extraction quality', () => {
  it('meets the targets on the seed documents', () => {
    const seeds = evaluateSeeds();
    expect(recall(seeds.mentions)).toBeGreaterThanOrEqual(0.95);
    expect(precision(seeds.mentions)).toBeGreaterThanOrEqual(0.9);
    expect(recall(seeds.relations)).toBeGreaterThanOrEqual(0.6);
    expect(precision(seeds.relations)).toBeGreaterThanOrEqual(0.8);
    expect(seeds.candidates).toBeLessThanOrEqual(10);
  });

  it('holds on the held-out texts', () => {
    const heldOut = evaluateHeldOut();
    expect(recall(heldOut.mentions)).toBeGreaterThanOrEqual(0.95);
    expect(precision(heldOut.mentions)).toBeGreaterThanOrEqual(0.9);
    expect(recall(heldOut.relations)).toBeGreaterThanOrEqual(0.6);
    expect(precision(heldOut.relations)).toBeGreaterThanOrEqual(0.8);
  });
});
