// Export exactly what the tab shows: visible columns in their order, the current filter and sort.
import type { GridApi } from 'ag-grid-community';
import type { ExportRequest } from '../../../shared/ipc/sheet/contract';
import { ENTITY_COLUMNS, RELATION_COLUMNS } from '../../../shared/model';
import { call } from '../../lib/ipc';
import { saveDownload } from '../../lib/platform';
import { toQuery, type GridSort } from './query';
import { SELECTION_COLUMN } from './useLayout';

export function exportRequest(api: GridApi, tab: 'entities' | 'relations', quick: string): ExportRequest {
  const columns = api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((id) => id !== SELECTION_COLUMN);
  const sortModel: GridSort[] = api
    .getColumnState()
    .filter((c) => c.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort }));
  const filterModel = api.getFilterModel() as Record<string, unknown>;
  if (tab === 'entities') {
    const { sort, filters, quick: q } = toQuery(ENTITY_COLUMNS, sortModel, filterModel, quick);
    return { tab, columns, query: { sort, filters, ...(q ? { quick: q } : {}) } };
  }
  const { sort, filters, quick: q } = toQuery(RELATION_COLUMNS, sortModel, filterModel, quick);
  return { tab, columns, query: { sort, filters, ...(q ? { quick: q } : {}) } };
}

/** Asks main for the export and hands it to the shell (save dialog or download). Returns the row count. */
export async function exportTab(api: GridApi, tab: 'entities' | 'relations', quick: string): Promise<number> {
  const ticket = await call('csvExport:get', exportRequest(api, tab, quick));
  await saveDownload(ticket.downloadId);
  return ticket.rows;
}
