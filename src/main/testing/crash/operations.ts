// The long writes the crash harness kills (crash.test.ts, bench/reliability.bench.ts). Adding one is
// one entry: how to build the case as it is before the write (and any input file) in a folder, and
// the write itself, run as the app runs it. A case, once the process running the write is killed,
// must hold exactly the state before or the state after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mergeEntities } from '../../services/sheet/sheetActions';
import { runImport } from '../../services/sheet/csvImport';
import { uploadFromFile } from '../../services/uploads';
import { redo, undo } from '../../services/history';
import { importGraph } from '../../services/interchange/graphImport';
import { CaseSession } from '../../services/session';
import { importDocuments } from '../../services/sources/documentImport';
import { extractorFor } from '../../services/sources/suggestions';
import { CaseStore } from '../../store';
import { bulkInsertEntities } from '../../store/bulk';
import type { EntityDraft } from '../../../shared/model';
import { RELATION_TYPE_NAMES } from '../../../shared/vocab';

export interface CrashOperation {
  name: string;
  /** Writes `before.awcase` (closed, checkpointed) and the write's input files into dir. */
  prepare(dir: string, rows: number): Promise<void>;
  /** The write, on the case opened from a copy of before.awcase; dir holds the input files. */
  run(store: CaseStore, dir: string): Promise<unknown>;
}

export const BEFORE = 'before.awcase';
const JOB_ID = 'c'.repeat(32);
const ENDPOINTS = 1000;

const groupName = (i: number): string => `Katiba ${i.toString(36)} ${(i * 7919).toString(36)}`;

function* groups(count: number, from = 0): Generator<EntityDraft> {
  for (let i = from; i < from + count; i++)
    yield { type: 'organization', name: groupName(i), aliases: [`alias ${i}`], summary: `group ${i}` };
}

/** A new case at dir/before.awcase, filled by fill, then closed (its WAL folded into the file). */
async function makeCase(dir: string, fill: (store: CaseStore) => unknown): Promise<void> {
  const store = CaseStore.open(path.join(dir, BEFORE), { create: true });
  try {
    await fill(store);
  } finally {
    store.close();
  }
}

/** A CSV file written in pieces, so a million rows never sit in memory as one string. */
function writeCsv(file: string, header: string, rows: number, line: (i: number) => string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${header}\n`);
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      chunk += `${line(i)}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

function entitiesCsv(dir: string, rows: number): string {
  const file = path.join(dir, 'entities.csv');
  writeCsv(file, 'type,name,aliases,summary,tags', rows, (i) => {
    const n = ENDPOINTS + i;
    return `organization,${groupName(n)},alias ${n}; other ${n},"group ${n}, imported",Sahel`;
  });
  return file;
}

async function importEntities(store: CaseStore, dir: string): Promise<unknown> {
  const uploadId = uploadFromFile(path.join(dir, 'entities.csv'));
  return runImport(store, { uploadId, kind: 'entities', delimiter: ',', jobId: JOB_ID });
}

export const CRASH_OPERATIONS: CrashOperation[] = [
  {
    name: 'CSV import of entities',
    async prepare(dir, rows) {
      await makeCase(dir, (store) => bulkInsertEntities(store.db, groups(ENDPOINTS), ENDPOINTS));
      entitiesCsv(dir, rows);
    },
    run: importEntities,
  },
  {
    name: 'CSV import of relations',
    async prepare(dir, rows) {
      await makeCase(dir, (store) => bulkInsertEntities(store.db, groups(ENDPOINTS), ENDPOINTS));
      // Every row a different relation: ends, type and start year vary together.
      const types = RELATION_TYPE_NAMES;
      writeCsv(path.join(dir, 'relations.csv'), 'source,type,target,start,summary', rows, (i) => {
        const source = i % ENDPOINTS;
        const target = (source + 1 + ((i * 31) % (ENDPOINTS - 1))) % ENDPOINTS;
        const type = types[Math.floor(i / ENDPOINTS) % types.length]!;
        const year = 1000 + Math.floor(i / (ENDPOINTS * types.length));
        return `${groupName(source)},${type},${groupName(target)},${year},row ${i}`;
      });
    },
    run(store, dir) {
      const uploadId = uploadFromFile(path.join(dir, 'relations.csv'));
      return runImport(store, { uploadId, kind: 'relations', delimiter: ',', jobId: JOB_ID });
    },
  },
  {
    name: 'entity merge',
    async prepare(dir, rows) {
      await makeCase(dir, (store) => {
        bulkInsertEntities(store.db, groups(ENDPOINTS), ENDPOINTS);
        // Entity 2 (merged into 1) is an end of `rows` relations, each of which the merge moves.
        const insert = store.db.prepare(
          "INSERT INTO relation (source_id, target_id, type, start_date, summary, attrs, created_at, updated_at) VALUES (2, ?, ?, ?, '', '{}', '2020-01-01', '2020-01-01')",
        );
        store.transaction(() => {
          for (let i = 0; i < rows; i++)
            insert.run(
              3 + (i % (ENDPOINTS - 2)),
              RELATION_TYPE_NAMES[i % RELATION_TYPE_NAMES.length],
              String(1000 + (i % 1000)),
            );
          store.notes.insert({ kind: 'entity', id: 2 }, 'Seen with the other brigade.', true);
        });
      });
    },
    run: async (store) => mergeEntities(store, 1, [2]),
  },
  {
    name: 'document import batch',
    async prepare(dir, rows) {
      // About one document per 2,500 rows of the other writes (20 at 50,000), each a few hundred KB of text.
      const documents = Math.max(4, Math.round(rows / 2500));
      fs.mkdirSync(path.join(dir, 'documents'), { recursive: true });
      for (let d = 0; d < documents; d++) {
        const lines = Array.from(
          { length: 2000 },
          (_, i) =>
            `Report ${d}, paragraph ${i}: ${groupName(d * 2000 + i)} split from ${groupName(i)} in ${1990 + (i % 30)} and operates in the Sahel.`,
        );
        fs.writeFileSync(path.join(dir, 'documents', `report-${d}.txt`), lines.join('\n'));
      }
      await makeCase(dir, (store) => bulkInsertEntities(store.db, groups(ENDPOINTS), ENDPOINTS));
    },
    async run(store, dir) {
      // One lane of workers, so the documents go in in the same order in every run (ids compared).
      os.availableParallelism = () => 2;
      const file = store.file;
      store.close(); // the session opens the case itself, as the app does
      const session = new CaseSession({ dataDir: path.join(dir, 'data'), backups: false });
      session.open(file);
      const folder = path.join(dir, 'documents');
      const files = fs
        .readdirSync(folder)
        .sort()
        .map((name) => ({ name, bytes: fs.readFileSync(path.join(folder, name)).toString('base64') }));
      try {
        return await importDocuments(session, { files }, extractorFor);
      } finally {
        session.close();
      }
    },
  },
  {
    name: 'network import (GEXF)',
    async prepare(dir, rows) {
      // As many nodes as rows, each with an edge to the next and to one of the case's groups by name.
      const fd = fs.openSync(path.join(dir, 'network.gexf'), 'w');
      try {
        fs.writeSync(
          fd,
          '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><attributes class="node"><attribute id="0" title="type" type="string"/></attributes><nodes>\n',
        );
        let chunk = '';
        const flush = (force = false): void => {
          if (!force && chunk.length < 1 << 20) return;
          fs.writeSync(fd, chunk);
          chunk = '';
        };
        for (let i = 0; i < rows; i++) {
          chunk += `<node id="n${i}" label="${groupName(ENDPOINTS + i)}"><attvalues><attvalue for="0" value="${i % 3 ? 'organization' : 'person'}"/></attvalues></node>\n`;
          flush();
        }
        chunk += '</nodes><edges>\n';
        for (let i = 0; i < rows; i++) {
          chunk += `<edge id="e${i}" source="n${i}" target="n${(i + 1) % rows}" label="${RELATION_TYPE_NAMES[i % RELATION_TYPE_NAMES.length]}" weight="${1 + (i % 5)}"/>\n`;
          flush();
        }
        chunk += '</edges></graph></gexf>\n';
        flush(true);
      } finally {
        fs.closeSync(fd);
      }
      await makeCase(dir, (store) => bulkInsertEntities(store.db, groups(ENDPOINTS), ENDPOINTS));
    },
    run: async (store, dir) =>
      importGraph(store, fs.readFileSync(path.join(dir, 'network.gexf')), {
        name: 'network.gexf',
        unknownTypes: 'add',
      }),
  },
  {
    name: 'undo of a big import',
    async prepare(dir, rows) {
      entitiesCsv(dir, rows);
      await makeCase(dir, (store) => importEntities(store, dir));
    },
    run: async (store) => undo(store),
  },
  {
    name: 'redo of a big import',
    async prepare(dir, rows) {
      entitiesCsv(dir, rows);
      await makeCase(dir, async (store) => {
        await importEntities(store, dir);
        undo(store);
      });
    },
    run: async (store) => redo(store),
  },
];
