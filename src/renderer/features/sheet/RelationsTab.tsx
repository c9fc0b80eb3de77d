// The Relations tab: every relation read as words ("broke away from"), paged from SQLite.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { attrColumnId, isAttrColumn } from '../../../shared/attributes';
import { RELATION_COLUMNS, type RelationSheetColumn, type RelationRow } from '../../../shared/model';
import { call } from '../../lib/ipc';
import { select, type Selection } from '../../lib/store';
import { AddRelationForm } from './AddRelationForm';
import { attributeColumns, relationColumns } from './columns';
import { editRelation, refusal } from './edits';
import { ImportDialog } from './ImportDialog';
import { RowsGrid, type ListQuery } from './RowsGrid';
import { useAttributes } from './useAttributes';
import { useTabActions } from './useTabActions';
import { useVocabulary } from './useVocabulary';
import { ColumnsMenu, QuickSearch, Refusal, RowCount } from './Toolbar';

const selectedRelations = (selection: Selection): number[] => selection.relationIds;

export function RelationsTab() {
  const [api, setApi] = useState<GridApi<RelationRow> | null>(null);
  const [quick, setQuick] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<RelationRow[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [panel, setPanel] = useState<'add' | 'import' | null>(null);
  const attributes = useAttributes('relation');
  const vocabulary = useVocabulary();
  const columns = useMemo(
    () => [...relationColumns(vocabulary), ...attributeColumns<RelationRow>(attributes)],
    [vocabulary, attributes],
  );
  const columnIds = useMemo<RelationSheetColumn[]>(
    () => [...RELATION_COLUMNS, ...attributes.map((a) => attrColumnId(a.key))],
    [attributes],
  );

  const fetch = useCallback((query: ListQuery<RelationSheetColumn>) => call('relations:list', query), []);
  const edit = useCallback(async (row: RelationRow, column: RelationSheetColumn, value: unknown) => {
    if (isAttrColumn(column)) return; // attributes are kept as imported, not edited here
    try {
      await editRelation(row, column, value);
      setMessage(null);
    } catch (error) {
      setMessage(refusal(error));
    }
  }, []);
  const onSelection = useCallback((rows: RelationRow[]) => {
    setSelected(rows);
    select({ entityIds: [], relationIds: rows.map((r) => r.id), origin: 'sheet:relations' });
  }, []);
  const openImport = useCallback(() => setPanel('import'), []);
  const { run, exportCsv } = useTabActions(api, 'relations', quick, setMessage, openImport);

  const ids = selected.map((r) => r.id);
  return (
    <div className="sheet-tab">
      <div className="pane-toolbar sheet-toolbar" role="toolbar" aria-label="Relations">
        <QuickSearch label="Quick search relations" onChange={setQuick} />
        <RowCount total={total} noun={['relation', 'relations']} />
        <span className="spacer" />
        <button type="button" onClick={() => setPanel(panel === 'add' ? null : 'add')}>
          Add relation
        </button>
        <button
          type="button"
          disabled={ids.length === 0}
          onClick={() =>
            void run(async () => {
              await call('relations:delete', { ids });
              api?.deselectAll();
            })
          }
        >
          Delete
        </button>
        <ColumnsMenu api={api as GridApi | null} />
        <button type="button" onClick={exportCsv} title="Export what the tab shows (File ▸ Export ▸ CSV)">
          Export CSV
        </button>
        <button type="button" onClick={() => setPanel('import')}>
          Import CSV…
        </button>
      </div>
      {panel === 'add' && <AddRelationForm onDone={() => setPanel(null)} />}
      {panel === 'import' && <ImportDialog defaultKind="relations" onClose={() => setPanel(null)} />}
      <Refusal message={message} onClose={() => setMessage(null)} />
      <RowsGrid<RelationRow, RelationSheetColumn>
        tab="relations"
        label="Relations"
        columns={columns}
        columnIds={columnIds}
        quick={quick}
        fetch={fetch}
        edit={edit}
        onRefused={setMessage}
        onApi={setApi}
        onTotal={setTotal}
        onSelection={onSelection}
        selectedIds={selectedRelations}
      />
    </div>
  );
}
