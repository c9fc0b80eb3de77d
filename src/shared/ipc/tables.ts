// The one vocabulary of what a write changes: the case file's table names. Each channel of the
// contract declares the tables it writes (channel.ts); main announces them in `store:changed`
// after the write, and panes subscribe by table (src/renderer/lib/store.ts).

/** The case data: the tables the undo journal records, row by row. */
export const CASE_TABLES = [
  'vocabulary',
  'attribute',
  'entity',
  'alias',
  'relation',
  'source',
  'suggestion',
  'citation',
  'note',
] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

/**
 * Every table a channel may declare: the case data, the documents' original bytes (kept outside
 * the journal), and the analyst's settings (layouts, positions).
 */
export const TABLES = [...CASE_TABLES, 'original', 'setting'] as const;
export type TableName = (typeof TABLES)[number];

/** Written by opening, creating or reloading a case: every table at once. */
export const EVERY_TABLE = '*';
export type Written = TableName | typeof EVERY_TABLE;

/** What main pushes after a write (`store:changed`). */
export interface StoreChanged {
  /** The tables the write may have changed: what its channel declares ('*': another case). */
  tables: Written[];
  /**
   * Per declared table, every row the write touched (from the undo journal's capture), where
   * known; a table left out is not known row by row (a bulk import) and is re-read whole.
   */
  ids?: Partial<Record<TableName, number[]>>;
  /** The channel, or what happened ("case opened"). */
  reason: string;
}
