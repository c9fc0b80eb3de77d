// Writes the gold JSON (src/main/services/extraction/gold/<name>.json) from the hand-written marked copies and
// relation lists beside it: `npx tsx scripts/build-extraction-gold.ts`. Refuses anything that does not line up.
import fs from 'node:fs';
import path from 'node:path';
import {
  GOLD_DIR,
  GOLD_SOURCES,
  assembleGold,
  parseMarked,
  readDocument,
  type AuthoredSentence,
  type GoldDocument,
} from '../src/main/services/extraction/gold/gold';

function build(name: string, source: string, file: string): GoldDocument {
  const text = readDocument(file);
  const marked = parseMarked(fs.readFileSync(path.join(GOLD_DIR, `${name}.marked.txt`), 'utf8'));
  if (marked.text !== text) throw new Error(`${name}.marked.txt does not strip to ${file}`);
  const authored = JSON.parse(
    fs.readFileSync(path.join(GOLD_DIR, `${name}.relations.json`), 'utf8'),
  ) as AuthoredSentence[];
  return assembleGold(source, file, text, marked.mentions, authored);
}

for (const { name, source, file } of GOLD_SOURCES) {
  const gold = build(name, source, file);
  fs.writeFileSync(path.join(GOLD_DIR, `${name}.json`), `${JSON.stringify(gold, null, 2)}\n`);
  console.log(`${name}: ${gold.mentions.length} mentions, ${gold.relations.length} relations`);
}
