// Turns the sheet's sort and filter model into indexed SQL over a whitelist of column expressions.
import { attrKeyOf, isAttrColumn } from '../../shared/attributes';
import type { ColumnFilter } from '../../shared/model';
import type { Db } from './db';
import { attrExpr } from './repos/attributes';

export interface ColumnSql {
  /** SQL expression for the column (sorting and filtering). */
  expr: string;
  /** Collation used for text comparisons. */
  text?: boolean;
  /** An attribute's value (attrs.values[key]): a set filter's yes/no match its booleans (1/0). */
  attr?: boolean;
}

/** The fixed columns plus each attribute column the query names (`attr:key`), over `attrsColumn`. */
export function withAttributes<C extends string>(
  columns: Record<C, ColumnSql>,
  query: { sort?: { column: string }[]; filters?: Partial<Record<string, unknown>> },
  attrsColumn: string,
): Record<string, ColumnSql> {
  const all: Record<string, ColumnSql> = { ...columns };
  for (const id of [...(query.sort ?? []).map((s) => s.column), ...Object.keys(query.filters ?? {})]) {
    if (isAttrColumn(id)) all[id] = { expr: attrExpr(attrsColumn, attrKeyOf(id)), attr: true };
  }
  return all;
}

export interface Built {
  where: string;
  orderBy: string;
  params: unknown[];
}

/**
 * The row count that goes with a page. A short page (fewer rows than asked, not past the end)
 * already tells it, which saves a second pass over a million rows for a rare match.
 */
export function totalOf(
  page: { offset: number; limit: number },
  rows: number,
  sql: { count: string | null; params: unknown[] },
  counts: CountCache,
  all: () => number,
): number {
  if (rows < page.limit && (rows > 0 || page.offset === 0)) return page.offset + rows;
  return sql.count ? counts.get(sql.count, sql.params) : all();
}

/**
 * Row counts of filtered queries, kept until the case changes. The grid asks for a page at a time
 * and every page carries the total: without this, scrolling a filtered million-row table recounted
 * it for every block. The key includes the connection's total_changes() and data_version, which
 * move with any write by this connection (triggers included) or another one.
 */
export class CountCache {
  private readonly entries = new Map<string, number>();
  private readonly version;
  constructor(private readonly db: Db) {
    this.version = caseVersion(db);
  }

  /** The count of a `SELECT count(*) …` statement with its parameters. */
  get(sql: string, params: unknown[]): number {
    const key = `${this.version()}\u0000${sql}\u0000${JSON.stringify(params)}`;
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const value = this.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
    if (this.entries.size >= 16) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

/** Rows each connection has written to its quick-search tables, which change nothing in the case. */
const quickWrites = new WeakMap<Db, number>();

/** What a connection's reads depend on: moves with any write by it (triggers included) or another connection. */
function caseVersion(db: Db): () => string {
  const statement = db.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw();
  return () => {
    const [changes, version] = statement.get() as [number, number];
    return `${changes - (quickWrites.get(db) ?? 0)}:${version}`;
  };
}

/** How many recent quick searches keep their matches: going back to the last term costs nothing. */
const QUICK_KEPT = 4;

/**
 * The ids a quick search matches, found once and kept in a temp table of this connection until the
 * case changes: the first page, its count and every later block read that set instead of building
 * it again (the relations of a common name's 80,000 entities: the page and its count were two
 * passes of 0.4 s each, and every later block another). The last few terms keep theirs, one table
 * each. Entities do without: their page stops at its 100th match and one pass counts them.
 */
export class QuickMatches {
  /** Per table, the term and case version it holds and how many ids; most recent last. */
  private readonly held: { table: string; key: string | null; size: number }[] = [];
  private readonly version;

  /** `fill` is an `INSERT OR IGNORE INTO temp.$table (id) SELECT …` taking the term as @pattern
   * (a LIKE pattern, escaped with backslashes) and @term (lower case). */
  constructor(
    private readonly db: Db,
    table: string,
    private readonly fill: string,
  ) {
    this.version = caseVersion(db);
    for (let i = 0; i < QUICK_KEPT; i++) {
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table}_${i} (id INTEGER PRIMARY KEY)`);
      this.held.push({ table: `${table}_${i}`, key: null, size: 0 });
    }
  }

  /** The temp table holding this term's matches (filled now unless it holds them already), and how many. */
  of(term: string): { table: string; size: number } {
    const key = `${this.version()}\u0000${term}`;
    let entry = this.held.find((h) => h.key === key);
    if (!entry) {
      // The least recent one (first) takes the new term.
      entry = this.held[0]!;
      const cleared = this.db.prepare(`DELETE FROM temp.${entry.table}`).run().changes;
      entry.size = this.db
        .prepare(this.fill.replaceAll('$table', entry.table))
        .run({ pattern: `%${likeEscape(term)}%`, term: term.toLowerCase() }).changes;
      quickWrites.set(this.db, (quickWrites.get(this.db) ?? 0) + cleared + entry.size);
      entry.key = key;
    }
    this.held.splice(this.held.indexOf(entry), 1);
    this.held.push(entry);
    return entry;
  }
}

export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(expr: string, filter: ColumnFilter, params: unknown[], attr = false): string {
  switch (filter.kind) {
    case 'text': {
      const value = filter.value;
      switch (filter.op) {
        case 'blank':
          return `coalesce(${expr}, '') = ''`;
        case 'notBlank':
          return `coalesce(${expr}, '') <> ''`;
        case 'equals':
          params.push(value);
          return `${expr} = ? COLLATE NOCASE`;
        case 'startsWith':
          params.push(`${likeEscape(value)}%`);
          return `${expr} LIKE ? ESCAPE '\\'`;
        case 'notContains':
          params.push(`%${likeEscape(value)}%`);
          return `coalesce(${expr}, '') NOT LIKE ? ESCAPE '\\'`;
        case 'contains':
          params.push(`%${likeEscape(value)}%`);
          return `${expr} LIKE ? ESCAPE '\\'`;
      }
      break;
    }
    case 'set': {
      if (filter.values.length === 0) return '0';
      params.push(...filter.values.map((v) => (attr && v === 'yes' ? 1 : attr && v === 'no' ? 0 : v)));
      return `${expr} IN (${filter.values.map(() => '?').join(', ')})`;
    }
    case 'dateRange': {
      const parts: string[] = [];
      // Partial dates compare as text: '2013' <= '2013-05' <= '2013-12-31' ~ '2013\uffff'.
      if (filter.from) {
        params.push(filter.from);
        parts.push(`${expr} >= ?`);
      }
      if (filter.to) {
        params.push(`${filter.to}\uffff`);
        parts.push(`${expr} <= ?`);
      }
      return parts.length ? `(${expr} IS NOT NULL AND ${parts.join(' AND ')})` : '1';
    }
    case 'number': {
      params.push(filter.value);
      const op = filter.op === 'equals' ? '=' : filter.op === 'greaterThan' ? '>' : '<';
      return `${expr} ${op} ?`;
    }
  }
  return '1';
}

export function buildQuery<C extends string>(
  columns: Record<C, ColumnSql>,
  query: {
    sort?: { column: C; dir: 'asc' | 'desc' }[];
    filters?: Partial<Record<C, ColumnFilter>>;
    quick?: string;
  },
  quickColumns: C[],
  tieBreak: string,
): Built {
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [column, filter] of Object.entries(query.filters ?? {}) as [C, ColumnFilter | undefined][]) {
    if (!filter) continue;
    conditions.push(filterSql(columns[column].expr, filter, params, columns[column].attr));
  }
  const quick = query.quick?.trim();
  if (quick) {
    const pattern = `%${likeEscape(quick)}%`;
    conditions.push(`(${quickColumns.map((c) => `${columns[c].expr} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...quickColumns.map(() => pattern));
  }
  const order = (query.sort ?? []).map(({ column, dir }) => {
    const spec = columns[column];
    return `${spec.expr}${spec.text ? ' COLLATE NOCASE' : ''} ${dir === 'desc' ? 'DESC' : 'ASC'}`;
  });
  order.push(tieBreak);
  return {
    where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
    orderBy: `ORDER BY ${order.join(', ')}`,
    params,
  };
}
