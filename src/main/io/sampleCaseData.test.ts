// Checks the sample case (resources/sample-case): every quote is verbatim in its source file, names are
// unambiguous, relations and vocabulary are valid, and the reading-order text of the CRS brief keeps every word
// of the two-column original. The checks are pure functions returning a list of problems, so the same
// functions are also run against deliberately broken data to prove they can fail.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CREDIBILITY, ENTITY_TYPES, PARTIAL_DATE, RELIABILITY, isRelationType } from '../../shared/vocab';

const here = path.dirname(fileURLToPath(import.meta.url));
const caseDir = path.resolve(here, '../../../resources/sample-case');
const seedsDir = path.resolve(here, '../../../../shared/seeds');

interface Citation {
  source: string;
  quote: string;
  credibility: number;
  file?: string;
  field?: string;
}
interface Fact {
  name: string;
  value: string;
  as_of: string | null;
  citations: Citation[];
}
interface Source {
  id: string;
  title: string;
  publisher: string;
  published_on: string | null;
  url: string | null;
  reliability: string;
  file: string;
  original_file?: string;
}
interface Entity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  summary: string;
  active_from: string | null;
  active_to: string | null;
  citations: Citation[];
  facts: Fact[];
}
interface Relation {
  id: string;
  source: string;
  target: string;
  type: string;
  start: string | null;
  end: string | null;
  summary?: string;
  citations: Citation[];
}
interface SampleCase {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

const readText = (file: string): string => fs.readFileSync(path.join(caseDir, file), 'utf8');
const sampleCase = JSON.parse(readText('case.json')) as SampleCase;
const CRS_ORIGINAL = '004_b0ca9f35df227dca.txt';
const CRS_READING = 'crs-if10172-reading-order.txt';

/** Name key: NFD, combining marks stripped, lower case, typographic apostrophe = straight apostrophe. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'")
    .trim();
}

function allCitations(c: SampleCase): { where: string; citation: Citation }[] {
  const out: { where: string; citation: Citation }[] = [];
  for (const e of c.entities) {
    for (const citation of e.citations) out.push({ where: `entity ${e.id}`, citation });
    for (const f of e.facts)
      for (const citation of f.citations) out.push({ where: `fact ${e.id}/${f.name}`, citation });
  }
  for (const r of c.relations)
    for (const citation of r.citations) out.push({ where: `relation ${r.id}`, citation });
  return out;
}

function quoteProblems(c: SampleCase, read: (file: string) => string): string[] {
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  const problems: string[] = [];
  for (const { where, citation } of allCitations(c)) {
    const source = sources.get(citation.source);
    if (!source) {
      problems.push(`${where}: unknown source ${citation.source}`);
      continue;
    }
    const file = citation.file ?? source.file;
    if (
      citation.file !== undefined &&
      citation.file !== source.file &&
      citation.file !== source.original_file
    ) {
      problems.push(`${where}: file ${citation.file} is not a file of source ${source.id}`);
      continue;
    }
    if (citation.quote.trim() === '') problems.push(`${where}: empty quote`);
    else if (!read(file).includes(citation.quote))
      problems.push(`${where}: quote not in ${file}: ${citation.quote}`);
  }
  return problems;
}

function nameProblems(c: SampleCase): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const e of c.entities) {
    for (const name of [e.name, ...e.aliases]) {
      const key = nameKey(name);
      if (key === '') problems.push(`${e.id}: empty name or alias`);
      const other = owner.get(key);
      if (other !== undefined && other !== e.id) problems.push(`"${name}" names both ${other} and ${e.id}`);
      owner.set(key, e.id);
    }
  }
  return problems;
}

function idProblems(c: SampleCase): string[] {
  const problems: string[] = [];
  for (const [kind, ids] of [
    ['source', c.sources.map((s) => s.id)],
    ['entity', c.entities.map((e) => e.id)],
    ['relation', c.relations.map((r) => r.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (!id) problems.push(`${kind}: empty id`);
      if (seen.has(id)) problems.push(`${kind}: duplicate id ${id}`);
      seen.add(id);
    }
  }
  return problems;
}

function relationProblems(c: SampleCase): string[] {
  const entities = new Set(c.entities.map((e) => e.id));
  const problems: string[] = [];
  for (const r of c.relations) {
    if (!entities.has(r.source)) problems.push(`${r.id}: unknown source entity ${r.source}`);
    if (!entities.has(r.target)) problems.push(`${r.id}: unknown target entity ${r.target}`);
    if (r.source === r.target) problems.push(`${r.id}: relation to itself`);
    if (!isRelationType(r.type)) problems.push(`${r.id}: unknown relation type ${r.type}`);
    if (r.citations.length === 0) problems.push(`${r.id}: no citation`);
  }
  for (const e of c.entities) {
    if (!(ENTITY_TYPES as readonly string[]).includes(e.type))
      problems.push(`${e.id}: unknown entity type ${e.type}`);
    if (e.citations.length === 0) problems.push(`${e.id}: no citation`);
    if (!e.name.trim() || !e.summary.trim()) problems.push(`${e.id}: empty name or summary`);
    for (const f of e.facts)
      if (f.citations.length === 0) problems.push(`${e.id}/${f.name}: fact without citation`);
  }
  return problems;
}

/** Partial dates compare on their common precision: 2013 <= 2013-01 and 2013-01 <= 2013. */
function dateOrderOk(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return start.slice(0, n) <= end.slice(0, n);
}

function gradingAndDateProblems(c: SampleCase): string[] {
  const problems: string[] = [];
  const checkDate = (where: string, value: string | null) => {
    if (value !== null && !PARTIAL_DATE.test(value)) problems.push(`${where}: bad date ${value}`);
  };
  for (const s of c.sources) {
    if (!(RELIABILITY as readonly string[]).includes(s.reliability))
      problems.push(`${s.id}: bad reliability ${s.reliability}`);
    checkDate(`source ${s.id}`, s.published_on);
  }
  for (const r of c.relations) {
    checkDate(`${r.id} start`, r.start);
    checkDate(`${r.id} end`, r.end);
    const dated =
      r.start !== null && r.end !== null && PARTIAL_DATE.test(r.start) && PARTIAL_DATE.test(r.end);
    if (dated && !dateOrderOk(r.start!, r.end!))
      problems.push(`${r.id}: start ${r.start} after end ${r.end}`);
  }
  for (const e of c.entities) for (const f of e.facts) checkDate(`${e.id}/${f.name} as_of`, f.as_of);
  for (const e of c.entities) {
    checkDate(`${e.id} active_from`, e.active_from);
    checkDate(`${e.id} active_to`, e.active_to);
    if (e.active_from && e.active_to && !dateOrderOk(e.active_from, e.active_to))
      problems.push(`${e.id}: active from ${e.active_from} after active to ${e.active_to}`);
    // A lifetime end is cited for itself, and a citation names only a field the entity has.
    for (const [field, value] of [
      ['activeFrom', e.active_from],
      ['activeTo', e.active_to],
    ] as const) {
      const cited = e.citations.some((citation) => citation.field === field);
      if (value && !cited) problems.push(`${e.id}: ${field} ${value} without a citation naming it`);
      if (!value && cited) problems.push(`${e.id}: a citation names ${field}, which is not set`);
    }
    for (const citation of e.citations)
      if (citation.field !== undefined && citation.field !== 'activeFrom' && citation.field !== 'activeTo')
        problems.push(`${e.id}: a citation names an unknown field ${citation.field}`);
  }
  for (const { where, citation } of allCitations(c)) {
    if (!(CREDIBILITY as readonly number[]).includes(citation.credibility))
      problems.push(`${where}: bad credibility ${String(citation.credibility)}`);
  }
  return problems;
}

function countWords(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * Every whitespace-separated word of the original occurs in the reading-order text equally often. A word that
 * ends a line of the original with a hyphen or dash ("multi-", "AQIM—") may appear joined to its continuation
 * ("multi-day"), since in the interleaved original the continuation sits on another line.
 */
function wordProblems(original: string, reading: string): string[] {
  const lineEndPrefixes = new Set<string>();
  for (const line of original.split('\n')) {
    const last = line.trim().split(/\s+/).at(-1) ?? '';
    if (/[-\u2013\u2014]$/.test(last)) lineEndPrefixes.add(last);
  }
  const orig = countWords(original.split(/\s+/).filter(Boolean));
  const read = countWords(reading.split(/\s+/).filter(Boolean));
  for (const [w, n] of read) {
    const m = Math.min(n, orig.get(w) ?? 0);
    if (m > 0) {
      orig.set(w, (orig.get(w) ?? 0) - m);
      read.set(w, n - m);
    }
  }
  const problems: string[] = [];
  for (const [w, n] of read) {
    for (let k = 0; k < n; k++) {
      let joined = false;
      for (let i = 1; i < w.length && !joined; i++) {
        const prefix = w.slice(0, i);
        const suffix = w.slice(i);
        if (!/[-\u2013\u2014]$/.test(prefix) || !lineEndPrefixes.has(prefix)) continue;
        if ((orig.get(prefix) ?? 0) > 0 && (orig.get(suffix) ?? 0) > 0) {
          orig.set(prefix, (orig.get(prefix) ?? 0) - 1);
          orig.set(suffix, (orig.get(suffix) ?? 0) - 1);
          joined = true;
        }
      }
      if (!joined) problems.push(`added or changed word: ${w}`);
    }
  }
  for (const [w, n] of orig) if (n > 0) problems.push(`missing word (${n}x): ${w}`);
  return problems;
}

/** Each line of the two-column original is one run of text in the reading order (order within a line kept). */
function lineProblems(original: string, reading: string): string[] {
  const flat = reading.replace(/\n+/g, ' ');
  return original
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !flat.includes(l))
    .map((l) => `line not found in reading order: ${l}`);
}

/** Headings and paragraphs on single lines, separated by one blank line. */
function layoutProblems(reading: string): string[] {
  const problems: string[] = [];
  if (!reading.endsWith('\n') || reading.endsWith('\n\n'))
    problems.push('file must end with exactly one newline');
  if (reading.includes('\n\n\n')) problems.push('more than one blank line between blocks');
  for (const line of reading.split('\n')) if (line !== line.trim()) problems.push(`untrimmed line: ${line}`);
  const blocks = reading.trimEnd().split('\n\n');
  for (const b of blocks) if (b.includes('\n')) problems.push(`block spans several lines: ${b.slice(0, 60)}`);
  return problems;
}

describe('sample case data', () => {
  it('has the two sources with their files', () => {
    expect(sampleCase.sources.map((s) => s.id).sort()).toEqual(['crs-if10172', 'wiki-maghreb']);
    for (const s of sampleCase.sources) {
      expect(fs.existsSync(path.join(caseDir, s.file)), s.file).toBe(true);
      if (s.original_file)
        expect(fs.existsSync(path.join(caseDir, s.original_file)), s.original_file).toBe(true);
    }
  });

  it.skipIf(!fs.existsSync(seedsDir))('keeps byte-identical copies of the seed documents', () => {
    for (const file of ['000_fe3451a6cc268b04.txt', CRS_ORIGINAL]) {
      const copy = fs.readFileSync(path.join(caseDir, file));
      const seed = fs.readFileSync(path.join(seedsDir, file));
      expect(copy.equals(seed), file).toBe(true);
    }
  });

  it('has unique ids', () => {
    expect(idProblems(sampleCase)).toEqual([]);
  });

  it('cites every quote verbatim from its source file', () => {
    expect(quoteProblems(sampleCase, readText)).toEqual([]);
  });

  it('gives no two entities the same name or alias', () => {
    expect(nameProblems(sampleCase)).toEqual([]);
  });

  it('uses known entity and relation types, existing endpoints, and cites every entity and relation', () => {
    expect(relationProblems(sampleCase)).toEqual([]);
  });

  it('uses partial ISO dates in order and Admiralty grades', () => {
    expect(gradingAndDateProblems(sampleCase)).toEqual([]);
  });

  it('keeps every word of the CRS brief in the reading-order text', () => {
    const original = readText(CRS_ORIGINAL);
    const reading = readText(CRS_READING);
    expect(wordProblems(original, reading)).toEqual([]);
    expect(lineProblems(original, reading)).toEqual([]);
    expect(layoutProblems(reading)).toEqual([]);
  });
});

describe('sample case checks catch broken data', () => {
  const clone = (): SampleCase => structuredClone(sampleCase);
  const firstRelation = (c: SampleCase): Relation => c.relations[0]!;
  const firstEntity = (c: SampleCase): Entity => c.entities[0]!;

  it('reports a quote that is not in the source', () => {
    const c = clone();
    firstRelation(c).citations[0]!.quote += ' (paraphrased)';
    expect(quoteProblems(c, readText)).toHaveLength(1);
  });

  it('reports a name shared by two entities, ignoring case, diacritics and apostrophe style', () => {
    const c = clone();
    const entity = (id: string): Entity => c.entities.find((e) => e.id === id)!;
    entity('aqim').aliases.push("JAMA'AT NUSRAT AL ISLAM WAL MUSLIMEEN"); // jnim's name, other apostrophe
    entity('mali').aliases.push('Cote d\u2019Ivoire'); // cote-divoire's name, without the circumflex
    expect(nameProblems(c)).toHaveLength(2);
  });

  it('reports duplicate ids, dangling endpoints and unknown types', () => {
    const c = clone();
    c.relations.push({ ...firstRelation(c) });
    firstRelation(c).target = 'no-such-entity';
    firstRelation(c).type = 'knows';
    firstEntity(c).type = 'weapon';
    expect(idProblems(c)).toHaveLength(1);
    expect(relationProblems(c)).toHaveLength(3);
  });

  it('reports bad dates, dates out of order and bad grades', () => {
    const c = clone();
    Object.assign(firstRelation(c), { start: '2017', end: '2015' });
    c.relations[1]!.start = 'early 2017';
    firstRelation(c).citations[0]!.credibility = 7;
    c.sources[0]!.reliability = 'G';
    expect(gradingAndDateProblems(c)).toHaveLength(4);
    expect(dateOrderOk('2013', '2013-01')).toBe(true);
    expect(dateOrderOk('2013-02', '2013-01-31')).toBe(false);
  });

  it('reports a lifetime out of order, one without its citation, and a citation naming an unset field', () => {
    const c = clone();
    const entity = (id: string): Entity => c.entities.find((e) => e.id === id)!;
    Object.assign(entity('al-murabitoun'), { active_from: '2017', active_to: '2013' });
    entity('jnim').citations = entity('jnim').citations.filter((x) => x.field !== 'activeFrom');
    entity('gspc').active_to = null;
    expect(gradingAndDateProblems(c)).toHaveLength(3);
  });

  it('carries the lifetimes the documents state: GSPC until 2007, MUJAO merged in 2013, JNIM formed in 2017', () => {
    const lifetime = (id: string): [string | null, string | null] => {
      const e = sampleCase.entities.find((x) => x.id === id)!;
      return [e.active_from, e.active_to];
    };
    expect(lifetime('gspc')).toEqual([null, '2007']);
    expect(lifetime('mujao')).toEqual([null, '2013']);
    expect(lifetime('al-murabitoun')).toEqual(['2013', '2017']);
    expect(lifetime('jnim')).toEqual(['2017', null]);
  });

  it('reports dropped, added or reworded words in the reading order', () => {
    const original = readText(CRS_ORIGINAL);
    const reading = readText(CRS_READING);
    expect(wordProblems(original, reading.replace('multi-day', 'multiday'))).not.toEqual([]);
    expect(wordProblems(original, reading.replace('Ouagadougou, Burkina Faso.', 'Ouagadougou.'))).not.toEqual(
      [],
    );
    expect(wordProblems(original, reading.replace('IF10172', 'IF10172 (2017)'))).not.toEqual([]);
    expect(wordProblems(original, reading.replace('“The Sentinels,”', '"The Sentinels,"'))).not.toEqual([]);
    expect(wordProblems(original, reading.replace('AQIM—pledged', 'AQIM— pledged'))).toEqual([]);
    expect(
      lineProblems(original, reading.replace('asserted control over', 'asserted over control')),
    ).not.toEqual([]);
    expect(layoutProblems(reading.replace('Overview\n\n', 'Overview\n'))).not.toEqual([]);
  });
});
