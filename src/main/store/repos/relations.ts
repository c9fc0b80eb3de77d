// relation table: rows, mappers, prepared statements.
import type {
  ColumnFilter,
  Page,
  Relation,
  RelationColumn,
  RelationDraft,
  RelationPatch,
  RelationQuery,
  RelationRow,
} from '../../../shared/model';
import type { Db } from '../db';
import type { AttrValues } from '../../../shared/attributes';
import {
  buildQuery,
  CountCache,
  likeEscape,
  QuickMatches,
  totalOf,
  withAttributes,
  type ColumnSql,
} from '../query';

interface RelationDbRow {
  id: number;
  source_id: number;
  target_id: number;
  type: string;
  start_date: string | null;
  end_date: string | null;
  summary: string;
  weight: number | null;
  created_at: string;
  updated_at: string;
}

const now = (): string => new Date().toISOString();

const COLUMNS: Record<RelationColumn, ColumnSql> = {
  sourceName: { expr: '(SELECT name FROM entity WHERE id = r.source_id)', text: true },
  type: { expr: 'r.type' },
  targetName: { expr: '(SELECT name FROM entity WHERE id = r.target_id)', text: true },
  startDate: { expr: 'r.start_date' },
  endDate: { expr: 'r.end_date' },
  weight: { expr: 'r.weight' },
  // Kept by triggers (migration 0003) and indexed, so these sort at a million rows.
  corroboration: { expr: 'r.corroboration' },
  grade: { expr: 'r.grade' },
  notes: { expr: 'r.note_count' },
};

function toRelation(row: RelationDbRow): Relation {
  return {
    id: row.id,
    sourceId: row.source_id,
    targetId: row.target_id,
    type: row.type,
    startDate: row.start_date,
    endDate: row.end_date,
    summary: row.summary,
    weight: row.weight,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type RelationListQuery = Omit<RelationQuery, 'offset' | 'limit'>;
export type RelationRawRow = RelationDbRow &
  Pick<RelationRow, 'sourceName' | 'targetName' | 'corroboration' | 'grade' | 'notes'> & {
    attrValues: string | null;
  };

export function relationRowOf(r: RelationRawRow): RelationRow {
  return {
    ...toRelation(r),
    sourceName: r.sourceName,
    targetName: r.targetName,
    corroboration: r.corroboration,
    grade: r.grade,
    notes: r.notes,
    values: r.attrValues ? (JSON.parse(r.attrValues) as AttrValues) : {},
  };
}

/** An end's name filter as a lookup in the entity table (indexed), not a name per relation. */
function endFilter(
  endColumn: 'source_id' | 'target_id',
  filter: ColumnFilter,
): { sql: string; params: unknown[] } {
  const inner = buildQuery(
    { name: { expr: 'x.name', text: true } },
    { filters: { name: filter } },
    [],
    'x.id',
  );
  return { sql: `r.${endColumn} IN (SELECT x.id FROM entity x ${inner.where})`, params: inner.params };
}

/**
 * The sheet's relation query as SQL (paged by the grid, iterated by the CSV export). Sorting by
 * an end's name walks the entity name index and joins its relations, instead of sorting them all.
 */
export function relationListSql(
  query: RelationListQuery,
  /** Only these columns (the CSV export's), instead of every one the grid shows. */
  only?: readonly string[],
  /** A temp table holding the quick search's matches (QuickMatches), instead of matching here. */
  quickTable?: string,
): {
  select: string;
  count: string | null;
  params: unknown[];
} {
  const { sourceName, targetName, ...otherFilters } = query.filters ?? {};
  const sort = query.sort ?? [];
  const last = sort[sort.length - 1];
  const dir = last?.dir === 'desc' ? 'DESC' : 'ASC';
  const built = buildQuery(
    withAttributes(COLUMNS, { sort, filters: otherFilters }, 'r.attrs'),
    { sort, filters: otherFilters },
    [],
    `r.id ${dir}`,
  );
  const conditions = built.where ? [built.where.replace(/^WHERE /, '')] : [];
  const params = [...built.params];
  for (const [end, filter] of [
    ['source_id', sourceName],
    ['target_id', targetName],
  ] as const) {
    if (!filter) continue;
    const f = endFilter(end, filter);
    conditions.push(f.sql);
    params.push(...f.params);
  }
  // Quick search: the entities whose name matches, found in one pass and kept, then their relations
  // through the end indexes (and relation types whose words match, through the type index), so a
  // rare match costs a name scan instead of a pass over every relation.
  const quick = query.quick?.trim();
  let withClause = '';
  let quickIds: string | null = null;
  if (quick && quickTable) {
    quickIds = `SELECT id FROM temp.${quickTable}`;
    conditions.push(`r.id IN temp.${quickTable}`);
  } else if (quick) {
    withClause =
      "WITH quick_ends AS MATERIALIZED (SELECT x.id FROM entity x WHERE x.name LIKE ? ESCAPE '\\') ";
    params.unshift(`%${likeEscape(quick)}%`);
    // Also the relations of the case's types whose words match: "broke away" finds splinter_of.
    quickIds = `SELECT id FROM relation WHERE source_id IN quick_ends UNION SELECT id FROM relation WHERE target_id IN quick_ends
      UNION SELECT id FROM relation WHERE type IN (SELECT key FROM vocabulary WHERE kind = 'relation'
        AND (instr(key, ?) > 0 OR instr(replace(key, '_', ' '), ?) > 0 OR instr(lower(label), ?) > 0))`;
    conditions.push(`r.id IN (${quickIds})`);
    params.push(quick.toLowerCase(), quick.toLowerCase(), quick.toLowerCase());
  }
  if (query.entityId !== undefined) {
    conditions.push('(r.source_id = ? OR r.target_id = ?)');
    params.push(query.entityId, query.entityId);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const select = (Object.entries(COLUMNS) as [RelationColumn, ColumnSql][])
    .filter(([column]) => column !== 'type' && column !== 'startDate' && column !== 'endDate')
    .filter(([column]) => !only || only.includes(column))
    .map(([column, spec]) => `, ${spec.expr} AS "${column}"`)
    .join('');
  const byEnd =
    sort.length === 1 && (sort[0]!.column === 'sourceName' || sort[0]!.column === 'targetName')
      ? sort[0]!
      : null;
  const from = byEnd
    ? `entity n CROSS JOIN relation r ON r.${byEnd.column === 'sourceName' ? 'source_id' : 'target_id'} = n.id`
    : 'relation r';
  const orderBy = byEnd ? `ORDER BY n.name COLLATE NOCASE ${dir}, n.id ${dir}, r.id ${dir}` : built.orderBy;
  return {
    select: `${withClause}SELECT r.*${select}${!only || only.some((c) => c.startsWith('attr:')) ? `, r.attrs -> '$.values' AS "attrValues"` : ''} FROM ${from} ${where} ${orderBy}`,
    // Quick search alone is counted from its id set, without visiting each relation row.
    count:
      quickIds && conditions.length === 1
        ? quickTable
          ? null
          : `${withClause}SELECT count(*) FROM (${quickIds})`
        : where
          ? `${withClause}SELECT count(*) FROM relation r ${where}`
          : null,
    params,
  };
}

export class RelationRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly deleteStmt;
  private readonly findStmt;
  private readonly countStmt;
  private readonly counts;
  private readonly quick;

  constructor(private readonly db: Db) {
    this.counts = new CountCache(db);
    // The relations of the entities whose name matches, through the end indexes, and those of the
    // case's types whose words match ("broke away" finds splinter_of), through the type index.
    this.quick = new QuickMatches(
      db,
      'quick_relation',
      `WITH quick_ends AS MATERIALIZED (SELECT x.id FROM entity x WHERE x.name LIKE @pattern ESCAPE '\\')
       INSERT OR IGNORE INTO temp.$table (id)
         SELECT r.id FROM quick_ends q JOIN relation r ON r.source_id = q.id
         UNION ALL SELECT r.id FROM quick_ends q JOIN relation r ON r.target_id = q.id
         UNION ALL SELECT id FROM relation WHERE type IN (SELECT key FROM vocabulary WHERE kind = 'relation'
           AND (instr(key, @term) > 0 OR instr(replace(key, '_', ' '), @term) > 0 OR instr(lower(label), @term) > 0))`,
    );
    this.insertStmt = db.prepare(
      'INSERT INTO relation (source_id, target_id, type, start_date, end_date, summary, attrs, created_at, updated_at, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare('SELECT * FROM relation WHERE id = ?');
    this.deleteStmt = db.prepare('DELETE FROM relation WHERE id = ?');
    this.findStmt = db
      .prepare(
        'SELECT id FROM relation WHERE source_id = ? AND target_id = ? AND type = ? AND start_date IS ? AND end_date IS ? LIMIT 1',
      )
      .pluck();
    this.countStmt = db.prepare('SELECT count(*) FROM relation').pluck();
  }

  insert(draft: RelationDraft): number {
    const at = now();
    return Number(
      this.insertStmt.run(
        draft.sourceId,
        draft.targetId,
        draft.type,
        draft.startDate ?? null,
        draft.endDate ?? null,
        draft.summary ?? '',
        '{}',
        at,
        at,
        draft.weight ?? null,
      ).lastInsertRowid,
    );
  }

  /** The same relation (ends, type, dates) if the case has it already. */
  find(draft: RelationDraft): number | null {
    return (
      (this.findStmt.get(
        draft.sourceId,
        draft.targetId,
        draft.type,
        draft.startDate ?? null,
        draft.endDate ?? null,
      ) as number | undefined) ?? null
    );
  }

  update(id: number, patch: RelationPatch): boolean {
    const row = this.getStmt.get(id) as RelationDbRow | undefined;
    if (!row) return false;
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    this.db
      .prepare(
        'UPDATE relation SET source_id = ?, target_id = ?, type = ?, start_date = ?, end_date = ?, summary = ?, weight = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        pick(patch.sourceId, row.source_id),
        pick(patch.targetId, row.target_id),
        pick(patch.type, row.type),
        pick(patch.startDate, row.start_date),
        pick(patch.endDate, row.end_date),
        pick(patch.summary, row.summary),
        pick(patch.weight, row.weight),
        now(),
        id,
      );
    return true;
  }

  delete(id: number): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  /** Points every relation of one entity at another instead (merging entities). */
  moveEnds(fromId: number, toId: number): number {
    return this.db
      .prepare(
        `UPDATE relation SET source_id = CASE WHEN source_id = @from THEN @to ELSE source_id END,
                             target_id = CASE WHEN target_id = @from THEN @to ELSE target_id END, updated_at = @at
          WHERE source_id = @from OR target_id = @from`,
      )
      .run({ from: fromId, to: toId, at: now() }).changes;
  }

  get(id: number): Relation | null {
    const row = this.getStmt.get(id) as RelationDbRow | undefined;
    return row ? toRelation(row) : null;
  }

  count(): number {
    return this.countStmt.get() as number;
  }

  /** Relations touching an entity, both directions. */
  ofEntity(entityId: number): Relation[] {
    return (
      this.db
        .prepare('SELECT * FROM relation WHERE source_id = ? OR target_id = ? ORDER BY id')
        .all(entityId, entityId) as RelationDbRow[]
    ).map(toRelation);
  }

  page(query: RelationQuery): Page<RelationRow> {
    const quick = query.quick?.trim();
    const matches = quick ? this.quick.of(quick) : null;
    const sql = relationListSql(query, undefined, matches?.table);
    const rows = this.db
      .prepare(`${sql.select} LIMIT ? OFFSET ?`)
      .all(...sql.params, query.limit, query.offset) as RelationRawRow[];
    const total = totalOf(query, rows.length, sql, this.counts, () => matches?.size ?? this.count());
    return { rows: rows.map(relationRowOf), total };
  }
}
