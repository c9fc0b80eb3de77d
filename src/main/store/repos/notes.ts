// note table. Notes are private unless the analyst marks them shareable.
import type { Note, Subject } from '../../../shared/model';
import type { Db } from '../db';

interface NoteDbRow {
  id: number;
  subject_kind: Subject['kind'];
  subject_id: number | null;
  body: string;
  private: number;
  created_at: string;
  updated_at: string;
}

function toNote(row: NoteDbRow): Note {
  return {
    id: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    body: row.body,
    private: row.private === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class NoteRepo {
  private readonly listStmt;
  private readonly getStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare(
      'SELECT * FROM note WHERE subject_kind = ? AND subject_id IS ? ORDER BY updated_at DESC, id DESC',
    );
    this.getStmt = db.prepare('SELECT * FROM note WHERE id = ?');
  }

  list(subject: Subject): Note[] {
    return (this.listStmt.all(subject.kind, subject.id) as NoteDbRow[]).map(toNote);
  }

  get(id: number): Note | null {
    const row = this.getStmt.get(id) as NoteDbRow | undefined;
    return row ? toNote(row) : null;
  }

  insert(subject: Subject, body: string, isPrivate: boolean): number {
    const at = new Date().toISOString();
    return Number(
      this.db
        .prepare(
          'INSERT INTO note (subject_kind, subject_id, body, private, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(subject.kind, subject.id, body, isPrivate ? 1 : 0, at, at).lastInsertRowid,
    );
  }

  update(id: number, body: string, isPrivate: boolean): boolean {
    return (
      this.db
        .prepare('UPDATE note SET body = ?, private = ?, updated_at = ? WHERE id = ?')
        .run(body, isPrivate ? 1 : 0, new Date().toISOString(), id).changes > 0
    );
  }

  /** Moves every note of one subject to another (merging entities). */
  moveNotes(kind: 'entity' | 'relation', fromId: number, toId: number): number {
    return this.db
      .prepare('UPDATE note SET subject_id = ? WHERE subject_kind = ? AND subject_id = ?')
      .run(toId, kind, fromId).changes;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM note WHERE id = ?').run(id).changes > 0;
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM note').pluck().get() as number;
  }
}
