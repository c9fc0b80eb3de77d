// original table: a document's original bytes, once per sha256. Not journaled: undo moves source
// rows, never these bytes; an original goes only when nothing (source or undo history) names it.
import type { Db } from '../db';

const now = (): string => new Date().toISOString();

export class OriginalRepo {
  private readonly insertStmt;
  private readonly bytesOf;
  private readonly sizeOf;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO original (sha256, size, bytes, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
    );
    this.bytesOf = db.prepare('SELECT bytes FROM original WHERE sha256 = ?').pluck();
    this.sizeOf = db.prepare('SELECT size FROM original WHERE sha256 = ?').pluck();
  }

  /** Keeps the bytes unless they are already kept. */
  put(sha256: string, bytes: Uint8Array): void {
    this.insertStmt.run(
      sha256,
      bytes.byteLength,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      now(),
    );
  }

  get(sha256: string): Buffer | null {
    return (this.bytesOf.get(sha256) as Buffer | undefined) ?? null;
  }

  size(sha256: string): number | null {
    return (this.sizeOf.get(sha256) as number | undefined) ?? null;
  }

  /** Bytes of every original the case keeps. */
  totalBytes(): number {
    return this.db.prepare('SELECT coalesce(sum(size), 0) FROM original').pluck().get() as number;
  }

  /**
   * Drops originals that no source and no undo history names any more (a source deleted and its
   * journal entry trimmed). The journal holds row images as JSON, so a digest there keeps its bytes.
   */
  collectGarbage(): number {
    return this.db
      .prepare(
        `DELETE FROM original WHERE sha256 NOT IN (SELECT sha256 FROM source WHERE sha256 IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM journal j WHERE instr(j.changes, original.sha256) > 0)
           AND NOT EXISTS (SELECT 1 FROM journal_rows r WHERE r.t = 'source' AND instr(r.image, original.sha256) > 0)`,
      )
      .run().changes;
  }
}
