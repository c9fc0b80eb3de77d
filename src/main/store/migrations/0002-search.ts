// Migration 0002: one FTS5 index over entity names and aliases, entity summaries, notes and source
// text (DESIGN.md §3), kept in step with its tables by triggers. Case- and diacritic-insensitive
// (unicode61 remove_diacritics 2); prefix indexes keep type-ahead prefix queries fast.
// rowid = id * 4 + kind code (1 entity, 2 note, 3 source), so a trigger finds its row without a scan.
import type { Migration } from './index';

/** An entity's searchable title: its name and every alias, in a row of the entity table aliased e. */
export const ENTITY_TITLE = `e.name || coalesce((SELECT ' · ' || group_concat(a.name, ' · ') FROM alias a WHERE a.entity_id = e.id), '')`;

/** Adds the search rows of the entities (table alias e) that `where` picks, for bulk catch-up. */
export const indexEntities = (where: string): string =>
  `INSERT INTO search_index (rowid, kind, ref, title, body)
     SELECT e.id * 4 + 1, 'entity', e.id, ${ENTITY_TITLE}, e.summary FROM entity e WHERE ${where}`;

const REFRESH_ENTITY = (id: string) => `
  DELETE FROM search_index WHERE rowid = ${id} * 4 + 1;
  INSERT INTO search_index (rowid, kind, ref, title, body)
    SELECT e.id * 4 + 1, 'entity', e.id, ${ENTITY_TITLE}, e.summary FROM entity e WHERE e.id = ${id};`;

export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up: `
    CREATE VIRTUAL TABLE search_index USING fts5(
      kind UNINDEXED, ref UNINDEXED, title, body,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    INSERT INTO search_index (rowid, kind, ref, title, body)
      SELECT e.id * 4 + 1, 'entity', e.id, ${ENTITY_TITLE}, e.summary FROM entity e;
    INSERT INTO search_index (rowid, kind, ref, title, body)
      SELECT id * 4 + 2, 'note', id, '', body FROM note;
    INSERT INTO search_index (rowid, kind, ref, title, body)
      SELECT id * 4 + 3, 'source', id, title, text FROM source;

    CREATE TRIGGER search_entity_ins AFTER INSERT ON entity BEGIN ${REFRESH_ENTITY('NEW.id')} END;
    CREATE TRIGGER search_entity_upd AFTER UPDATE OF name, summary ON entity BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
      ${REFRESH_ENTITY('NEW.id')}
    END;
    CREATE TRIGGER search_entity_del AFTER DELETE ON entity BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
    END;

    CREATE TRIGGER search_alias_ins AFTER INSERT ON alias BEGIN ${REFRESH_ENTITY('NEW.entity_id')} END;
    CREATE TRIGGER search_alias_upd AFTER UPDATE ON alias BEGIN
      ${REFRESH_ENTITY('OLD.entity_id')}
      ${REFRESH_ENTITY('NEW.entity_id')}
    END;
    CREATE TRIGGER search_alias_del AFTER DELETE ON alias BEGIN ${REFRESH_ENTITY('OLD.entity_id')} END;

    CREATE TRIGGER search_note_ins AFTER INSERT ON note BEGIN
      INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (NEW.id * 4 + 2, 'note', NEW.id, '', NEW.body);
    END;
    CREATE TRIGGER search_note_upd AFTER UPDATE OF body ON note BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
      INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (NEW.id * 4 + 2, 'note', NEW.id, '', NEW.body);
    END;
    CREATE TRIGGER search_note_del AFTER DELETE ON note BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
    END;

    CREATE TRIGGER search_source_ins AFTER INSERT ON source BEGIN
      INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (NEW.id * 4 + 3, 'source', NEW.id, NEW.title, NEW.text);
    END;
    CREATE TRIGGER search_source_upd AFTER UPDATE OF title, text ON source BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
      INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (NEW.id * 4 + 3, 'source', NEW.id, NEW.title, NEW.text);
    END;
    CREATE TRIGGER search_source_del AFTER DELETE ON source BEGIN
      DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
    END;
  `,
};
