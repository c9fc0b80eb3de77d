// Bench cases for the sheet: N entities and M relations written straight through the store's
// bulk path (indexes set aside and rebuilt once), with a few sources and citations so grades and
// corroboration have values. Built once per size and kept under .bench/sheet-data/.
import fs from 'node:fs';
import path from 'node:path';
import { CaseStore } from '../src/main/store';
import { bulkInsertEntities } from '../src/main/store/bulk';
import type { EntityDraft } from '../src/shared/model';
import { ENTITY_TYPES, RELATION_TYPE_NAMES } from '../src/shared/vocab';

const VERSION = 2;
const WORDS = [
  'Katiba',
  'Ansar',
  'Jama’at',
  'Brigade',
  'Front',
  'Movement',
  'Sahel',
  'Maghreb',
  'Mourabitoune',
  'Tawhid',
  'Furqan',
  'Salafia',
];

export function entityName(i: number): string {
  return `${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 13 + 5) % WORDS.length]} ${(i * 7919).toString(36)}`;
}

function* entityDrafts(count: number): Generator<EntityDraft> {
  for (let i = 0; i < count; i++) {
    yield {
      type: ENTITY_TYPES[i % ENTITY_TYPES.length]!,
      name: entityName(i),
      aliases: i % 10 === 0 ? [`alias ${i.toString(36)}`] : [],
      summary: `bench entity ${i}`,
    };
  }
}

/** A case file with the given counts, built on first use. */
export function sheetCase(entities: number, relations: number): string {
  const dir = path.resolve(import.meta.dirname, '..', '.bench', 'sheet-data');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `v${VERSION}-${entities}-${relations}.awcase`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
  const store = CaseStore.open(partial, { create: true });
  const db = store.db;
  bulkInsertEntities(db, entityDrafts(entities), entities);
  db.transaction(() => {
    const indexes = db
      .prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'relation' AND sql IS NOT NULL",
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    const insert = db.prepare(
      "INSERT INTO relation (source_id, target_id, type, start_date, end_date, summary, attrs, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '{}', ?, ?)",
    );
    const at = new Date().toISOString();
    for (let i = 0; i < relations; i++) {
      const year = 1990 + (i % 30);
      insert.run(
        1 + ((i * 31) % entities),
        1 + ((i * 17 + 5) % entities),
        RELATION_TYPE_NAMES[i % RELATION_TYPE_NAMES.length],
        `${year}-0${1 + (i % 9)}`,
        i % 3 ? null : `${year + 2}`,
        at,
        at,
      );
    }
    for (const index of indexes) db.exec(index.sql);
    const source = store.sources.insert({ title: 'Bench source', reliability: 'B', text: 'bench quote' });
    for (let i = 1; i <= Math.min(1000, relations); i++) {
      store.sources.cite({
        sourceId: source,
        subjectKind: 'relation',
        subjectId: i,
        quote: 'bench quote',
        credibility: 1 + (i % 6),
      });
    }
    for (let i = 1; i <= Math.min(1000, entities); i++) {
      store.sources.cite({
        sourceId: source,
        subjectKind: 'entity',
        subjectId: i,
        quote: 'bench quote',
        credibility: 1 + (i % 6),
      });
    }
  })();
  store.close();
  fs.renameSync(partial, file);
  return file;
}
