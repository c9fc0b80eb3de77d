// Migration 0001: the case data model of DESIGN.md §3 (entities, aliases, relations, sources,
// citations, notes, the undo journal and per-case settings).
import type { Migration } from './index';

export const migration0001: Migration = {
  version: 1,
  name: 'init',
  up: `
    CREATE TABLE entity (
      id INTEGER PRIMARY KEY,
      type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      name_norm TEXT NOT NULL,
      summary TEXT NOT NULL DEFAULT '',
      attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
      tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX entity_by_name ON entity (name COLLATE NOCASE, id);
    CREATE INDEX entity_by_norm ON entity (name_norm);
    CREATE INDEX entity_by_type ON entity (type, name COLLATE NOCASE, id);
    CREATE INDEX entity_by_updated ON entity (updated_at, id);

    CREATE TABLE alias (
      id INTEGER PRIMARY KEY,
      entity_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      name_norm TEXT NOT NULL,
      UNIQUE (entity_id, name_norm)
    );
    CREATE INDEX alias_by_norm ON alias (name_norm);

    CREATE TABLE relation (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
      target_id INTEGER NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
      start_date TEXT,
      end_date TEXT,
      summary TEXT NOT NULL DEFAULT '',
      attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX relation_by_source ON relation (source_id, type);
    CREATE INDEX relation_by_target ON relation (target_id, type);
    CREATE INDEX relation_by_type ON relation (type, id);
    CREATE INDEX relation_by_start ON relation (start_date, id);

    CREATE TABLE source (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      publisher TEXT NOT NULL DEFAULT '',
      published_on TEXT,
      url TEXT,
      reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
      text TEXT NOT NULL DEFAULT '',
      attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE citation (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
      subject_kind TEXT NOT NULL CHECK (subject_kind IN ('entity', 'relation')),
      subject_id INTEGER NOT NULL,
      quote TEXT NOT NULL,
      start INTEGER,
      end INTEGER,
      credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
      created_at TEXT NOT NULL
    );
    CREATE INDEX citation_by_subject ON citation (subject_kind, subject_id, source_id);
    CREATE INDEX citation_by_source ON citation (source_id);

    CREATE TABLE note (
      id INTEGER PRIMARY KEY,
      subject_kind TEXT NOT NULL CHECK (subject_kind IN ('case', 'entity', 'relation', 'source')),
      subject_id INTEGER,
      body TEXT NOT NULL DEFAULT '',
      private INTEGER NOT NULL DEFAULT 1 CHECK (private IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX note_by_subject ON note (subject_kind, subject_id);

    -- Citations and notes point at entities or relations polymorphically, so no foreign key can
    -- cascade for them: these triggers keep them from dangling.
    CREATE TRIGGER entity_cleanup AFTER DELETE ON entity BEGIN
      DELETE FROM citation WHERE subject_kind = 'entity' AND subject_id = OLD.id;
      DELETE FROM note WHERE subject_kind = 'entity' AND subject_id = OLD.id;
    END;
    CREATE TRIGGER relation_cleanup AFTER DELETE ON relation BEGIN
      DELETE FROM citation WHERE subject_kind = 'relation' AND subject_id = OLD.id;
      DELETE FROM note WHERE subject_kind = 'relation' AND subject_id = OLD.id;
    END;
    CREATE TRIGGER source_cleanup AFTER DELETE ON source BEGIN
      DELETE FROM note WHERE subject_kind = 'source' AND subject_id = OLD.id;
    END;

    -- Undo/redo journal: one row per user action, holding the row images it changed.
    CREATE TABLE journal (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL,
      changes TEXT NOT NULL CHECK (json_valid(changes)),
      undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
      created_at TEXT NOT NULL
    );

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    );
  `,
};
