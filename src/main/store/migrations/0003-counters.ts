// Migration 0003: the sheet's computed columns (citations, best grade, corroboration, notes) kept as
// indexed columns, maintained by triggers, so sorting a million rows by them is an index walk instead
// of a count per row (457 ms → an index scan in bench/sheet.bench.ts).
import type { Migration } from './index';

const entityCounts = (id: string) => `
  UPDATE entity SET
    citation_count = (SELECT count(*) FROM citation c WHERE c.subject_kind = 'entity' AND c.subject_id = entity.id),
    grade = (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
              WHERE c.subject_kind = 'entity' AND c.subject_id = entity.id)
  WHERE id = ${id};`;

const relationCounts = (id: string) => `
  UPDATE relation SET
    corroboration = (SELECT count(DISTINCT c.source_id) FROM citation c WHERE c.subject_kind = 'relation' AND c.subject_id = relation.id),
    grade = (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
              WHERE c.subject_kind = 'relation' AND c.subject_id = relation.id)
  WHERE id = ${id};`;

/** Recounts what a citation row (NEW or OLD) supports. */
const citationSubject = (row: 'NEW' | 'OLD') => `
  ${entityCounts(`(CASE WHEN ${row}.subject_kind = 'entity' THEN ${row}.subject_id END)`)}
  ${relationCounts(`(CASE WHEN ${row}.subject_kind = 'relation' THEN ${row}.subject_id END)`)}`;

const noteSubject = (row: 'NEW' | 'OLD') => `
  UPDATE entity SET note_count = (SELECT count(*) FROM note n WHERE n.subject_kind = 'entity' AND n.subject_id = entity.id)
   WHERE ${row}.subject_kind = 'entity' AND id = ${row}.subject_id;
  UPDATE relation SET note_count = (SELECT count(*) FROM note n WHERE n.subject_kind = 'relation' AND n.subject_id = relation.id)
   WHERE ${row}.subject_kind = 'relation' AND id = ${row}.subject_id;`;

export const migration0003: Migration = {
  version: 3,
  name: 'counters',
  up: `
    ALTER TABLE entity ADD COLUMN citation_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entity ADD COLUMN grade TEXT;
    ALTER TABLE entity ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE relation ADD COLUMN corroboration INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE relation ADD COLUMN grade TEXT;
    ALTER TABLE relation ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;

    ${entityCounts('entity.id')}
    UPDATE entity SET note_count = (SELECT count(*) FROM note n WHERE n.subject_kind = 'entity' AND n.subject_id = entity.id);
    ${relationCounts('relation.id')}
    UPDATE relation SET note_count = (SELECT count(*) FROM note n WHERE n.subject_kind = 'relation' AND n.subject_id = relation.id);

    CREATE INDEX entity_by_citations ON entity (citation_count, id);
    CREATE INDEX entity_by_grade ON entity (grade, id);
    CREATE INDEX entity_by_notes ON entity (note_count, id);
    CREATE INDEX relation_by_corroboration ON relation (corroboration, id);
    CREATE INDEX relation_by_grade ON relation (grade, id);
    CREATE INDEX relation_by_notes ON relation (note_count, id);

    CREATE TRIGGER counters_citation_ins AFTER INSERT ON citation BEGIN ${citationSubject('NEW')} END;
    CREATE TRIGGER counters_citation_del AFTER DELETE ON citation BEGIN ${citationSubject('OLD')} END;
    CREATE TRIGGER counters_citation_upd AFTER UPDATE ON citation BEGIN ${citationSubject('OLD')} ${citationSubject('NEW')} END;
    CREATE TRIGGER counters_source_grade AFTER UPDATE OF reliability ON source BEGIN
      UPDATE entity SET grade = (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
                                  WHERE c.subject_kind = 'entity' AND c.subject_id = entity.id)
       WHERE id IN (SELECT subject_id FROM citation WHERE source_id = NEW.id AND subject_kind = 'entity');
      UPDATE relation SET grade = (SELECT min(s.reliability || c.credibility) FROM citation c JOIN source s ON s.id = c.source_id
                                    WHERE c.subject_kind = 'relation' AND c.subject_id = relation.id)
       WHERE id IN (SELECT subject_id FROM citation WHERE source_id = NEW.id AND subject_kind = 'relation');
    END;
    CREATE TRIGGER counters_note_ins AFTER INSERT ON note BEGIN ${noteSubject('NEW')} END;
    CREATE TRIGGER counters_note_del AFTER DELETE ON note BEGIN ${noteSubject('OLD')} END;
    CREATE TRIGGER counters_note_upd AFTER UPDATE OF subject_kind, subject_id ON note BEGIN ${noteSubject('OLD')} ${noteSubject('NEW')} END;
  `,
};
