// Migration 0005: the analyst's own documents. A source keeps what its file said about itself
// (author, language, format, pages, file name) and the sha256 of its original bytes, which live
// once per digest in `original` — a table the undo journal never copies, so a 200 MB PDF is not
// duplicated into the journal and opens offline forever. Suggestions from assisted extraction are
// rows with a review status, so a review can be left and resumed.
import type { Migration } from './index';

export const migration0005: Migration = {
  version: 5,
  name: 'documents',
  up: `
    ALTER TABLE source ADD COLUMN author TEXT;
    ALTER TABLE source ADD COLUMN language TEXT;
    ALTER TABLE source ADD COLUMN format TEXT CHECK (format IS NULL OR format IN ('txt', 'md', 'html', 'pdf', 'docx'));
    -- Page n of the document is pages[n - 1] = [start, end): UTF-16 offsets into text.
    ALTER TABLE source ADD COLUMN pages TEXT CHECK (pages IS NULL OR json_valid(pages));
    ALTER TABLE source ADD COLUMN file_name TEXT;
    ALTER TABLE source ADD COLUMN sha256 TEXT;
    CREATE INDEX source_by_sha256 ON source (sha256);

    CREATE TABLE original (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE suggestion (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('mention', 'entity', 'relation')),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
      -- Stable identity of the suggestion within its document: a rejected key is never proposed again.
      key TEXT NOT NULL,
      score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
      start INTEGER NOT NULL,
      end INTEGER NOT NULL CHECK (end >= start),
      text TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      created_at TEXT NOT NULL,
      decided_at TEXT,
      UNIQUE (source_id, key)
    );
    CREATE INDEX suggestion_by_source ON suggestion (source_id, status, kind, start);

    -- Which names the pending suggestions of a source were computed from (derived data, not journaled).
    CREATE TABLE extraction_state (
      source_id INTEGER PRIMARY KEY REFERENCES source (id) ON DELETE CASCADE,
      names_stamp TEXT NOT NULL,
      computed_at TEXT NOT NULL
    );
  `,
};
