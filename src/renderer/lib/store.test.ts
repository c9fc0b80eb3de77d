import { describe, expect, it } from 'vitest';
import { touches } from './store';

const sheet = new Set(['entity', 'alias', 'relation'] as const);

describe('which panes a write concerns', () => {
  it('concerns a pane that shows a table the write declares', () => {
    expect(touches({ tables: ['entity', 'alias'], reason: 'entities:update' }, sheet)).toBe(true);
    expect(touches({ tables: ['setting'], reason: 'graph:savePositions' }, sheet)).toBe(false);
  });

  it('concerns every pane when another case opens', () => {
    expect(touches({ tables: ['*'], reason: 'case opened' }, new Set(['note'] as const))).toBe(true);
  });

  it('does not concern a pane whose tables the write declares but, by its ids, did not write', () => {
    const undoNote = {
      tables: ['entity', 'alias', 'relation', 'source', 'citation', 'note'] as const,
      ids: { entity: [], alias: [], relation: [], source: [], citation: [], note: [4] },
      reason: 'history:undo',
    };
    expect(touches({ ...undoNote, tables: [...undoNote.tables] }, sheet)).toBe(false);
    expect(touches({ ...undoNote, tables: [...undoNote.tables] }, new Set(['note'] as const))).toBe(true);
    // A bulk import: its entities are not listed row by row, so the table counts as written.
    expect(touches({ tables: ['entity', 'alias'], ids: { alias: [] }, reason: 'csvImport:run' }, sheet)).toBe(
      true,
    );
  });
});
