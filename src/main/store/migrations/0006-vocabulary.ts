// Migration 0006: a vocabulary per case. Entity and relation types become rows of the case file
// (how a relation reads, whether it is symmetric or part of the lineage, colour, shape or line
// style), seeded with the defaults; any type an existing case already uses is kept as a type of its
// own, so every row survives. Relations gain an optional weight (tie strength).
import { DEFAULT_VOCABULARY } from '../../../shared/vocabulary';
import type { Migration } from './index';

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const seed = [
  ...DEFAULT_VOCABULARY.entityTypes.map(
    (t, i) =>
      `('entity', ${quote(t.id)}, ${quote(t.label)}, ${quote(t.plural)}, 0, 0, ${quote(t.colour)}, ${quote(t.shape)}, NULL, ${i})`,
  ),
  ...DEFAULT_VOCABULARY.relationTypes.map(
    (t, i) =>
      `('relation', ${quote(t.id)}, ${quote(t.reads)}, NULL, ${t.symmetric ? 1 : 0}, ${t.lineage ? 1 : 0}, ${quote(t.colour)}, NULL, ${quote(t.lineStyle)}, ${i})`,
  ),
].join(',\n      ');

export const migration0006: Migration = {
  version: 6,
  name: 'vocabulary',
  up: `
    CREATE TABLE vocabulary (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('entity', 'relation')),
      key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
      -- An entity type's singular name; how a relation reads from source to target.
      label TEXT NOT NULL CHECK (length(trim(label)) > 0),
      plural TEXT,
      symmetric INTEGER NOT NULL DEFAULT 0 CHECK (symmetric IN (0, 1)),
      lineage INTEGER NOT NULL DEFAULT 0 CHECK (lineage IN (0, 1)),
      colour TEXT NOT NULL,
      shape TEXT,
      line_style TEXT,
      position INTEGER NOT NULL DEFAULT 0,
      UNIQUE (kind, key)
    );

    INSERT INTO vocabulary (kind, key, label, plural, symmetric, lineage, colour, shape, line_style, position) VALUES
      ${seed};

    INSERT INTO vocabulary (kind, key, label, plural, colour, shape, position)
      SELECT DISTINCT 'entity', type, type, type, '#5c6677', 'ellipse', 100 FROM entity
       WHERE type NOT IN (SELECT key FROM vocabulary WHERE kind = 'entity');
    INSERT INTO vocabulary (kind, key, label, colour, line_style, position)
      SELECT DISTINCT 'relation', type, replace(type, '_', ' '), '#78909c', 'solid', 100 FROM relation
       WHERE type NOT IN (SELECT key FROM vocabulary WHERE kind = 'relation');

    ALTER TABLE relation ADD COLUMN weight REAL;
  `,
};
