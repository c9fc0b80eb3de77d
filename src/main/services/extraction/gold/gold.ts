// The gold annotation of the two seed documents (README.md here): its types, the reader of the hand-marked
// copies (⟦surface|entity-id⟧) and the loader of the JSON that `scripts/build-extraction-gold.ts` writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  /** The sample case's string id (case.json), e.g. `aqim`. */
  entity: string;
}

export interface GoldRelation {
  type: string;
  source: string;
  target: string;
  /** The sentence that states it. */
  start: number;
  end: number;
  text: string;
  startDate?: string;
  endDate?: string;
}

/** A relation the sentence conveys but not between two named mentions; listed for the record, never scored. */
export interface GoldUnscored {
  type: string;
  source: string;
  target: string;
  start: number;
  end: number;
  why: string;
}

export interface GoldDocument {
  /** The sample case's source id. */
  source: string;
  /** The document, relative to the repository. */
  file: string;
  mentions: GoldMention[];
  relations: GoldRelation[];
  unscored: GoldUnscored[];
}

export const GOLD_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.resolve(GOLD_DIR, '../../../../..');

/** Gold name → the sample case's source id and the document file as the case stores it. */
export const GOLD_SOURCES = [
  { name: 'wiki-maghreb', source: 'wiki-maghreb', file: 'resources/sample-case/000_fe3451a6cc268b04.txt' },
  { name: 'crs-if10172', source: 'crs-if10172', file: 'resources/sample-case/crs-if10172-reading-order.txt' },
] as const;

const MARK = /⟦([^|⟧]*)\|([^⟧]*)⟧/g;

/** Reads a marked copy: the plain text it stands for and its marks as offsets into that text. */
export function parseMarked(marked: string): { text: string; mentions: GoldMention[] } {
  const mentions: GoldMention[] = [];
  let text = '';
  let at = 0;
  for (const match of marked.matchAll(MARK)) {
    text += marked.slice(at, match.index);
    const surface = match[1]!;
    mentions.push({
      start: text.length,
      end: text.length + surface.length,
      text: surface,
      entity: match[2]!,
    });
    text += surface;
    at = match.index + match[0].length;
  }
  return { text: text + marked.slice(at), mentions };
}

/** One sentence as written in `<name>.relations.json`: its exact text, its relations, what is not scored. */
export interface AuthoredSentence {
  sentence: string;
  relations: Omit<GoldRelation, 'start' | 'end' | 'text'>[];
  unscored?: Omit<GoldUnscored, 'start' | 'end'>[];
}

/** Puts offsets on authored relations: each sentence must occur exactly once in the text. */
export function assembleGold(
  source: string,
  file: string,
  text: string,
  mentions: GoldMention[],
  authored: AuthoredSentence[],
): GoldDocument {
  const relations: GoldRelation[] = [];
  const unscored: GoldUnscored[] = [];
  for (const { sentence, relations: rels, unscored: notScored = [] } of authored) {
    const start = text.indexOf(sentence);
    if (start < 0 || text.indexOf(sentence, start + 1) >= 0)
      throw new Error(`Not found once in ${file}: ${sentence}`);
    const end = start + sentence.length;
    for (const r of rels) relations.push({ ...r, start, end, text: sentence });
    for (const u of notScored) unscored.push({ ...u, start, end });
  }
  return { source, file, mentions, relations, unscored };
}

export function readDocument(file: string): string {
  return fs.readFileSync(path.join(REPO_DIR, file), 'utf8');
}

export function loadGold(): GoldDocument[] {
  return GOLD_SOURCES.map(
    ({ name }) => JSON.parse(fs.readFileSync(path.join(GOLD_DIR, `${name}.json`), 'utf8')) as GoldDocument,
  );
}

/**
 * What is wrong with a gold document, one sentence per problem: a span whose text is not the file's there,
 * unsorted or overlapping mentions, an unknown entity or relation type, a relation whose ends are not both
 * named inside its sentence, a bad date, a relation listed twice for one sentence.
 */
export function goldProblems(
  gold: GoldDocument,
  text: string,
  entityIds: ReadonlySet<string>,
  relationTypes: Readonly<Record<string, { symmetric: boolean }>>,
): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  for (const m of gold.mentions) {
    if (text.slice(m.start, m.end) !== m.text)
      problems.push(`Mention at ${m.start} is not “${m.text}” in the file.`);
    if (m.start < previousEnd) problems.push(`Mention at ${m.start} overlaps or precedes the one before.`);
    if (!entityIds.has(m.entity))
      problems.push(`Mention at ${m.start} names an unknown entity “${m.entity}”.`);
    previousEnd = m.end;
  }
  const seen = new Set<string>();
  for (const r of gold.relations) {
    const what = `${r.source} ${r.type} ${r.target} at ${r.start}`;
    if (text.slice(r.start, r.end) !== r.text)
      problems.push(`Sentence of ${what} is not its text in the file.`);
    const type = relationTypes[r.type];
    if (!type) problems.push(`${what}: unknown relation type.`);
    for (const end of [r.source, r.target]) {
      if (!gold.mentions.some((m) => m.entity === end && m.start >= r.start && m.end <= r.end)) {
        problems.push(`${what}: ${end} is not named in the sentence.`);
      }
    }
    for (const date of [r.startDate, r.endDate]) {
      if (date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
        problems.push(`${what}: bad date ${date}.`);
    }
    const ends = type?.symmetric ? [r.source, r.target].sort().join('|') : `${r.source}|${r.target}`;
    const key = `${r.start}|${r.type}|${ends}`;
    if (seen.has(key)) problems.push(`${what} is listed twice.`);
    seen.add(key);
  }
  for (const u of gold.unscored) {
    if (!relationTypes[u.type] || !entityIds.has(u.source) || !entityIds.has(u.target)) {
      problems.push(`Unscored ${u.source} ${u.type} ${u.target}: unknown type or entity.`);
    }
  }
  return problems;
}

export const HELD_OUT_DIR = path.resolve(GOLD_DIR, '../fixtures/heldout');
export const HELD_OUT_NAMES = ['lake-chad', 'somalia', 'sahel'] as const;

export interface HeldOutEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

/** The held-out texts (fixtures/heldout): their own small case, and gold read straight from the marked copies. */
export function loadHeldOut(): {
  entities: HeldOutEntity[];
  documents: { text: string; gold: GoldDocument }[];
} {
  const read = (file: string): string => fs.readFileSync(path.join(HELD_OUT_DIR, file), 'utf8');
  const { entities } = JSON.parse(read('case.json')) as { entities: HeldOutEntity[] };
  const documents = HELD_OUT_NAMES.map((name) => {
    const { text, mentions } = parseMarked(read(`${name}.marked.txt`));
    const authored = JSON.parse(read(`${name}.relations.json`)) as AuthoredSentence[];
    return { text, gold: assembleGold(name, `fixtures/heldout/${name}`, text, mentions, authored) };
  });
  return { entities, documents };
}
