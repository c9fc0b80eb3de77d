// relation table: rows, mappers, prepared statements.
import type { Page, Relation, RelationColumn, RelationDraft, RelationPatch, RelationQuery, RelationRow } from '../../../shared/model';
import type { Db } from '../db';
import { buildQuery, type ColumnSql } from '../query';

interface RelationDbRow {
  id: number;
  source_id: number;
  target_id: number;
  type: string;
  start_date: string | null;
  end_date: string | null;
  summary: string;
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
  corroboration: {
    expr: "(SELECT count(DISTINCT c.source_id) FROM citation c WHERE c.subject_kind = 'relation' AND c.subject_id = r.id)",
  },
  grade: {
    expr: "(SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_kind = 'relation' AND c.subject_id = r.id)",
  },
  notes: { expr: "(SELECT count(*) FROM note n WHERE n.subject_kind = 'relation' AND n.subject_id = r.id)" },
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class RelationRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly deleteStmt;
  private readonly findStmt;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO relation (source_id, target_id, type, start_date, end_date, summary, attrs, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
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
      ).lastInsertRowid,
    );
  }

  /** The same relation (ends, type, dates) if the case has it already. */
  find(draft: RelationDraft): number | null {
    return (
      (this.findStmt.get(draft.sourceId, draft.targetId, draft.type, draft.startDate ?? null, draft.endDate ?? null) as
        | number
        | undefined) ?? null
    );
  }

  update(id: number, patch: RelationPatch): boolean {
    const row = this.getStmt.get(id) as RelationDbRow | undefined;
    if (!row) return false;
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    this.db
      .prepare(
        'UPDATE relation SET source_id = ?, target_id = ?, type = ?, start_date = ?, end_date = ?, summary = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        pick(patch.sourceId, row.source_id),
        pick(patch.targetId, row.target_id),
        pick(patch.type, row.type),
        pick(patch.startDate, row.start_date),
        pick(patch.endDate, row.end_date),
        pick(patch.summary, row.summary),
        now(),
        id,
      );
    return true;
  }

  delete(id: number): boolean {
    return this.deleteStmt.run(id).changes > 0;
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
      this.db.prepare('SELECT * FROM relation WHERE source_id = ? OR target_id = ? ORDER BY id').all(entityId, entityId) as RelationDbRow[]
    ).map(toRelation);
  }

  page(query: RelationQuery): Page<RelationRow> {
    const built = buildQuery(COLUMNS, query, ['sourceName', 'targetName', 'type'], 'r.id ASC');
    let where = built.where;
    const params = [...built.params];
    if (query.entityId !== undefined) {
      where = `${where ? `${where} AND` : 'WHERE'} (r.source_id = ? OR r.target_id = ?)`;
      params.push(query.entityId, query.entityId);
    }
    const select = (Object.entries(COLUMNS) as [RelationColumn, ColumnSql][])
      .filter(([column]) => column !== 'type' && column !== 'startDate' && column !== 'endDate')
      .map(([column, spec]) => `${spec.expr} AS "${column}"`)
      .join(', ');
    const rows = this.db
      .prepare(`SELECT r.*, ${select} FROM relation r ${where} ${built.orderBy} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as (RelationDbRow &
      Pick<RelationRow, 'sourceName' | 'targetName' | 'corroboration' | 'grade' | 'notes'>)[];
    const total = where
      ? (this.db.prepare(`SELECT count(*) FROM relation r ${where}`).pluck().get(...params) as number)
      : this.count();
    return {
      rows: rows.map((r) => ({
        ...toRelation(r),
        sourceName: r.sourceName,
        targetName: r.targetName,
        corroboration: r.corroboration,
        grade: r.grade,
        notes: r.notes,
      })),
      total,
    };
  }
}
