// suggestion table: what assisted extraction proposed for a document, with its review status.
// extraction_state (not journaled) says which case names the pending ones were computed from.
import type { Db } from '../db';

export type SuggestionKind = 'mention' | 'entity' | 'relation';
export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

export interface SuggestionRow {
  id: number;
  sourceId: number;
  kind: SuggestionKind;
  status: SuggestionStatus;
  key: string;
  score: number;
  start: number;
  end: number;
  text: string;
  /** Kind-specific fields (entityId and matched; name, type and aliases; the relation's ends…). */
  payload: Record<string, unknown>;
}

export interface SuggestionDraft {
  kind: SuggestionKind;
  key: string;
  score: number;
  start: number;
  end: number;
  text: string;
  payload: Record<string, unknown>;
}

interface DbRow extends Omit<SuggestionRow, 'payload'> {
  payload: string;
}

const now = (): string => new Date().toISOString();

const SELECT =
  'SELECT id, source_id AS sourceId, kind, status, key, score, start, end, text, payload FROM suggestion';

function rowOf(r: DbRow): SuggestionRow {
  return { ...r, payload: JSON.parse(r.payload) as Record<string, unknown> };
}

export class SuggestionRepo {
  private readonly insertStmt;
  private readonly updatePending;
  private readonly setStatusStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO suggestion (source_id, kind, key, score, start, end, text, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updatePending = db.prepare(
      "UPDATE suggestion SET score = ?, payload = ? WHERE id = ? AND status = 'pending'",
    );
    this.setStatusStmt = db.prepare('UPDATE suggestion SET status = ?, decided_at = ? WHERE id = ?');
  }

  insert(sourceId: number, draft: SuggestionDraft): number {
    return Number(
      this.insertStmt.run(
        sourceId,
        draft.kind,
        draft.key,
        draft.score,
        draft.start,
        draft.end,
        draft.text,
        JSON.stringify(draft.payload),
        now(),
      ).lastInsertRowid,
    );
  }

  listFor(sourceId: number): SuggestionRow[] {
    return (
      this.db.prepare(`${SELECT} WHERE source_id = ? ORDER BY start, kind, id`).all(sourceId) as DbRow[]
    ).map(rowOf);
  }

  get(id: number): SuggestionRow | null {
    const row = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as DbRow | undefined;
    return row ? rowOf(row) : null;
  }

  setStatus(id: number, status: SuggestionStatus): void {
    this.setStatusStmt.run(status, status === 'pending' ? null : now(), id);
  }

  /**
   * Brings a document's suggestions in line with a fresh extraction: decided ones stay as they are
   * (a rejected key is never proposed again), pending ones are updated, dropped when no longer
   * found, and new ones added.
   */
  reconcile(sourceId: number, fresh: SuggestionDraft[]): void {
    const existing = new Map(
      (
        this.db.prepare('SELECT id, key, status FROM suggestion WHERE source_id = ?').all(sourceId) as {
          id: number;
          key: string;
          status: SuggestionStatus;
        }[]
      ).map((r) => [r.key, r]),
    );
    const seen = new Set<string>();
    for (const draft of fresh) {
      if (seen.has(draft.key)) continue;
      seen.add(draft.key);
      const old = existing.get(draft.key);
      if (!old) this.insert(sourceId, draft);
      else if (old.status === 'pending')
        this.updatePending.run(draft.score, JSON.stringify(draft.payload), old.id);
    }
    const drop = this.db.prepare('DELETE FROM suggestion WHERE id = ?');
    for (const old of existing.values()) if (old.status === 'pending' && !seen.has(old.key)) drop.run(old.id);
  }

  /** The names stamp the pending suggestions were computed with, or null when never computed. */
  stamp(sourceId: number): string | null {
    return (
      (this.db
        .prepare('SELECT names_stamp FROM extraction_state WHERE source_id = ?')
        .pluck()
        .get(sourceId) as string | undefined) ?? null
    );
  }

  setStamp(sourceId: number, stamp: string): void {
    this.db
      .prepare(
        `INSERT INTO extraction_state (source_id, names_stamp, computed_at) VALUES (?, ?, ?)
         ON CONFLICT (source_id) DO UPDATE SET names_stamp = excluded.names_stamp, computed_at = excluded.computed_at`,
      )
      .run(sourceId, stamp, now());
  }
}
