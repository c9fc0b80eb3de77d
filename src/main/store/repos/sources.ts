// source and citation tables.
import type { Citation, SourceDocument, SourceSummary } from '../../../shared/model';
import type { Db } from '../db';

export interface SourceDraft {
  title: string;
  publisher?: string;
  publishedOn?: string | null;
  url?: string | null;
  reliability?: string;
  text?: string;
  attrs?: Record<string, unknown>;
}

export interface CitationDraft {
  sourceId: number;
  subjectKind: 'entity' | 'relation';
  subjectId: number;
  quote: string;
  credibility: number;
  /** Where the analyst selected the quote; when absent (or not matching) the first occurrence is used. */
  start?: number;
}

const now = (): string => new Date().toISOString();

const SUMMARY =
  'SELECT s.id, s.title, s.publisher, s.published_on AS publishedOn, s.url, s.reliability, length(s.text) AS length, (SELECT count(*) FROM citation c WHERE c.source_id = s.id) AS citationCount FROM source s';

export class SourceRepo {
  private readonly insertStmt;
  private readonly byTitle;
  private readonly insertCitation;
  private readonly findCitation;
  private readonly textOf;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO source (title, publisher, published_on, url, reliability, text, attrs, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.byTitle = db.prepare('SELECT id FROM source WHERE title = ? LIMIT 1').pluck();
    this.insertCitation = db.prepare(
      'INSERT INTO citation (source_id, subject_kind, subject_id, quote, start, end, credibility, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.findCitation = db
      .prepare('SELECT id FROM citation WHERE source_id = ? AND subject_kind = ? AND subject_id = ? AND quote = ? LIMIT 1')
      .pluck();
    this.textOf = db.prepare('SELECT text FROM source WHERE id = ?').pluck();
  }

  insert(draft: SourceDraft): number {
    const at = now();
    return Number(
      this.insertStmt.run(
        draft.title,
        draft.publisher ?? '',
        draft.publishedOn ?? null,
        draft.url ?? null,
        draft.reliability ?? 'F',
        draft.text ?? '',
        JSON.stringify(draft.attrs ?? {}),
        at,
        at,
      ).lastInsertRowid,
    );
  }

  findByTitle(title: string): number | null {
    return (this.byTitle.get(title) as number | undefined) ?? null;
  }

  list(): SourceSummary[] {
    return this.db.prepare(`${SUMMARY} ORDER BY s.title COLLATE NOCASE`).all() as SourceSummary[];
  }

  get(id: number): SourceDocument | null {
    const summary = this.db.prepare(`${SUMMARY} WHERE s.id = ?`).get(id) as SourceSummary | undefined;
    if (!summary) return null;
    return { ...summary, text: this.textOf.get(id) as string };
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM source').pluck().get() as number;
  }

  /** Adds a citation unless the same passage already supports the same subject; locates the quote in the text. */
  cite(draft: CitationDraft): number {
    const existing = this.findCitation.get(draft.sourceId, draft.subjectKind, draft.subjectId, draft.quote) as
      | number
      | undefined;
    if (existing !== undefined) return existing;
    const text = (this.textOf.get(draft.sourceId) as string | undefined) ?? '';
    const at = draft.start;
    const start = at !== undefined && text.startsWith(draft.quote, at) ? at : text.indexOf(draft.quote);
    return Number(
      this.insertCitation.run(
        draft.sourceId,
        draft.subjectKind,
        draft.subjectId,
        draft.quote,
        start >= 0 ? start : null,
        start >= 0 ? start + draft.quote.length : null,
        draft.credibility,
        now(),
      ).lastInsertRowid,
    );
  }

  getCitation(id: number): Citation | null {
    return (
      (this.db
        .prepare(
          `SELECT c.id, c.source_id AS sourceId, s.title AS sourceTitle, c.subject_kind AS subjectKind, c.subject_id AS subjectId,
                  c.quote, c.start, c.end, c.credibility, s.reliability
             FROM citation c JOIN source s ON s.id = c.source_id WHERE c.id = ?`,
        )
        .get(id) as Citation | undefined) ?? null
    );
  }

  deleteCitation(id: number): boolean {
    return this.db.prepare('DELETE FROM citation WHERE id = ?').run(id).changes > 0;
  }

  setReliability(id: number, reliability: string): boolean {
    return this.db.prepare('UPDATE source SET reliability = ?, updated_at = ? WHERE id = ?').run(reliability, now(), id).changes > 0;
  }

  /** Moves every citation of one subject to another (merging entities). */
  moveCitations(kind: 'entity' | 'relation', fromId: number, toId: number): number {
    return this.db
      .prepare('UPDATE citation SET subject_id = ? WHERE subject_kind = ? AND subject_id = ?')
      .run(toId, kind, fromId).changes;
  }

  citationsOf(subjectKind: 'entity' | 'relation', subjectId: number): Citation[] {
    return this.db
      .prepare(
        `SELECT c.id, c.source_id AS sourceId, s.title AS sourceTitle, c.subject_kind AS subjectKind, c.subject_id AS subjectId,
                c.quote, c.start, c.end, c.credibility, s.reliability
           FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.subject_kind = ? AND c.subject_id = ? ORDER BY c.id`,
      )
      .all(subjectKind, subjectId) as Citation[];
  }

  citationsIn(sourceId: number): Citation[] {
    return this.db
      .prepare(
        `SELECT c.id, c.source_id AS sourceId, s.title AS sourceTitle, c.subject_kind AS subjectKind, c.subject_id AS subjectId,
                c.quote, c.start, c.end, c.credibility, s.reliability
           FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.source_id = ? ORDER BY c.start`,
      )
      .all(sourceId) as Citation[];
  }
}
