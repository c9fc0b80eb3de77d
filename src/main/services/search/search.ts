// One search over the case (FTS5, migration 0002): entity names and aliases, summaries, notes and
// document text. The analyst's words are turned into quoted prefix terms, so no FTS5 syntax they
// type can break the query; snippets carry highlight markers, never HTML.
import type { SearchHit, SearchInput } from '../../../shared/ipc/notes/contract';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../../shared/ipc/notes/contract';
import type { Subject } from '../../../shared/model';
import { normalizeName } from '../../../shared/text';
import { caseTypes } from '../vocabulary';
import type { CaseStore } from '../../store';

const MAX_TERMS = 12;

const APOSTROPHES = /['’‘ʼ`´]+/gu;

/**
 * The analyst's words as an FTS5 query: every word a quoted prefix term, all of them required.
 * Names are indexed with their apostrophes taken out (migration 0009) while documents keep them
 * (the tokenizer splits "Jama’at" into "jama" and "at"), so a typed word with an apostrophe asks
 * for either form.
 */
export function toMatchQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{M}'’‘ʼ`´]+/gu) ?? [];
  const terms = words
    .map((word) => word.split(APOSTROPHES).filter(Boolean))
    .filter((parts) => parts.length > 0)
    .slice(0, MAX_TERMS)
    .map((parts) =>
      parts.length === 1 ? `"${parts[0]}"*` : `("${parts.join('')}"* OR "${parts.join(' ')}"*)`,
    );
  // Explicit AND: FTS5 takes no implicit AND beside a parenthesised group.
  return terms.length ? terms.join(' AND ') : null;
}

interface HitRow {
  kind: 'entity' | 'note' | 'source';
  ref: number;
  title: string;
  snippet: string;
}

/** A short label for what a note is about, in the analyst's words. */
export function subjectLabel(store: CaseStore, subject: Subject): string {
  if (subject.kind === 'case' || subject.id === null) return 'The case';
  if (subject.kind === 'entity')
    return store.entities.get(subject.id)?.name ?? `Entity ${subject.id} (deleted)`;
  if (subject.kind === 'source')
    return store.sources.get(subject.id)?.title ?? `Source ${subject.id} (deleted)`;
  const relation = store.relations.get(subject.id);
  if (!relation) return `Relation ${subject.id} (deleted)`;
  const source = store.entities.get(relation.sourceId)?.name ?? '?';
  const target = store.entities.get(relation.targetId)?.name ?? '?';
  return `${source} ${caseTypes(store).reads(relation.type)} ${target}`;
}

/** A name as typed search matches it: case, accents, apostrophes and punctuation set aside. */
export function searchKey(text: string): string {
  return normalizeName(text)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How well an entity's names answer the query: 0 an exact name or alias, 1 a name or alias that
 * starts with it, 2 a word of a name that starts with it, 3 anything else (summary, notes).
 */
function nameTier(key: string, names: string[]): number {
  let best = 3;
  // "Cote d Ivoire" and "Côte d’Ivoire" are the same name typed: spaces left by punctuation set aside.
  const compact = key.replaceAll(' ', '');
  for (const name of names) {
    const k = searchKey(name);
    if (k === key || k.replaceAll(' ', '') === compact) return 0;
    if (k.startsWith(key)) best = Math.min(best, 1);
    else if (` ${k}`.includes(` ${key}`)) best = Math.min(best, 2);
  }
  return best;
}

/** Candidates FTS5 ranks by bm25, then re-ranked by how well a name answers the query. */
const CANDIDATES = 200;

export function searchCase(store: CaseStore, input: SearchInput): { hits: SearchHit[]; more: boolean } {
  const match = toMatchQuery(input.query);
  if (!match) return { hits: [], more: false };
  const limit = input.limit ?? 30;
  const key = searchKey(input.query);
  // Column weights: a name or alias outweighs a word deep in a document.
  const candidates = store.db
    .prepare(
      `SELECT rowid, kind, ref, title FROM search_index
        WHERE search_index MATCH ?
        ORDER BY bm25(search_index, 0, 0, 8.0, 1.0)
        LIMIT ?`,
    )
    .all(match, Math.max(CANDIDATES, limit + 1)) as (Omit<HitRow, 'snippet'> & { rowid: number })[];
  // An exact name or alias first, then names that start with what was typed, then the rest as FTS5
  // ranked them (the title column holds the name and aliases, joined by ' · ').
  const tiers = candidates.map((row, rank) => ({
    row,
    rank,
    tier: row.kind === 'entity' ? nameTier(key, row.title.split(' · ')) : 3,
    length: row.kind === 'entity' ? row.title.split(' · ')[0]!.length : 0,
  }));
  tiers.sort((a, b) => a.tier - b.tier || (a.tier < 3 ? a.length - b.length : 0) || a.rank - b.rank);
  // Snippets only for the hits shown: over 200 candidates in long documents they cost more than the
  // search. (The rowids are inlined: FTS5 ignored a bound rowid beside MATCH.)
  const shown = tiers.slice(0, limit + 1).map((t) => t.row);
  const ids = shown.slice(0, limit).map((row) => Math.trunc(row.rowid));
  const snippets = new Map(
    (
      store.db
        .prepare(
          `SELECT rowid, snippet(search_index, -1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', 14) AS snippet
             FROM search_index WHERE search_index MATCH ? AND rowid IN (${ids.join(',') || 0})`,
        )
        .all(match) as { rowid: number; snippet: string }[]
    ).map((r) => [r.rowid, r.snippet]),
  );
  const rows: HitRow[] = shown.map((row) => ({ ...row, snippet: snippets.get(row.rowid) ?? '' }));
  const more = rows.length > limit;
  const hits = rows.slice(0, limit).map((row): SearchHit => {
    if (row.kind === 'entity') {
      const entity = store.entities.get(row.ref);
      return {
        kind: 'entity',
        id: row.ref,
        title: entity?.name ?? row.title,
        entityType: entity?.type ?? null,
        snippet: row.snippet,
        subject: null,
      };
    }
    if (row.kind === 'source') {
      return {
        kind: 'source',
        id: row.ref,
        title: row.title,
        entityType: null,
        snippet: row.snippet,
        subject: null,
      };
    }
    const note = store.notes.get(row.ref);
    const subject: Subject = note?.subject ?? { kind: 'case', id: null };
    return {
      kind: 'note',
      id: row.ref,
      title: subjectLabel(store, subject),
      entityType: null,
      snippet: row.snippet,
      subject,
    };
  });
  return { hits, more };
}

/** The same search as a plain LIKE scan (all matches, as ranking needs them): the benchmark's baseline. */
export function searchByLike(store: CaseStore, text: string): number {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = store.db
    .prepare(
      `SELECT 'entity' AS kind, id FROM entity WHERE name LIKE @p ESCAPE '\\' OR summary LIKE @p ESCAPE '\\'
        UNION ALL SELECT 'entity', entity_id FROM alias WHERE name LIKE @p ESCAPE '\\'
        UNION ALL SELECT 'note', id FROM note WHERE body LIKE @p ESCAPE '\\'
        UNION ALL SELECT 'source', id FROM source WHERE title LIKE @p ESCAPE '\\' OR text LIKE @p ESCAPE '\\'`,
    )
    .all({ p: pattern });
  return rows.length;
}
