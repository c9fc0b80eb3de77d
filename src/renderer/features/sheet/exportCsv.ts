// Export exactly what the tab shows: visible columns in their order, the current filter and sort.
import type { GridApi } from 'ag-grid-community';
import type { ExportRequest } from '../../../shared/ipc/sheet/contract';
import { ENTITY_COLUMNS, RELATION_COLUMNS, type EntitySheetColumn } from '../../../shared/model';
import { call } from '../../lib/ipc';
import { saveDownload } from '../../lib/platform';
import { toQuery, type GridSort } from './query';
import { SELECTION_COLUMN } from './useLayout';

/**
 * The columns the Entities quick search looks in: the shown ones, or every one when the analyst
 * widened it (a summary scrolled out of sight or hidden should not decide what "AQIM" finds).
 */
export function quickColumns(api: GridApi, wide: boolean): EntitySheetColumn[] {
  return api
    .getColumns()!
    .filter((c) => wide || c.isVisible())
    .map((c) => c.getColId())
    .filter((id): id is EntitySheetColumn => id !== SELECTION_COLUMN);
}

export function exportRequest(
  api: GridApi,
  tab: 'entities' | 'relations',
  quick: string,
  wide = false,
): ExportRequest {
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
    return {
      tab,
      columns,
      query: { sort, filters, ...(q ? { quick: q, quickIn: quickColumns(api, wide) } : {}) },
    };
  }
  const { sort, filters, quick: q } = toQuery(RELATION_COLUMNS, sortModel, filterModel, quick);
  return { tab, columns, query: { sort, filters, ...(q ? { quick: q } : {}) } };
}

/** Asks main for the export and hands it to the shell (save dialog or download). Returns the row count. */
export async function exportTab(
  api: GridApi,
  tab: 'entities' | 'relations',
  quick: string,
  wide = false,
): Promise<number> {
  const ticket = await call('csvExport:get', exportRequest(api, tab, quick, wide));
  await saveDownload(ticket.downloadId);
  return ticket.rows;
}
