// CSV export of a sheet tab: the visible columns in their order, the current filter and sort,
// RFC 4180 with CRLF, UTF-8 with a byte-order mark (so spreadsheets read Arabic script right),
// formula-looking cells neutralised, notes never. Streamed from its own read-only connection, so a
// million rows go out in bounded memory while the case stays usable.
import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import type { ExportRequest, ExportTicket } from '../../../shared/ipc/sheet/contract';
import {
  ENTITY_COLUMNS,
  RELATION_COLUMNS,
  type EntityColumn,
  type RelationColumn,
} from '../../../shared/model';
import {
  ENTITY_HEADERS,
  NEVER_EXPORTED,
  RELATION_HEADERS,
  entityCellText,
  relationCellText,
} from '../../../shared/sheetColumns';
import { neutralizeFormula } from '../../io/csv';
import type { CaseStore } from '../../store';
import { entityListSql, entityRowOf, type EntityRawRow } from '../../store/repos/entities';
import { relationListSql, relationRowOf, type RelationRawRow } from '../../store/repos/relations';
import { offerDownload } from '../downloads';
import { AppError } from '../errors';

const BATCH = 2000;

interface Plan {
  header: string[];
  sql: { select: string; count: string | null; params: unknown[] };
  /** `reads` says how a relation type reads in the case's vocabulary. */
  cells: (raw: unknown, reads: (type: string) => string) => string[];
}

function plan(request: ExportRequest): Plan {
  if (request.tab === 'entities') {
    const columns = request.columns.filter(
      (c): c is EntityColumn => (ENTITY_COLUMNS as readonly string[]).includes(c) && !NEVER_EXPORTED.has(c),
    );
    if (columns.length === 0)
      throw new AppError(
        'invalid_input',
        'No exportable column is shown. Show at least one column and export again.',
      );
    return {
      header: columns.map((c) => ENTITY_HEADERS[c]),
      sql: entityListSql(request.query),
      cells: (raw) => {
        const row = entityRowOf(raw as EntityRawRow);
        return columns.map((c) => entityCellText(row, c));
      },
    };
  }
  const columns = request.columns.filter(
    (c): c is RelationColumn => (RELATION_COLUMNS as readonly string[]).includes(c) && !NEVER_EXPORTED.has(c),
  );
  if (columns.length === 0)
    throw new AppError(
      'invalid_input',
      'No exportable column is shown. Show at least one column and export again.',
    );
  // A relation row always names both of its ends, even when an end's column is hidden.
  if (!columns.includes('sourceName')) columns.unshift('sourceName');
  if (!columns.includes('targetName')) columns.splice(columns.indexOf('sourceName') + 1, 0, 'targetName');
  return {
    header: columns.map((c) => RELATION_HEADERS[c]),
    sql: relationListSql(request.query),
    cells: (raw, reads) => {
      const row = relationRowOf(raw as RelationRawRow);
      return columns.map((c) => relationCellText(row, c, reads));
    },
  };
}

/** Rows of the export as arrays of cell text, header first, read in batches from its own connection. */
async function* exportRecords(file: string, p: Plan): AsyncGenerator<string[][]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    yield [p.header.map(neutralizeFormula)];
    const vocabulary = new Map(
      (
        db.prepare("SELECT key, label FROM vocabulary WHERE kind = 'relation'").all() as {
          key: string;
          label: string;
        }[]
      ).map((t) => [t.key, t.label]),
    );
    const reads = (type: string): string => vocabulary.get(type) ?? type.replaceAll('_', ' ');
    const iterator = db.prepare(p.sql.select).iterate(...p.sql.params);
    let batch: string[][] = [];
    for (const raw of iterator) {
      batch.push(p.cells(raw, reads).map(neutralizeFormula));
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
        await yieldToLoop();
      }
    }
    if (batch.length) yield batch;
  } finally {
    db.close();
  }
}

/** The export as a byte stream (UTF-8 BOM, then RFC 4180 records). */
export function exportStream(file: string, request: ExportRequest): Readable {
  const p = plan(request);
  const stringifier = stringify({ record_delimiter: '\r\n', quoted_match: /^\s|\s$/, bom: true });
  const source = Readable.from(
    (async function* () {
      for await (const batch of exportRecords(file, p)) yield* batch;
    })(),
  );
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}

export function countRows(store: CaseStore, request: ExportRequest): number {
  const { sql } = plan(request);
  if (!sql.count) return request.tab === 'entities' ? store.entities.count() : store.relations.count();
  return store.db
    .prepare(sql.count)
    .pluck()
    .get(...sql.params) as number;
}

/** Plans the export and hands the shell a ticket to stream it. */
export function offerCsvExport(store: CaseStore, request: ExportRequest): ExportTicket {
  plan(request); // refuse a bad request now, not halfway through a download
  const rows = countRows(store, request);
  const day = new Date().toISOString().slice(0, 10);
  const fileName = `${store.name} ${request.tab} ${day}.csv`.replace(/[\\/:*?"<>|]/g, '_');
  const file = store.file;
  const downloadId = offerDownload({
    fileName,
    mime: 'text/csv; charset=utf-8',
    open: () => exportStream(file, request),
  });
  return { downloadId, fileName, rows };
}
