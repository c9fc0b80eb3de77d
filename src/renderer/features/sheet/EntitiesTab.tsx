// The Entities tab: every entity of the case, paged from SQLite; edit, add, delete, tag, merge.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { attrColumnId, isAttrColumn } from '../../../shared/attributes';
import {
  ENTITY_COLUMNS,
  type EntityQuery,
  type EntitySheetColumn,
  type EntityRow,
} from '../../../shared/model';
import { call } from '../../lib/ipc';
import { confirmDeleteEntities } from '../../lib/confirmDelete';
import { select, selectionStore, type Selection } from '../../lib/store';
import { AddEntityForm } from './AddEntityForm';
import { attributeColumns, entityColumns } from './columns';
import { editEntity, refusal } from './edits';
import { exportRequest, quickColumns } from './exportCsv';
import { ImportDialog } from './ImportDialog';
import { MergeDialog } from './MergeDialog';
import { RowsGrid, type ListQuery } from './RowsGrid';
import { useAttributes } from './useAttributes';
import { useTabActions } from './useTabActions';
import { useVocabulary } from './useVocabulary';
import { ColumnsMenu, QuickSearch, Refusal, RowCount } from './Toolbar';

const selectedEntities = (selection: Selection): number[] => selection.entityIds;

/**
 * Scrolls the Entities grid to an entity's row and ticks it once its block has loaded. Returns what
 * to tell the analyst when the row is not among those shown (null when it is).
 */
async function revealEntity(
  api: GridApi<EntityRow>,
  id: number,
  query: Omit<EntityQuery, 'offset' | 'limit'>,
): Promise<string | null> {
  const { index } = await call('entities:position', { id, query });
  if (api.isDestroyed()) return null;
  if (index === null) {
    const entity = await call('entities:get', { id });
    return `“${entity.name}” is not among the rows the quick search and column filters keep. Clear them to see it here.`;
  }
  api.ensureIndexVisible(index, 'middle');
  for (let attempt = 0; attempt < 40; attempt++) {
    const node = api.getRowNode(String(id));
    if (node?.data) {
      if (!node.isSelected()) node.setSelected(true, true, 'api');
      api.flashCells({ rowNodes: [node] });
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (api.isDestroyed()) return null;
  }
  return null;
}

export function EntitiesTab() {
  const [api, setApi] = useState<GridApi<EntityRow> | null>(null);
  const [quick, setQuick] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<EntityRow[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [panel, setPanel] = useState<'add' | 'tag' | 'merge' | 'import' | null>(null);
  const [tag, setTag] = useState('');
  const attributes = useAttributes('entity');
  const vocabulary = useVocabulary();
  const columns = useMemo(
    () => [...entityColumns(vocabulary), ...attributeColumns<EntityRow>(attributes)],
    [vocabulary, attributes],
  );
  const columnIds = useMemo<EntitySheetColumn[]>(
    () => [...ENTITY_COLUMNS, ...attributes.map((a) => attrColumnId(a.key))],
    [attributes],
  );

  // The quick search looks in the shown columns unless the analyst widens it to all of them.
  const [wide, setWide] = useState(false);
  const scope = useRef({ api, wide, quick });
  scope.current = { api, wide, quick };
  const fetch = useCallback((query: ListQuery<EntitySheetColumn>) => {
    const { api: grid, wide: all } = scope.current;
    const quickIn = query.quick && grid ? { quickIn: quickColumns(grid as GridApi, all) } : {};
    return call('entities:list', { ...query, ...quickIn });
  }, []);
  // Showing or hiding a column changes what the quick search looks in.
  useEffect(() => {
    if (!api || !quick) return;
    const again = (): void => api.purgeInfiniteCache();
    api.addEventListener('columnVisible', again);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('columnVisible', again);
    };
  }, [api, quick]);
  const edit = useCallback(async (row: EntityRow, column: EntitySheetColumn, value: unknown) => {
    if (isAttrColumn(column)) return; // attributes are kept as imported, not edited here
    try {
      await editEntity(row, column, value);
      setMessage(null);
    } catch (error) {
      setMessage(refusal(error));
    }
  }, []);
  const onSelection = useCallback((rows: EntityRow[]) => {
    setSelected(rows);
    select({ entityIds: rows.map((r) => r.id), origin: 'sheet:entities' });
  }, []);

  // An entity picked in the search: scroll to its row under the current sort and filters, or say
  // why it is not there.
  useEffect(() => {
    if (!api) return;
    const reveal = (): void => {
      const selection = selectionStore.get();
      const id = selection.entityIds[0];
      if (selection.origin !== 'search' || selection.entityIds.length !== 1 || id === undefined) return;
      void revealEntity(
        api,
        id,
        exportRequest(api, 'entities', scope.current.quick, scope.current.wide).query as Omit<
          EntityQuery,
          'offset' | 'limit'
        >,
      ).then(setMessage);
    };
    reveal();
    const unsubscribe = selectionStore.subscribe(reveal);
    return () => void unsubscribe();
  }, [api]);

  const openImport = useCallback(() => setPanel('import'), []);
  const { run, exportCsv } = useTabActions(api, 'entities', quick, setMessage, openImport, wide);

  const ids = selected.map((r) => r.id);
  const deleteSelected = (): Promise<void> =>
    run(async () => {
      if (!(await confirmDeleteEntities(ids))) return;
      await call('entities:delete', { ids });
      api?.deselectAll();
    });

  return (
    <div className="sheet-tab">
      <div className="pane-toolbar sheet-toolbar" role="toolbar" aria-label="Entities">
        <QuickSearch label="Quick search entities" onChange={setQuick} />
        <label
          className="checkbox sheet-quick-wide"
          title="Also look in columns that are hidden, such as Summary when it is not shown"
        >
          <input
            type="checkbox"
            checked={wide}
            onChange={(e) => {
              setWide(e.target.checked);
              scope.current.wide = e.target.checked;
              if (quick) api?.purgeInfiniteCache();
            }}
          />
          All columns
        </label>
        <RowCount total={total} noun={['entity', 'entities']} />
        <span className="spacer" />
        <button type="button" onClick={() => setPanel(panel === 'add' ? null : 'add')}>
          Add entity
        </button>
        <button type="button" disabled={ids.length === 0} onClick={() => void deleteSelected()}>
          Delete
        </button>
        <button type="button" disabled={ids.length === 0} onClick={() => setPanel('tag')}>
          Tag…
        </button>
        <button type="button" disabled={ids.length < 2} onClick={() => setPanel('merge')}>
          Merge…
        </button>
        <ColumnsMenu api={api as GridApi | null} />
        <button type="button" onClick={exportCsv} title="Export what the tab shows (File ▸ Export ▸ CSV)">
          Export CSV
        </button>
        <button type="button" onClick={() => setPanel('import')}>
          Import CSV…
        </button>
      </div>
      {panel === 'add' && <AddEntityForm onDone={() => setPanel(null)} />}
      {panel === 'tag' && (
        <form
          className="inline-form"
          aria-label="Tag entities"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await call('entities:tag', { ids, tag });
              setPanel(null);
              setTag('');
            });
          }}
        >
          <label>
            Tag for {ids.length === 1 ? '1 entity' : `${ids.length} entities`}
            <input value={tag} onChange={(e) => setTag(e.target.value)} maxLength={100} autoFocus required />
          </label>
          <button type="submit" className="primary">
            Tag
          </button>
          <button type="button" onClick={() => setPanel(null)}>
            Cancel
          </button>
        </form>
      )}
      {panel === 'merge' && (
        <MergeDialog
          entities={selected}
          onClose={() => setPanel(null)}
          onMerge={(keepId) =>
            run(async () => {
              await call('entities:merge', { keepId, mergeIds: ids.filter((id) => id !== keepId) });
              setPanel(null);
              api?.deselectAll();
              select({ entityIds: [keepId], origin: 'sheet' });
            })
          }
        />
      )}
      {panel === 'import' && <ImportDialog defaultKind="entities" onClose={() => setPanel(null)} />}
      <Refusal message={message} onClose={() => setMessage(null)} />
      <RowsGrid<EntityRow, EntitySheetColumn>
        tab="entities"
        label="Entities"
        columns={columns}
        columnIds={columnIds}
        quick={quick}
        fetch={fetch}
        edit={edit}
        onRefused={setMessage}
        onApi={setApi}
        onTotal={setTotal}
        onSelection={onSelection}
        selectedIds={selectedEntities}
      />
    </div>
  );
}
