// Migration 0009: names are searched as they are typed. The tokenizer (unicode61 remove_diacritics 2)
// already sets accents aside, but splits a word at an apostrophe: "Sharī‘a" was indexed as "shari" and
// "a", so "Sharia" found nothing. An entity's searchable title now also holds its names without
// apostrophes, and the query folds the same way (services/search/search.ts toMatchQuery).
import type { Migration } from './index';

/** Apostrophes and their look-alikes (’ ‘ ʼ ` ´) removed from a SQL text expression. */
export const foldApostrophes = (expr: string): string =>
  ["''''", "'’'", "'‘'", "'ʼ'", "'`'", "'´'"].reduce((sql, mark) => `replace(${sql}, ${mark}, '')`, expr);

/** An entity's name and every alias, in a row of the entity table aliased e. */
const NAMES = `e.name || coalesce((SELECT ' · ' || group_concat(a.name, ' · ') FROM alias a WHERE a.entity_id = e.id), '')`;

/**
 * Adds the search rows of the entities (table alias e) that `where` picks. The title is the names as
 * written, then, when they have apostrophes, the same names without them: "Jama at" and "Jamaat"
 * both find "Jama’at".
 */
export const indexEntities = (where: string): string =>
  `INSERT INTO search_index (rowid, kind, ref, title, body)
     SELECT id * 4 + 1, 'entity', id, CASE WHEN folded <> names THEN names || ' · ' || folded ELSE names END, summary
       FROM (SELECT id, summary, names, ${foldApostrophes('names')} AS folded
               FROM (SELECT e.id, e.summary, ${NAMES} AS names FROM entity e WHERE ${where}))`;

const REFRESH_ENTITY = (id: string) => `
  DELETE FROM search_index WHERE rowid = ${id} * 4 + 1;
  ${indexEntities(`e.id = ${id}`)};`;

export const migration0009: Migration = {
  version: 9,
  name: 'search-fold',
  up: `
    DROP TRIGGER search_entity_ins;
    DROP TRIGGER search_entity_upd;
    DROP TRIGGER search_alias_ins;
    DROP TRIGGER search_alias_upd;
    DROP TRIGGER search_alias_del;
    CREATE TRIGGER search_entity_ins AFTER INSERT ON entity BEGIN ${REFRESH_ENTITY('NEW.id')} END;
    CREATE TRIGGER search_entity_upd AFTER UPDATE OF name, summary ON entity BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
      ${REFRESH_ENTITY('NEW.id')}
    END;
    CREATE TRIGGER search_alias_ins AFTER INSERT ON alias BEGIN ${REFRESH_ENTITY('NEW.entity_id')} END;
    CREATE TRIGGER search_alias_upd AFTER UPDATE ON alias BEGIN
      ${REFRESH_ENTITY('OLD.entity_id')}
      ${REFRESH_ENTITY('NEW.entity_id')}
    END;
    CREATE TRIGGER search_alias_del AFTER DELETE ON alias BEGIN ${REFRESH_ENTITY('OLD.entity_id')} END;

    DELETE FROM search_index WHERE rowid IN (SELECT id * 4 + 1 FROM entity);
    ${indexEntities('1')};
  `,
};
