// Search figures (issue 6): one query over a case with 100,000 notes and 10,000 documents through the
// FTS5 index (migration 0002) and the search service (ranking, snippets, labels), against a LIKE scan
// over the same tables in the same run. The LIKE baseline does less: ASCII-only case folding, no
// diacritics, no ranking and no snippets.
import path from 'node:path';
import { CaseStore } from '../src/main/store';
import { searchByLike, searchCase } from '../src/main/services/search/search';
import { median, report, scratch, time } from './lib';

const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const ENTITIES = 5_000;
const RUNS = 15;

/** A deterministic stream of words: a common vocabulary, place names, and rare names planted sparsely. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const COMMON = (
  'the group attack forces region leader network support members government security operations border ' +
  'militants northern southern report analysts claimed village convoy ransom smuggling routes alliance ' +
  'splinter faction emir commander training camp funding local population army police checkpoint'
).split(' ');
const PLACES = [
  'Mali',
  'Niger',
  'Algeria',
  'Libya',
  'Tunisia',
  'Mauritania',
  'Gao',
  'Kidal',
  'Timbuktu',
  'Ménaka',
  'Tamanrasset',
];

function text(random: () => number, words: number, rareEvery: number, rare: string): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = random();
    if (r < 1 / rareEvery) out.push(rare);
    else if (r < 0.08) out.push(PLACES[Math.floor(random() * PLACES.length)]!);
    else if (r < 0.1) out.push(`w${Math.floor(random() * 200_000).toString(36)}`);
    else out.push(COMMON[Math.floor(random() * COMMON.length)]!);
  }
  return `${out.join(' ')}.`;
}

function build(file: string): void {
  const store = CaseStore.open(file, { create: true });
  const random = rng(42);
  const at = new Date().toISOString();
  store.transaction(() => {
    const entity = store.db.prepare(
      "INSERT INTO entity (type, name, name_norm, summary, attrs, tags, created_at, updated_at) VALUES ('person', ?, ?, ?, '{}', '[]', ?, ?)",
    );
    for (let i = 0; i < ENTITIES; i++) {
      const name = i === 17 ? 'Abdelmalek Droukdel' : `Person ${i.toString(36)} ${PLACES[i % PLACES.length]}`;
      entity.run(name, name.toLowerCase(), text(random, 20, 10_000, 'Drūkdāl'), at, at);
    }
    const note = store.db.prepare(
      "INSERT INTO note (subject_kind, subject_id, body, private, created_at, updated_at) VALUES ('entity', ?, ?, 1, ?, ?)",
    );
    // About 1 note in 500 mentions the rare name (≈200 notes), in one of its spellings.
    for (let i = 0; i < NOTES; i++)
      note.run(1 + (i % ENTITIES), text(random, 40, 20_000, i % 2 ? 'Droukdel' : 'Drūkdāl'), at, at);
    const source = store.db.prepare(
      "INSERT INTO source (title, publisher, reliability, text, attrs, created_at, updated_at) VALUES (?, 'Bench', 'C', ?, '{}', ?, ?)",
    );
    for (let i = 0; i < DOCUMENTS; i++)
      source.run(`Report ${i}`, text(random, 400, 40_000, 'DROUKDEL'), at, at);
  });
  store.close();
}

export async function run(): Promise<void> {
  const dir = scratch('search');
  const file = path.join(dir, 'search.awcase');
  const built = time(() => build(file));
  const store = CaseStore.open(file);

  const queries = [
    { name: 'rare_name', query: 'droukdel', like: 'droukdel' },
    { name: 'two_words', query: 'ransom Kidal', like: 'ransom' },
    { name: 'common_word', query: 'convoy', like: 'convoy' },
  ];
  for (const q of queries) {
    searchCase(store, { query: q.query }); // warm the page cache for both
    searchByLike(store, q.like);
    const ours: number[] = [];
    const baseline: number[] = [];
    let hits = 0;
    let likeHits = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = time(() => searchCase(store, { query: q.query, limit: 30 }));
      ours.push(a.ms);
      hits = a.result.hits.length;
      const b = time(() => searchByLike(store, q.like));
      baseline.push(b.ms);
      likeHits = b.result;
    }
    report({
      name: `search.${q.name}`,
      value: median(ours),
      unit: 'ms',
      baseline: median(baseline),
      query: q.query,
      hits_shown: hits,
      like_matches: likeHits,
      notes: NOTES,
      documents: DOCUMENTS,
      target: '< 50 ms',
      note: `median of ${RUNS}; FTS5 + bm25 + snippets for the best 30 against a LIKE scan of the same tables`,
    });
  }
  store.close();
  report({
    name: 'search.build_case',
    value: built.ms,
    unit: 'ms',
    baseline: null,
    notes: NOTES,
    documents: DOCUMENTS,
  });
}
