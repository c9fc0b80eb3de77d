// vocabulary table: the case's entity and relation types (migration 0006). Journaled, so adding,
// recolouring, merging and deleting types undo like any edit.
import type {
  EntityTypeDef,
  LineStyle,
  NodeShape,
  RelationTypeDef,
  Vocabulary,
} from '../../../shared/vocabulary';
import type { Db } from '../db';

export type TypeKind = 'entity' | 'relation';

interface VocabularyRow {
  kind: TypeKind;
  key: string;
  label: string;
  plural: string | null;
  symmetric: number;
  lineage: number;
  colour: string;
  shape: string | null;
  line_style: string | null;
}

function entityType(row: VocabularyRow): EntityTypeDef {
  return {
    id: row.key,
    label: row.label,
    plural: row.plural ?? row.label,
    colour: row.colour,
    shape: (row.shape ?? 'ellipse') as NodeShape,
  };
}

function relationType(row: VocabularyRow): RelationTypeDef {
  return {
    id: row.key,
    reads: row.label,
    symmetric: row.symmetric === 1,
    lineage: row.lineage === 1,
    colour: row.colour,
    lineStyle: (row.line_style ?? 'solid') as LineStyle,
  };
}

export class VocabularyRepo {
  private readonly all;
  private readonly has;
  private readonly upsert;

  constructor(private readonly db: Db) {
    this.all = db.prepare('SELECT * FROM vocabulary ORDER BY kind, position, id');
    this.has = db.prepare('SELECT 1 FROM vocabulary WHERE kind = ? AND key = ?').pluck();
    this.upsert = db.prepare(
      `INSERT INTO vocabulary (kind, key, label, plural, symmetric, lineage, colour, shape, line_style, position)
       VALUES (@kind, @key, @label, @plural, @symmetric, @lineage, @colour, @shape, @line_style,
               coalesce((SELECT max(position) + 1 FROM vocabulary WHERE kind = @kind), 0))
       ON CONFLICT (kind, key) DO UPDATE SET label = excluded.label, plural = excluded.plural, symmetric = excluded.symmetric,
         lineage = excluded.lineage, colour = excluded.colour, shape = excluded.shape, line_style = excluded.line_style`,
    );
  }

  list(): Vocabulary {
    const rows = this.all.all() as VocabularyRow[];
    return {
      entityTypes: rows.filter((r) => r.kind === 'entity').map(entityType),
      relationTypes: rows.filter((r) => r.kind === 'relation').map(relationType),
    };
  }

  exists(kind: TypeKind, key: string): boolean {
    return this.has.get(kind, key) !== undefined;
  }

  saveEntityType(t: EntityTypeDef): void {
    this.upsert.run({
      kind: 'entity',
      key: t.id,
      label: t.label,
      plural: t.plural,
      symmetric: 0,
      lineage: 0,
      colour: t.colour,
      shape: t.shape,
      line_style: null,
    });
  }

  saveRelationType(t: RelationTypeDef): void {
    this.upsert.run({
      kind: 'relation',
      key: t.id,
      label: t.reads,
      plural: null,
      symmetric: t.symmetric ? 1 : 0,
      lineage: t.lineage ? 1 : 0,
      colour: t.colour,
      shape: null,
      line_style: t.lineStyle,
    });
  }

  delete(kind: TypeKind, key: string): boolean {
    return this.db.prepare('DELETE FROM vocabulary WHERE kind = ? AND key = ?').run(kind, key).changes > 0;
  }

  /** How many entities or relations carry each type. */
  usage(kind: TypeKind): Map<string, number> {
    const table = kind === 'entity' ? 'entity' : 'relation';
    const rows = this.db.prepare(`SELECT type, count(*) AS n FROM ${table} GROUP BY type`).all() as {
      type: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.type, r.n]));
  }
}
