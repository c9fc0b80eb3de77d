// source and citation tables.
import type {
  Citation,
  CitedField,
  DocumentFormat,
  PageSpan,
  SourceDocument,
  SourceSummary,
} from '../../../shared/model';
import type { Db } from '../db';

export interface SourceDraft {
  title: string;
  publisher?: string;
  publishedOn?: string | null;
  url?: string | null;
  reliability?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  author?: string | null;
  language?: string | null;
  format?: DocumentFormat | null;
  /** Page spans of a paged document, in page order. */
  pages?: PageSpan[] | null;
  fileName?: string | null;
  /** Digest of the original bytes, stored once in the original table. */
  sha256?: string | null;
}

/** Fields of a source the analyst edits. */
export interface SourcePatch {
  title?: string;
  publisher?: string;
  author?: string | null;
  publishedOn?: string | null;
  origin?: string | null;
  language?: string | null;
  reliability?: string;
}

const PATCH_COLUMNS: Record<keyof SourcePatch, string> = {
  title: 'title',
  publisher: 'publisher',
  author: 'author',
  publishedOn: 'published_on',
  origin: 'url',
  language: 'language',
  reliability: 'reliability',
};

export interface CitationDraft {
  sourceId: number;
  subjectKind: 'entity' | 'relation';
  subjectId: number;
  quote: string;
  credibility: number;
  /** Where the analyst selected the quote; when absent (or not matching) the first occurrence is used. */
  start?: number;
  /** The field of the subject the passage states (a lifetime end, a date); absent: the subject as a whole. */
  field?: CitedField | null;
}

const now = (): string => new Date().toISOString();

const SUMMARY = `
  SELECT s.id, s.title, s.publisher, s.author, s.published_on AS publishedOn, s.url AS origin, s.language, s.reliability,
         s.format, json_array_length(s.pages) AS pageCount, s.file_name AS fileName,
         (SELECT o.size FROM original o WHERE o.sha256 = s.sha256) AS originalSize,
         length(s.text) AS length,
         (SELECT count(*) FROM citation c WHERE c.source_id = s.id) AS citationCount,
         (SELECT count(*) FROM suggestion g WHERE g.source_id = s.id AND g.status = 'pending') AS pendingSuggestions
    FROM source s`;

function pagesOf(json: string | null): PageSpan[] | null {
  if (!json) return null;
  return (JSON.parse(json) as [number, number][]).map(([start, end], i) => ({ number: i + 1, start, end }));
}

export class SourceRepo {
  private readonly insertStmt;
  private readonly byTitle;
  private readonly insertCitation;
  private readonly findCitation;
  private readonly textOf;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO source (title, publisher, published_on, url, reliability, text, attrs, created_at, updated_at,
                           author, language, format, pages, file_name, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byTitle = db.prepare('SELECT id FROM source WHERE title = ? LIMIT 1').pluck();
    this.insertCitation = db.prepare(
      'INSERT INTO citation (source_id, subject_kind, subject_id, quote, start, end, credibility, created_at, field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.findCitation = db
      .prepare(
        'SELECT id FROM citation WHERE source_id = ? AND subject_kind = ? AND subject_id = ? AND quote = ? AND field IS ? LIMIT 1',
      )
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
        draft.author ?? null,
        draft.language ?? null,
        draft.format ?? null,
        draft.pages ? JSON.stringify(draft.pages.map((p) => [p.start, p.end])) : null,
        draft.fileName ?? null,
        draft.sha256 ?? null,
      ).lastInsertRowid,
    );
  }

  findByTitle(title: string): number | null {
    return (this.byTitle.get(title) as number | undefined) ?? null;
  }

  list(): SourceSummary[] {
    return this.db.prepare(`${SUMMARY} ORDER BY s.title COLLATE NOCASE`).all() as SourceSummary[];
  }

  summary(id: number): SourceSummary | null {
    return (this.db.prepare(`${SUMMARY} WHERE s.id = ?`).get(id) as SourceSummary | undefined) ?? null;
  }

  get(id: number): SourceDocument | null {
    const summary = this.summary(id);
    if (!summary) return null;
    const row = this.db.prepare('SELECT text, pages FROM source WHERE id = ?').get(id) as {
      text: string;
      pages: string | null;
    };
    return { ...summary, text: row.text, pages: pagesOf(row.pages) };
  }

  /** The stored text citation offsets index (never re-extracted). */
  text(id: number): string | null {
    return (this.textOf.get(id) as string | undefined) ?? null;
  }

  sha256Of(id: number): string | null {
    return (
      (this.db.prepare('SELECT sha256 FROM source WHERE id = ?').pluck().get(id) as
        string | null | undefined) ?? null
    );
  }

  /** The source already holding these original bytes, if any. */
  findBySha256(sha256: string): number | null {
    return (
      (this.db.prepare('SELECT id FROM source WHERE sha256 = ? LIMIT 1').pluck().get(sha256) as
        number | undefined) ?? null
    );
  }

  update(id: number, patch: SourcePatch): boolean {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [
      keyof SourcePatch,
      unknown,
    ][];
    if (entries.length === 0) return this.summary(id) !== null;
    const sets = entries.map(([k]) => `${PATCH_COLUMNS[k]} = ?`).join(', ');
    return (
      this.db
        .prepare(`UPDATE source SET ${sets}, updated_at = ? WHERE id = ?`)
        .run(...entries.map(([, v]) => v), now(), id).changes > 0
    );
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM source WHERE id = ?').run(id).changes > 0;
  }

  citationCount(id: number): number {
    return this.db.prepare('SELECT count(*) FROM citation WHERE source_id = ?').pluck().get(id) as number;
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM source').pluck().get() as number;
  }

  /** Adds a citation unless the same passage already supports the same subject; locates the quote in the text. */
  cite(draft: CitationDraft): number {
    const existing = this.findCitation.get(
      draft.sourceId,
      draft.subjectKind,
      draft.subjectId,
      draft.quote,
      draft.field ?? null,
    ) as number | undefined;
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
        draft.field ?? null,
      ).lastInsertRowid,
    );
  }

  getCitation(id: number): Citation | null {
    return (
      (this.db
        .prepare(
          `SELECT c.id, c.source_id AS sourceId, s.title AS sourceTitle, c.subject_kind AS subjectKind, c.subject_id AS subjectId,
                  c.quote, c.start, c.end, c.credibility, s.reliability, c.field
             FROM citation c JOIN source s ON s.id = c.source_id WHERE c.id = ?`,
        )
        .get(id) as Citation | undefined) ?? null
    );
  }

  deleteCitation(id: number): boolean {
    return this.db.prepare('DELETE FROM citation WHERE id = ?').run(id).changes > 0;
  }

  setReliability(id: number, reliability: string): boolean {
    return (
      this.db
        .prepare('UPDATE source SET reliability = ?, updated_at = ? WHERE id = ?')
        .run(reliability, now(), id).changes > 0
    );
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
                c.quote, c.start, c.end, c.credibility, s.reliability, c.field
           FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.subject_kind = ? AND c.subject_id = ? ORDER BY c.id`,
      )
      .all(subjectKind, subjectId) as Citation[];
  }

  citationsIn(sourceId: number): Citation[] {
    return this.db
      .prepare(
        `SELECT c.id, c.source_id AS sourceId, s.title AS sourceTitle, c.subject_kind AS subjectKind, c.subject_id AS subjectId,
                c.quote, c.start, c.end, c.credibility, s.reliability, c.field
           FROM citation c JOIN source s ON s.id = c.source_id
          WHERE c.source_id = ? ORDER BY c.start`,
      )
      .all(sourceId) as Citation[];
  }
}
