// The gold annotation lines up with the documents as the sample case stores them: every span's text is what
// the file has there, the marked copies agree with the JSON, and every relation joins two entities of the case
// that are named inside its sentence. The same check is run on broken copies to show it can fail.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTIAL_DATE, RELATION_TYPES } from '../../../../shared/vocab';
import {
  GOLD_DIR,
  GOLD_SOURCES,
  REPO_DIR,
  goldProblems,
  loadGold,
  loadHeldOut,
  parseMarked,
  readDocument,
} from './gold';

const sampleCase = JSON.parse(
  fs.readFileSync(path.join(REPO_DIR, 'resources/sample-case/case.json'), 'utf8'),
) as {
  sources: { id: string; file: string }[];
  entities: { id: string }[];
};
const entityIds = new Set(sampleCase.entities.map((e) => e.id));
const golds = loadGold();

describe('gold annotation of the seed documents', () => {
  it('annotates each seed document as the sample case stores it', () => {
    expect(golds.map((g) => g.source)).toEqual(['wiki-maghreb', 'crs-if10172']);
    for (const gold of golds) {
      const stored = sampleCase.sources.find((s) => s.id === gold.source);
      expect(gold.file).toBe(`resources/sample-case/${stored!.file}`);
      expect(gold.mentions.length).toBeGreaterThan(50);
      expect(gold.relations.length).toBeGreaterThan(20);
    }
  });

  it('has exactly the file’s text at every span, known entities and types, ends named in each sentence', () => {
    for (const gold of golds) {
      expect(goldProblems(gold, readDocument(gold.file), entityIds, RELATION_TYPES)).toEqual([]);
      for (const r of gold.relations) {
        for (const date of [r.startDate, r.endDate]) if (date) expect(date).toMatch(PARTIAL_DATE);
      }
    }
  });

  it('agrees with the hand-marked copies', () => {
    for (const { name, file } of GOLD_SOURCES) {
      const marked = parseMarked(fs.readFileSync(path.join(GOLD_DIR, `${name}.marked.txt`), 'utf8'));
      expect(marked.text).toBe(readDocument(file));
      expect(marked.mentions).toEqual(golds.find((g) => g.file === file)!.mentions);
    }
  });

  it('reports a shifted span, an unknown entity and a relation whose end is not in its sentence', () => {
    const gold = structuredClone(golds[1]!);
    const text = readDocument(gold.file);
    gold.mentions[3] = {
      ...gold.mentions[3]!,
      start: gold.mentions[3]!.start + 1,
      end: gold.mentions[3]!.end + 1,
    };
    gold.mentions[5] = { ...gold.mentions[5]!, entity: 'no-such-group' };
    gold.relations[0] = { ...gold.relations[0]!, target: 'boko-haram' };
    const problems = goldProblems(gold, text, entityIds, RELATION_TYPES);
    // The renamed mention was Al Qaeda in that sentence, so the second relation loses an end too.
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(
      /is not “U\.S\.” in the file.*unknown entity “no-such-group”.*boko-haram is not named/,
    );
  });

  it('holds out three texts of its own, with gold that lines up the same way', () => {
    const heldOut = loadHeldOut();
    const ids = new Set(heldOut.entities.map((e) => e.id));
    expect(heldOut.documents).toHaveLength(3);
    for (const { text, gold } of heldOut.documents) {
      expect(goldProblems(gold, text, ids, RELATION_TYPES)).toEqual([]);
      expect(gold.relations.length).toBeGreaterThanOrEqual(5);
    }
  });
});
