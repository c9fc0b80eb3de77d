// Assisted extraction as the case sees it: suggestions are computed from the case's names and
// vocabulary, kept as rows with a review status, recomputed for pending items when the names change,
// and turned into entities, aliases, relations and citations only by the analyst's accept.
import type {
  RelationEnd,
  ReviewDecision,
  ReviewResult,
  Suggestion,
  SuggestionEdit,
} from '../../../shared/ipc/sources/contract';
import { normalizeName } from '../../../shared/text';
import type { CaseStore } from '../../store';
import type { SuggestionDraft, SuggestionRow } from '../../store/repos/suggestions';
import { AppError, notFound } from '../errors';
import { caseTypes, type CaseTypes } from '../vocabulary';
import { buildMatcher, extract, type ExtractedSuggestion, type ExtractionContext } from '../extraction';

/** The case's names and vocabulary, ready to run over documents. */
export interface Extractor {
  /** Which names it was built from: pending suggestions computed with another stamp are stale. */
  stamp: string;
  context: ExtractionContext;
}

/** The reader's default credibility for a cited passage ("probably true"); the analyst may change it. */
const DEFAULT_CREDIBILITY = 2;

/**
 * Changes whenever an entity or alias is added, renamed or removed (counts and the latest change
 * time and ids), without reading every name.
 */
export function namesStamp(store: CaseStore): string {
  const row = store.db
    .prepare(
      `SELECT (SELECT count(*) FROM entity) AS entities, (SELECT max(id) FROM entity) AS lastEntity,
              (SELECT max(updated_at) FROM entity) AS changed,
              (SELECT count(*) FROM alias) AS aliases, (SELECT max(id) FROM alias) AS lastAlias`,
    )
    .get() as Record<string, unknown>;
  return Object.values(row).join('|');
}

const extractors = new WeakMap<CaseStore, Extractor>();

export function extractorFor(store: CaseStore): Extractor {
  const vocabulary = store.vocabulary.list();
  const stamp = `${namesStamp(store)}|${vocabulary.entityTypes.length}:${vocabulary.relationTypes.map((t) => t.id + t.reads).join(',')}`;
  const cached = extractors.get(store);
  if (cached?.stamp === stamp) return cached;
  const aliases = new Map<number, string[]>();
  for (const { entityId, name } of store.db
    .prepare('SELECT entity_id AS entityId, name FROM alias')
    .all() as {
    entityId: number;
    name: string;
  }[]) {
    const list = aliases.get(entityId);
    if (list) list.push(name);
    else aliases.set(entityId, [name]);
  }
  const entities = (
    store.db.prepare('SELECT id, type, name FROM entity').all() as {
      id: number;
      type: string;
      name: string;
    }[]
  ).map((e) => ({ ...e, aliases: aliases.get(e.id) ?? [] }));
  const extractor: Extractor = {
    stamp,
    context: {
      entities,
      matcher: buildMatcher(entities),
      entityTypes: vocabulary.entityTypes.map((t) => t.id),
      relationTypes: vocabulary.relationTypes.map(({ id, reads, symmetric, lineage }) => ({
        id,
        reads,
        symmetric,
        lineage,
      })),
    },
  };
  extractors.set(store, extractor);
  return extractor;
}

function payloadOf(s: ExtractedSuggestion): Record<string, unknown> {
  switch (s.kind) {
    case 'mention':
      return { entityId: s.entityId, matched: s.matched };
    case 'entity':
      return { name: s.name, type: s.type, aliases: s.aliases };
    case 'relation':
      return {
        type: s.type,
        source: s.source,
        target: s.target,
        sourceSpan: s.sourceSpan,
        targetSpan: s.targetSpan,
        ...(s.startDate ? { startDate: s.startDate } : {}),
        ...(s.endDate ? { endDate: s.endDate } : {}),
      };
  }
}

/** What extraction proposes for a text, one suggestion per key (the first in text order). */
export function suggestionDrafts(
  extractor: Extractor,
  text: string,
  publishedOn?: string | null,
): SuggestionDraft[] {
  const seen = new Set<string>();
  const unique = extract(text, { ...extractor.context, publishedOn }).filter((s) => {
    if (seen.has(s.key)) return false;
    seen.add(s.key);
    return true;
  });
  return unique.map((s) => ({
    kind: s.kind,
    key: s.key,
    score: Math.min(1, Math.max(0, s.score)),
    start: s.start,
    end: s.end,
    text: s.text,
    payload: payloadOf(s),
  }));
}

// ── Reading suggestions ────────────────────────────────────────────────────────────────────

function labelOf(store: CaseStore, end: RelationEnd): string | null {
  if ('name' in end) return end.name;
  return store.entities.get(end.entityId)?.name ?? null;
}

/** The row as the contract shows it; null when it names an entity the case no longer has. */
function suggestionOf(store: CaseStore, row: SuggestionRow): Suggestion | null {
  const base = {
    id: row.id,
    status: row.status,
    score: row.score,
    start: row.start,
    end: row.end,
    text: row.text,
  };
  const p = row.payload;
  if (row.kind === 'mention') {
    const entity = store.entities.get(p.entityId as number);
    if (!entity) return null;
    return {
      ...base,
      kind: 'mention',
      entityId: entity.id,
      matched: p.matched as string,
      entityName: entity.name,
      entityType: entity.type,
    };
  }
  if (row.kind === 'entity') {
    return {
      ...base,
      kind: 'entity',
      name: p.name as string,
      type: p.type as string,
      aliases: (p.aliases as string[]) ?? [],
    };
  }
  const source = p.source as RelationEnd;
  const target = p.target as RelationEnd;
  const sourceLabel = labelOf(store, source);
  const targetLabel = labelOf(store, target);
  if (sourceLabel === null || targetLabel === null) return null;
  return {
    ...base,
    kind: 'relation',
    type: p.type as string,
    source,
    target,
    sourceSpan: p.sourceSpan as [number, number],
    targetSpan: p.targetSpan as [number, number],
    ...(p.startDate ? { startDate: p.startDate as string } : {}),
    ...(p.endDate ? { endDate: p.endDate as string } : {}),
    sourceLabel,
    targetLabel,
  };
}

/**
 * A document's suggestions; pending ones are recomputed first when the case's names changed since
 * they were made (decided ones stay as they are). `recompute` is false while another write holds
 * the case (an import), when the stored ones are returned as they are.
 */
export function listSuggestions(
  store: CaseStore,
  sourceId: number,
  recompute = true,
): { suggestions: Suggestion[] } {
  const source = store.sources.summary(sourceId);
  if (!source) throw notFound('source', sourceId);
  if (recompute) {
    const extractor = extractorFor(store);
    if (store.suggestions.stamp(sourceId) !== extractor.stamp) {
      const text = store.sources.text(sourceId) ?? '';
      const drafts = suggestionDrafts(extractor, text, source.publishedOn);
      store.transaction(() => {
        store.suggestions.reconcile(sourceId, drafts);
        store.suggestions.setStamp(sourceId, extractor.stamp);
      });
    }
  }
  const suggestions = store.suggestions
    .listFor(sourceId)
    .map((row) => suggestionOf(store, row))
    .filter((s): s is Suggestion => s !== null);
  return { suggestions };
}

// ── Review ─────────────────────────────────────────────────────────────────────────────────

const KIND_ORDER = { entity: 0, mention: 1, relation: 2 } as const;

/** Applies the analyst's decisions in one undo step; returns what accepting created. */
export function reviewSuggestions(
  store: CaseStore,
  sourceId: number,
  decisions: ReviewDecision[],
): ReviewResult {
  const source = store.sources.summary(sourceId);
  if (!source) throw notFound('source', sourceId);
  const rows = decisions.map((d) => {
    const row = store.suggestions.get(d.id);
    if (!row || row.sourceId !== sourceId)
      throw new AppError(
        'not_found',
        `Suggestion ${d.id} is not one of “${source.title}”’s; reload the review.`,
      );
    if (row.status !== 'pending')
      throw new AppError(
        'conflict',
        `Suggestion ${d.id} (“${row.text.slice(0, 60)}”) was already ${row.status}. Nothing was changed.`,
      );
    return { decision: d, row };
  });
  rows.sort((a, b) => KIND_ORDER[a.row.kind] - KIND_ORDER[b.row.kind] || a.row.start - b.row.start);

  const result: ReviewResult = {
    accepted: 0,
    rejected: 0,
    created: { entities: [], aliases: 0, relations: [], citations: [] },
  };
  const accepted = rows.filter((r) => r.decision.action === 'accept').length;
  const label =
    accepted === 0
      ? `Reject ${rows.length} suggestion${rows.length === 1 ? '' : 's'} from “${source.title}”`
      : `Accept ${accepted} suggestion${accepted === 1 ? '' : 's'} from “${source.title}”`;

  const types = caseTypes(store);
  store.journal.record(label, () => {
    const review = new Review(store, sourceId, result, types);
    for (const { decision, row } of rows) {
      if (decision.action === 'reject') {
        store.suggestions.setStatus(row.id, 'rejected');
        result.rejected++;
        continue;
      }
      review.accept(row, decision.edit ?? {});
      store.suggestions.setStatus(row.id, 'accepted');
      result.accepted++;
    }
  });
  return result;
}

/** One review batch: creates what accepted suggestions state, each with a citation of its passage. */
class Review {
  /** Entities this batch created, by normalised name, so a relation can name one. */
  private readonly createdByName = new Map<string, number>();

  constructor(
    private readonly store: CaseStore,
    private readonly sourceId: number,
    private readonly result: ReviewResult,
    private readonly types: CaseTypes,
  ) {}

  private entityType(type: string): string {
    this.types.checkEntityType(type);
    return type;
  }

  accept(row: SuggestionRow, edit: SuggestionEdit): void {
    const credibility = edit.credibility ?? DEFAULT_CREDIBILITY;
    if (row.kind === 'mention') {
      const entityId = edit.entityId ?? (row.payload.entityId as number);
      if (!this.store.entities.exists(entityId)) throw notFound('entity', entityId);
      this.addSpelling(entityId, row.text);
      this.cite('entity', entityId, row, credibility);
      return;
    }
    if (row.kind === 'entity') {
      const name = (edit.name ?? (row.payload.name as string)).trim();
      const aliases = edit.aliases ?? (row.payload.aliases as string[]) ?? [];
      let entityId = edit.entityId ?? null;
      if (entityId !== null) {
        if (!this.store.entities.exists(entityId)) throw notFound('entity', entityId);
        this.addSpelling(entityId, name, ...aliases);
      } else {
        entityId = this.findOrCreate(
          name,
          this.entityType(edit.type ?? (row.payload.type as string)),
          aliases,
        );
      }
      this.cite('entity', entityId, row, credibility);
      return;
    }
    const type = edit.type ?? (row.payload.type as string);
    this.types.checkRelationType(type);
    const sourceId = this.resolve(edit.source ?? (row.payload.source as RelationEnd));
    const targetId = this.resolve(edit.target ?? (row.payload.target as RelationEnd));
    const startDate =
      edit.startDate !== undefined ? edit.startDate : ((row.payload.startDate as string | undefined) ?? null);
    const endDate =
      edit.endDate !== undefined ? edit.endDate : ((row.payload.endDate as string | undefined) ?? null);
    const draft = { sourceId, targetId, type, startDate, endDate };
    let relationId = this.store.relations.find(draft);
    if (relationId === null) {
      relationId = this.store.relations.insert(draft);
      this.result.created.relations.push(relationId);
    }
    this.cite('relation', relationId, row, credibility);
  }

  /** Adds the spellings an entity does not have yet as aliases. */
  private addSpelling(entityId: number, ...names: string[]): void {
    const before = this.aliasCount(entityId);
    this.store.entities.addAliases(entityId, names);
    this.result.created.aliases += this.aliasCount(entityId) - before;
  }

  private aliasCount(entityId: number): number {
    return this.store.db
      .prepare('SELECT count(*) FROM alias WHERE entity_id = ?')
      .pluck()
      .get(entityId) as number;
  }

  private findOrCreate(name: string, type: string, aliases: string[]): number {
    const key = normalizeName(name);
    const existing = this.createdByName.get(key) ?? this.store.entities.findByName(name);
    if (existing !== null && existing !== undefined) {
      this.addSpelling(existing, ...aliases);
      return existing;
    }
    const id = this.store.entities.insert({ type, name, aliases });
    this.createdByName.set(key, id);
    this.result.created.entities.push(id);
    return id;
  }

  /** A relation's end: an entity of the case, or a candidate by name (created with the type extraction guessed). */
  private resolve(end: RelationEnd): number {
    if ('entityId' in end) {
      if (!this.store.entities.exists(end.entityId)) throw notFound('entity', end.entityId);
      return end.entityId;
    }
    const candidate = this.store.suggestions
      .listFor(this.sourceId)
      .find(
        (s) => s.kind === 'entity' && normalizeName(s.payload.name as string) === normalizeName(end.name),
      );
    const type = (candidate?.payload.type as string | undefined) ?? 'organization';
    const aliases = (candidate?.payload.aliases as string[] | undefined) ?? [];
    const id = this.findOrCreate(end.name, this.entityType(type), aliases);
    if (candidate && candidate.status === 'pending') {
      this.cite('entity', id, candidate, DEFAULT_CREDIBILITY);
      this.store.suggestions.setStatus(candidate.id, 'accepted');
    }
    return id;
  }

  private cite(
    kind: 'entity' | 'relation',
    subjectId: number,
    row: SuggestionRow,
    credibility: number,
  ): void {
    const citationId = this.store.sources.cite({
      sourceId: this.sourceId,
      subjectKind: kind,
      subjectId,
      quote: row.text,
      start: row.start,
      credibility,
    });
    this.result.created.citations.push(citationId);
  }
}
