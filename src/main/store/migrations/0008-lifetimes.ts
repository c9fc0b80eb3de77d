// Migration 0008: time that tells the truth. Entities get an optional lifetime (active from / to,
// partial ISO dates: "2013" covers the whole year), and a citation may name the field it supports
// (a lifetime end, a relation's date) instead of its subject as a whole.
import type { Migration } from './index';

export const migration0008: Migration = {
  version: 8,
  name: 'lifetimes',
  up: `
    ALTER TABLE entity ADD COLUMN active_from TEXT;
    ALTER TABLE entity ADD COLUMN active_to TEXT;
    CREATE INDEX entity_by_active_from ON entity (active_from, id);
    CREATE INDEX entity_by_active_to ON entity (active_to, id);
    -- null: the citation supports its subject as a whole; else the field it states ('activeFrom', 'startDate'…).
    ALTER TABLE citation ADD COLUMN field TEXT;
  `,
};
