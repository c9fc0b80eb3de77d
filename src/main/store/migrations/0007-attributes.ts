// Migration 0007: named attributes. Every extra column an import brings is declared here once per
// case (its key, the file's title for it, the value type inferred from its cells); the values live in
// each row's attrs JSON under attrs.values[key] (attrs.facts stays as it is). Each declared
// attribute gets an expression index (store/attributes.ts) so a million rows sort by it. Relations
// gain an index on weight for the same reason.
import type { Migration } from './index';

export const migration0007: Migration = {
  version: 7,
  name: 'attributes',
  up: `
    CREATE TABLE attribute (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('entity', 'relation')),
      key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      value_type TEXT NOT NULL CHECK (value_type IN ('number', 'boolean', 'date', 'text')),
      position INTEGER NOT NULL DEFAULT 0,
      UNIQUE (kind, key)
    );
    CREATE INDEX relation_by_weight ON relation (weight, id);
  `,
};
