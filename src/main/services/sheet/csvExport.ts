// CSV export of a sheet tab: the visible columns in their order (attributes included), the current
// filter and sort, RFC 4180 with CRLF, UTF-8 with a byte-order mark (so spreadsheets read Arabic
// script right), formula-looking cells neutralised, notes never. Streamed from its own read-only
// connection, so a million rows go out in bounded memory while the case stays usable.
// The query selects only the exported columns and the records are quoted here, a batch joined into
// one string: csv-stringify's per-record stream cost most of the export's time (bench/csv.bench.ts).
import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import {
  attrKeyOf,
  attrText,
  isAttrColumn,
  type AttributeDef,
  type AttrValues,
} from '../../../shared/attributes';
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
  formatTimestamp,
} from '../../../shared/sheetColumns';
import { neutralizeFormula } from '../../io/csv';
import type { CaseStore } from '../../store';
import { entityListSql } from '../../store/repos/entities';
import { relationListSql } from '../../store/repos/relations';
import { offerDownload } from '../downloads';
import { AppError } from '../errors';

const BATCH = 2000;

/** A row as the query returns it in raw mode, and where each named column sits in it. */
type Row = unknown[];
type At = (name: string) => number;
type Cell = (at: At) => (row: Row, reads: (type: string) => string) => string;

interface Plan {
  header: string[];
  sql: { select: string; count: string | null; params: unknown[] };
  cells: Cell[];
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

function attributeCell(column: string, attributes: AttributeDef[]): Cell {
  const key = attrKeyOf(column as `attr:${string}`);
  const type = attributes.find((a) => a.key === key)?.valueType ?? 'text';
  return (at) => {
    const i = at('attrValues');
    return (row) => {
      const values = row[i] as string | null;
      return values ? attrText((JSON.parse(values) as AttrValues)[key], type) : '';
    };
  };
}

function entityCell(column: EntityColumn): Cell {
  return (at) => {
    const i = at(column);
    switch (column) {
      case 'updatedAt':
        return (row) => formatTimestamp(row[i] as string);
      case 'tags':
        return (row) => (row[i] === '[]' ? '' : (JSON.parse(row[i] as string) as string[]).join(', '));
      default:
        return (row) => text(row[i]);
    }
  };
}

function relationCell(column: RelationColumn): Cell {
  return (at) => {
    switch (column) {
      case 'type': {
        const i = at('type');
        return (row, reads) => reads(row[i] as string);
      }
      case 'startDate':
      case 'endDate': {
        const i = at(column === 'startDate' ? 'start_date' : 'end_date');
        return (row) => text(row[i]);
      }
      default: {
        const i = at(column);
        return (row) => text(row[i]);
      }
    }
  };
}

function noColumns(): AppError {
  return new AppError(
    'invalid_input',
    'No exportable column is shown. Show at least one column and export again.',
  );
}

function plan(request: ExportRequest, attributes: AttributeDef[] = []): Plan {
  const titleOf = (column: string): string =>
    attributes.find((a) => a.key === attrKeyOf(column as `attr:${string}`))?.title ??
    attrKeyOf(column as `attr:${string}`);
  if (request.tab === 'entities') {
    const columns = request.columns.filter(
      (c) => ((ENTITY_COLUMNS as readonly string[]).includes(c) && !NEVER_EXPORTED.has(c)) || isAttrColumn(c),
    );
    if (columns.length === 0) throw noColumns();
    return {
      header: columns.map((c) => (isAttrColumn(c) ? titleOf(c) : ENTITY_HEADERS[c as EntityColumn])),
      sql: entityListSql(request.query, columns),
      cells: columns.map((c) =>
        isAttrColumn(c) ? attributeCell(c, attributes) : entityCell(c as EntityColumn),
      ),
    };
  }
  const columns = request.columns.filter(
    (c) => ((RELATION_COLUMNS as readonly string[]).includes(c) && !NEVER_EXPORTED.has(c)) || isAttrColumn(c),
  );
  if (columns.length === 0) throw noColumns();
  // A relation row always names both of its ends, even when an end's column is hidden.
  if (!columns.includes('sourceName')) columns.unshift('sourceName');
  if (!columns.includes('targetName')) columns.splice(columns.indexOf('sourceName') + 1, 0, 'targetName');
  return {
    header: columns.map((c) => (isAttrColumn(c) ? titleOf(c) : RELATION_HEADERS[c as RelationColumn])),
    sql: relationListSql(request.query, columns),
    cells: columns.map((c) =>
      isAttrColumn(c) ? attributeCell(c, attributes) : relationCell(c as RelationColumn),
    ),
  };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** A cell that needs neither neutralising nor quoting (most of them) is tested once. */
const PLAIN = /^[^=+\-@\s",\r\n](?:[^",\r\n]*[^\s",\r\n])?$/;

/** One cell as RFC 4180 writes it, a formula-looking one neutralised. */
function csvCell(text: string): string {
  if (text === '' || PLAIN.test(text)) return text;
  const cell = neutralizeFormula(text);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One record, CRLF-terminated. */
function csvRecord(cells: string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]!) : `,${csvCell(cells[i]!)}`;
  return `${line}\r\n`;
}

/** The export's text in pieces of a few thousand records: a BOM and the header first. */
async function* exportText(file: string, request: ExportRequest): AsyncGenerator<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const attributes = (
      db.prepare('SELECT kind, key, title, value_type AS valueType FROM attribute').all() as AttributeDef[]
    ).filter((a) => a.kind === (request.tab === 'entities' ? 'entity' : 'relation'));
    const p = plan(request, attributes);
    yield `\uFEFF${csvRecord(p.header)}`;
    const vocabulary = new Map(
      (
        db.prepare("SELECT key, label FROM vocabulary WHERE kind = 'relation'").all() as {
          key: string;
          label: string;
        }[]
      ).map((t) => [t.key, t.label]),
    );
    const reads = (type: string): string => vocabulary.get(type) ?? type.replaceAll('_', ' ');
    const statement = db.prepare(p.sql.select).raw();
    const names = statement.columns().map((c) => c.name);
    // r.* and a column of the same name: the last one is the computed one.
    const at: At = (name) => names.lastIndexOf(name);
    const cells = p.cells.map((cell) => cell(at));
    let chunk = '';
    let rows = 0;
    for (const row of statement.iterate(...p.sql.params) as Iterable<Row>) {
      let line = csvCell(cells[0]!(row, reads));
      for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i]!(row, reads))}`;
      chunk += `${line}\r\n`;
      if (++rows === BATCH) {
        yield chunk;
        chunk = '';
        rows = 0;
        await yieldToLoop();
      }
    }
    if (chunk) yield chunk;
  } finally {
    db.close();
  }
}

/** The export as a byte stream (UTF-8 BOM, then RFC 4180 records). */
export function exportStream(file: string, request: ExportRequest): Readable {
  plan(request); // refuse a bad request before the stream starts
  return Readable.from(exportText(file, request), { objectMode: false });
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
