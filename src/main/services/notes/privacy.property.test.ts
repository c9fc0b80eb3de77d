// Privacy proven, not sampled: on cases generated at random, private notes carrying unique markers
// sit on random entities, relations, sources and the case itself; every export of the table
// (testing/privacy/exports.ts), made with shareable notes asked for and not, must hold no private
// marker, and shareable markers exactly where they were asked for and the format carries notes.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { RELATION_TYPE_NAMES } from '../../../shared/vocab';
import { EXPORT_FORMATS } from '../../testing/privacy/exports';
import { tempCase } from '../../testing/tempCase';
import { saveNote } from '../notes';

const KINDS = ['case', 'entity', 'relation', 'source'] as const;

/** Text a note's marker is wrapped in: markdown, HTML, CSV and JSON specials, other scripts, line ends. */
const surroundings = fc.oneof(
  fc.string({ maxLength: 30, unit: 'grapheme' }),
  fc.constantFrom(
    '',
    '**',
    '<b>',
    '"',
    '","',
    '\n',
    '\r\n',
    '\\',
    '=',
    '</script>',
    'القاعدة ',
    '\u202e',
    '`',
  ),
);

const caseSpec = fc.record({
  entities: fc.integer({ min: 2, max: 12 }),
  relations: fc.integer({ min: 1, max: 12 }),
  sources: fc.integer({ min: 1, max: 4 }),
  notes: fc.array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      pick: fc.nat(),
      private: fc.boolean(),
      before: surroundings,
      after: surroundings,
    }),
    { minLength: 1, maxLength: 25 },
  ),
});

let run = 0;

describe('private notes, on random cases', () => {
  it('covers every export channel the contract has', () => {
    const covered = new Set(EXPORT_FORMATS.map((f) => f.channel));
    expect(CHANNELS.filter((c) => /export/i.test(c) && !covered.has(c))).toEqual([]);
  });

  it('never appear in any export; shareable ones appear only when asked for and where the format carries notes', async () => {
    await fc.assert(
      fc.asyncProperty(caseSpec, async (spec) => {
        run++;
        const t = tempCase('privacy.awcase');
        try {
          const store = t.store;
          const entities = Array.from({ length: spec.entities }, (_, i) =>
            store.entities.insert({ type: i % 2 ? 'person' : 'organization', name: `Group ${run}-${i}` }),
          );
          const relations = Array.from({ length: spec.relations }, (_, i) =>
            store.relations.insert({
              sourceId: entities[i % entities.length]!,
              targetId: entities[(i * 7 + 1) % entities.length]!,
              type: RELATION_TYPE_NAMES[i % RELATION_TYPE_NAMES.length]!,
            }),
          );
          const sources = Array.from({ length: spec.sources }, (_, i) => {
            // Imported from a file: its original is kept, and Save original… hands it back.
            const text = `Report ${i} on Group ${run}-0.`;
            const sha256 = crypto.createHash('sha256').update(text).digest('hex');
            store.originals.put(sha256, Buffer.from(text));
            return store.sources.insert({
              title: `Report ${i}`,
              reliability: 'B',
              text,
              sha256,
              fileName: `report-${i}.txt`,
              format: 'txt',
            });
          });
          const ids = { case: [null], entity: entities, relation: relations, source: sources };
          const privateMarkers: string[] = [];
          const shareableMarkers: string[] = [];
          const kindOf = new Map<string, string>();
          spec.notes.forEach((note, i) => {
            const pool = ids[note.kind];
            if (pool.length === 0) return;
            const marker = `${note.private ? 'PRIVATE' : 'SHAREABLE'}${run}N${i}Q`;
            (note.private ? privateMarkers : shareableMarkers).push(marker);
            kindOf.set(marker, note.kind);
            saveNote(store, {
              subject: { kind: note.kind, id: pool[note.pick % pool.length]! } as never,
              body: `${note.before}${marker}${note.after}`,
              private: note.private,
            });
          });
          for (const format of EXPORT_FORMATS) {
            for (const includeShareableNotes of [false, true]) {
              const output = await format.make(store, { includeShareableNotes });
              const where = `${format.name}, shareable notes ${includeShareableNotes ? 'asked for' : 'not asked for'}`;
              expect(output, where).toContain(`Group ${run}-0`); // a real export of this case
              expect(
                privateMarkers.filter((m) => output.includes(m)),
                where,
              ).toEqual([]);
              const shared = shareableMarkers.filter((m) => output.includes(m));
              expect(shared, where).toEqual(
                includeShareableNotes && format.carriesNotes
                  ? shareableMarkers.filter(
                      (m) => !format.notesOn || format.notesOn.includes(kindOf.get(m) as never),
                    )
                  : [],
              );
            }
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
