// attribute table (migration 0007): the named attributes a case declares for entities and relations,
// and one expression index per attribute so the sheet sorts and filters a million rows by it.
import { ATTR_KEY, type AttributeDef, type AttrValueType } from '../../../shared/attributes';
import type { Db } from '../db';

type Kind = AttributeDef['kind'];

interface AttributeRow {
  id: number;
  kind: Kind;
  key: string;
  title: string;
  value_type: AttrValueType;
}

const TABLE: Record<Kind, string> = { entity: 'entity', relation: 'relation' };

/**
 * The SQL expression of an attribute's value in a row of `table` (aliased or not). Keys match
 * ATTR_KEY, so they never carry a quote. The sheet's queries and the index use this same text, so
 * SQLite matches them.
 */
export function attrExpr(column: string, key: string): string {
  if (!ATTR_KEY.test(key)) throw new Error(`not an attribute key: ${key}`);
  return `(${column} ->> '$.values."${key}"')`;
}

const indexName = (row: { kind: Kind; id: number }): string => `attr_${row.kind}_${row.id}`;

export class AttributeRepo {
  private readonly listStmt;
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare(
      'SELECT id, kind, key, title, value_type FROM attribute ORDER BY kind, position, id',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO attribute (kind, key, title, value_type, position)
       VALUES (?, ?, ?, ?, coalesce((SELECT max(position) + 1 FROM attribute WHERE kind = ?), 0))`,
    );
  }

  list(kind?: Kind): AttributeDef[] {
    return (this.listStmt.all() as AttributeRow[])
      .filter((r) => !kind || r.kind === kind)
      .map((r) => ({ kind: r.kind, key: r.key, title: r.title, valueType: r.value_type }));
  }

  /** Declares a new attribute (the caller checks the key is free) and indexes it. */
  declare(def: AttributeDef): void {
    this.insertStmt.run(def.kind, def.key, def.title, def.valueType, def.kind);
    this.syncIndexes();
  }

  /**
   * Makes the attribute indexes match the declarations: one per declared attribute, none for an
   * attribute gone (an undone import takes its declarations with it, and its indexes follow here).
   */
  syncIndexes(): void {
    const rows = this.listStmt.all() as AttributeRow[];
    const wanted = new Map(rows.map((r) => [indexName(r), r]));
    const existing = this.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name GLOB 'attr_*'")
      .pluck()
      .all() as string[];
    for (const name of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX "${name}"`);
    for (const [name, row] of wanted) {
      if (existing.includes(name)) continue;
      this.db.exec(`CREATE INDEX "${name}" ON ${TABLE[row.kind]} (${attrExpr('attrs', row.key)}, id)`);
    }
  }
}
