// entity + alias tables: rows, mappers, prepared statements.
import type {
  Entity,
  EntityColumn,
  EntityDraft,
  EntityPatch,
  EntityQuery,
  EntityRow,
  Page,
} from '../../../shared/model';
import { normalizeName } from '../../../shared/text';
import type { Db } from '../db';
import type { AttrValues } from '../../../shared/attributes';
import { attrKeyOf, isAttrColumn } from '../../../shared/attributes';
import { buildQuery, CountCache, likeEscape, totalOf, withAttributes, type ColumnSql } from '../query';
import { attrExpr } from './attributes';

export interface EntityDbRow {
  id: number;
  type: string;
  name: string;
  summary: string;
  attrs: string;
  tags: string;
  active_from: string | null;
  active_to: string | null;
  created_at: string;
  updated_at: string;
}

const now = (): string => new Date().toISOString();

const COLUMNS: Record<EntityColumn, ColumnSql> = {
  type: { expr: 'e.type' },
  name: { expr: 'e.name', text: true },
  aliases: { expr: "(SELECT group_concat(a.name, '; ') FROM alias a WHERE a.entity_id = e.id)", text: true },
  summary: { expr: 'e.summary', text: true },
  // Partial ISO dates sort and filter as text ('2013' < '2013-01' < '2014'), on their own indexes.
  activeFrom: { expr: 'e.active_from' },
  activeTo: { expr: 'e.active_to' },
  tags: { expr: 'e.tags' },
  // Kept by triggers (migration 0003) and indexed, so these sort at a million rows.
  citations: { expr: 'e.citation_count' },
  grade: { expr: 'e.grade' },
  notes: { expr: 'e.note_count' },
  updatedAt: { expr: 'e.updated_at' },
};

/** Columns whose text the quick search can look in (counts and dates are not searched as text). */
const QUICK_TEXT: Partial<Record<EntityColumn, string>> = {
  type: 'e.type',
  name: 'e.name',
  summary: 'e.summary',
  tags: 'e.tags',
};
const QUICK_DEFAULT: EntityColumn[] = ['name', 'aliases', 'summary'];

export type EntityListQuery = Omit<EntityQuery, 'offset' | 'limit'>;
export type EntityRawRow = Omit<EntityRow, 'aliases' | 'tags' | 'values'> & {
  aliases: string | null;
  tags: string;
  attrValues: string | null;
};

export function entityRowOf(r: EntityRawRow): EntityRow {
  const { attrValues, ...row } = r;
  return {
    ...row,
    aliases: r.aliases ?? '',
    tags: r.tags === '[]' ? '' : (JSON.parse(r.tags) as string[]).join(', '),
    values: attrValues ? (JSON.parse(attrValues) as AttrValues) : {},
  };
}

/**
 * The sheet's query as SQL (the grid pages it; the CSV export iterates it): rows in order, and
 * their count (null when unfiltered: the table count is cheaper).
 */
export function entityListSql(
  query: EntityListQuery,
  /** Only these columns (the CSV export's), instead of every one the grid shows. */
  only?: readonly string[],
): {
  select: string;
  count: string | null;
  params: unknown[];
} {
  const sort = query.sort ?? [];
  const last = sort[sort.length - 1];
  const dir = last?.dir === 'desc' ? 'DESC' : 'ASC';
  // Sorting by type walks the (type, name, id) index when the tie-break follows it.
  const tieBreak = last?.column === 'type' ? `e.name COLLATE NOCASE ${dir}, e.id ${dir}` : `e.id ${dir}`;
  const built = buildQuery(
    withAttributes(COLUMNS, query, 'e.attrs'),
    { ...query, quick: undefined },
    [],
    tieBreak,
  );
  const conditions = built.where ? [built.where.replace(/^WHERE /, '')] : [];
  const params = [...built.params];
  const quick = query.quick?.trim();
  if (quick) {
    // One pass over the row's columns, one over aliases (not an alias list per row).
    const pattern = `%${likeEscape(quick)}%`;
    const columns = query.quickIn ?? QUICK_DEFAULT;
    const parts = columns.flatMap((column) => {
      if (column === 'aliases')
        return ["e.id IN (SELECT a.entity_id FROM alias a WHERE a.name LIKE ? ESCAPE '\\')"];
      const expr = isAttrColumn(column)
        ? attrExpr('e.attrs', attrKeyOf(column))
        : QUICK_TEXT[column as EntityColumn];
      return expr ? [`${expr} LIKE ? ESCAPE '\\'`] : [];
    });
    // No shown column holds text: nothing can match.
    conditions.push(parts.length ? `(${parts.join(' OR ')})` : '0');
    params.push(...parts.map(() => pattern));
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const select = (Object.entries(COLUMNS) as [EntityColumn, ColumnSql][])
    .filter(([column]) => !only || only.includes(column))
    .map(([column, spec]) => `, ${spec.expr} AS "${column}"`)
    .join('');
  const values =
    !only || only.some((c) => c.startsWith('attr:')) ? `, e.attrs -> '$.values' AS "attrValues"` : '';
  return {
    select: `SELECT e.id AS id${select}${values} FROM entity e ${where} ${built.orderBy}`,
    count: where ? `SELECT count(*) FROM entity e ${where}` : null,
    params,
  };
}

export class EntityRepo {
  private readonly insertStmt;
  private readonly insertAlias;
  private readonly deleteAliases;
  private readonly getStmt;
  private readonly aliasesOf;
  private readonly deleteStmt;
  private readonly byNorm;
  private readonly countStmt;
  private readonly counts;

  constructor(private readonly db: Db) {
    this.counts = new CountCache(db);
    this.insertStmt = db.prepare(
      'INSERT INTO entity (type, name, name_norm, summary, attrs, tags, created_at, updated_at, active_from, active_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAlias = db.prepare(
      'INSERT OR IGNORE INTO alias (entity_id, name, name_norm) VALUES (?, ?, ?)',
    );
    this.deleteAliases = db.prepare('DELETE FROM alias WHERE entity_id = ?');
    this.getStmt = db.prepare('SELECT * FROM entity WHERE id = ?');
    this.aliasesOf = db.prepare('SELECT name FROM alias WHERE entity_id = ? ORDER BY id').pluck();
    this.deleteStmt = db.prepare('DELETE FROM entity WHERE id = ?');
    this.byNorm = db
      .prepare(
        'SELECT id FROM entity WHERE name_norm = ? UNION SELECT entity_id FROM alias WHERE name_norm = ? ORDER BY 1 LIMIT 1',
      )
      .pluck();
    this.countStmt = db.prepare('SELECT count(*) FROM entity').pluck();
  }

  insert(draft: EntityDraft, attrs: Record<string, unknown> = {}): number {
    const at = now();
    const id = Number(
      this.insertStmt.run(
        draft.type,
        draft.name.trim(),
        normalizeName(draft.name),
        draft.summary ?? '',
        JSON.stringify(attrs),
        JSON.stringify(draft.tags ?? []),
        at,
        at,
        draft.activeFrom ?? null,
        draft.activeTo ?? null,
      ).lastInsertRowid,
    );
    this.setAliases(id, draft.name, draft.aliases ?? []);
    return id;
  }

  /** The store's bulk path: one prepared statement reused for many rows, inside the caller's transaction. */
  insertMany(drafts: Iterable<EntityDraft>): number {
    const at = now();
    let count = 0;
    for (const draft of drafts) {
      const id = this.insertStmt.run(
        draft.type,
        draft.name,
        normalizeName(draft.name),
        draft.summary ?? '',
        '{}',
        '[]',
        at,
        at,
        draft.activeFrom ?? null,
        draft.activeTo ?? null,
      ).lastInsertRowid;
      if (draft.aliases?.length) this.setAliases(Number(id), draft.name, draft.aliases);
      count++;
    }
    return count;
  }

  /** Adds aliases an entity does not have yet (its own name is never an alias of itself). */
  addAliases(id: number, names: string[]): void {
    const row = this.getStmt.get(id) as EntityDbRow & { name_norm: string };
    this.setAliases(id, row.name, names);
  }

  private setAliases(id: number, name: string, aliases: string[]): void {
    const own = normalizeName(name);
    for (const alias of aliases) {
      const trimmed = alias.trim();
      const norm = normalizeName(trimmed);
      if (trimmed && norm !== own) this.insertAlias.run(id, trimmed, norm);
    }
  }

  update(id: number, patch: EntityPatch): boolean {
    const row = this.getStmt.get(id) as EntityDbRow | undefined;
    if (!row) return false;
    const name = patch.name?.trim() ?? row.name;
    this.db
      .prepare(
        'UPDATE entity SET type = ?, name = ?, name_norm = ?, summary = ?, tags = ?, active_from = ?, active_to = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        patch.type ?? row.type,
        name,
        normalizeName(name),
        patch.summary ?? row.summary,
        patch.tags ? JSON.stringify(patch.tags) : row.tags,
        patch.activeFrom === undefined ? row.active_from : patch.activeFrom,
        patch.activeTo === undefined ? row.active_to : patch.activeTo,
        now(),
        id,
      );
    if (patch.aliases) {
      this.deleteAliases.run(id);
      this.setAliases(id, name, patch.aliases);
    }
    return true;
  }

  setTags(id: number, tags: string[]): void {
    this.db.prepare('UPDATE entity SET tags = ? WHERE id = ?').run(JSON.stringify(tags), id);
  }

  setAttrs(id: number, attrs: Record<string, unknown>): void {
    this.db
      .prepare('UPDATE entity SET attrs = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(attrs), now(), id);
  }

  delete(id: number): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  get(id: number): Entity | null {
    const row = this.getStmt.get(id) as EntityDbRow | undefined;
    return row ? this.toEntity(row) : null;
  }

  exists(id: number): boolean {
    return this.getStmt.get(id) !== undefined;
  }

  /** Finds an entity whose name or alias matches, case-, diacritic- and apostrophe-insensitively. */
  findByName(name: string): number | null {
    const norm = normalizeName(name);
    return (this.byNorm.get(norm, norm) as number | undefined) ?? null;
  }

  count(): number {
    return this.countStmt.get() as number;
  }

  page(query: EntityQuery): Page<EntityRow> {
    const sql = entityListSql(query);
    const rows = this.db
      .prepare(`${sql.select} LIMIT ? OFFSET ?`)
      .all(...sql.params, query.limit, query.offset) as EntityRawRow[];
    const total = totalOf(query, rows.length, sql, this.counts, () => this.count());
    return { rows: rows.map(entityRowOf), total };
  }

  /** The row index of an entity in the sheet's order (null when the query leaves it out). */
  position(id: number, query: EntityListQuery): number | null {
    const sql = entityListSql(query, []);
    const index = this.db
      .prepare(`SELECT n FROM (SELECT id, row_number() OVER () - 1 AS n FROM (${sql.select})) WHERE id = ?`)
      .pluck()
      .get(...sql.params, id) as number | undefined;
    return index ?? null;
  }

  private toEntity(row: EntityDbRow): Entity {
    return {
      id: row.id,
      type: row.type,
      name: row.name,
      aliases: this.aliasesOf.all(row.id) as string[],
      summary: row.summary,
      tags: JSON.parse(row.tags) as string[],
      attrs: JSON.parse(row.attrs) as Entity['attrs'],
      activeFrom: row.active_from,
      activeTo: row.active_to,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
