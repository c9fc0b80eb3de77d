// Writes the gold JSON (src/main/services/extraction/gold/<name>.json) from the hand-written marked copies and
// relation lists beside it: `npx tsx scripts/build-extraction-gold.ts`. Refuses anything that does not line up.
import fs from 'node:fs';
import path from 'node:path';
import {
  GOLD_DIR,
  GOLD_SOURCES,
  parseMarked,
  readDocument,
  type GoldDocument,
  type GoldRelation,
  type GoldUnscored,
} from '../src/main/services/extraction/gold/gold';

interface AuthoredSentence {
  sentence: string;
  relations: Omit<GoldRelation, 'start' | 'end' | 'text'>[];
  unscored?: Omit<GoldUnscored, 'start' | 'end'>[];
}

function build(name: string, source: string, file: string): GoldDocument {
  const text = readDocument(file);
  const marked = parseMarked(fs.readFileSync(path.join(GOLD_DIR, `${name}.marked.txt`), 'utf8'));
  if (marked.text !== text) throw new Error(`${name}.marked.txt does not strip to ${file}`);
  const authored = JSON.parse(
    fs.readFileSync(path.join(GOLD_DIR, `${name}.relations.json`), 'utf8'),
  ) as AuthoredSentence[];
  const relations: GoldRelation[] = [];
  const unscored: GoldUnscored[] = [];
  for (const { sentence, relations: rels, unscored: notScored = [] } of authored) {
    const start = text.indexOf(sentence);
    if (start < 0 || text.indexOf(sentence, start + 1) >= 0) throw new Error(`not found once: ${sentence}`);
    const end = start + sentence.length;
    for (const r of rels) relations.push({ ...r, start, end, text: sentence });
    for (const u of notScored) unscored.push({ ...u, start, end });
  }
  return { source, file, mentions: marked.mentions, relations, unscored };
}

for (const { name, source, file } of GOLD_SOURCES) {
  const gold = build(name, source, file);
  fs.writeFileSync(path.join(GOLD_DIR, `${name}.json`), `${JSON.stringify(gold, null, 2)}\n`);
  console.log(`${name}: ${gold.mentions.length} mentions, ${gold.relations.length} relations`);
}
