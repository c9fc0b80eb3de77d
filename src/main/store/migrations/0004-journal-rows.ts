// Migration 0004: undo for large inserts (CSV imports of any size). Such an action is journaled as
// the id ranges it added rather than as one row image per row; undoing it moves those rows here
// (as JSON images, in the same transaction) and redoing it moves them back. The rows go with
// their journal entry when it is trimmed or its redo is dropped.
import type { Migration } from './index';

export const migration0004: Migration = {
  version: 4,
  name: 'journal-rows',
  up: `
    CREATE TABLE journal_rows (
      entry_id INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
      t TEXT NOT NULL,
      image TEXT NOT NULL
    );
    CREATE INDEX journal_rows_by_entry ON journal_rows (entry_id, t);
  `,
};
