// The Sources tab: the case's documents with their reliability and how often they are cited.
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { FORMAT_LABEL, type DocumentFormat, type SourceSummary } from '../../../shared/model';
import { RELIABILITY } from '../../../shared/vocab';
import { attempt } from '../../lib/ipc';
import { useRevision } from '../../lib/store';
import { sheetTheme } from './agGrid';
import { QuickSearch, RowCount } from './Toolbar';

const COLUMNS: ColDef<SourceSummary>[] = [
  { colId: 'title', field: 'title', headerName: 'Title', width: 260, filter: 'agTextColumnFilter' },
  {
    colId: 'format',
    field: 'format',
    headerName: 'Format',
    width: 100,
    filter: 'agTextColumnFilter',
    valueFormatter: ({ value }) => (value ? (FORMAT_LABEL[value as DocumentFormat] ?? String(value)) : ''),
  },
  {
    colId: 'pageCount',
    field: 'pageCount',
    headerName: 'Pages',
    width: 90,
    type: 'numericColumn',
    filter: 'agNumberColumnFilter',
  },
  { colId: 'author', field: 'author', headerName: 'Author', width: 150, filter: 'agTextColumnFilter' },
  {
    colId: 'language',
    field: 'language',
    headerName: 'Language',
    width: 105,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'publisher',
    field: 'publisher',
    headerName: 'Publisher',
    width: 160,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'publishedOn',
    field: 'publishedOn',
    headerName: 'Published',
    width: 115,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'reliability',
    field: 'reliability',
    headerName: 'Reliability',
    width: 110,
    headerTooltip: `Admiralty letter ${RELIABILITY.join('–')}`,
    filter: 'agTextColumnFilter',
  },
  {
    colId: 'citationCount',
    field: 'citationCount',
    headerName: 'Citations',
    width: 105,
    filter: 'agNumberColumnFilter',
    type: 'numericColumn',
  },
  {
    colId: 'length',
    field: 'length',
    headerName: 'Length',
    width: 110,
    type: 'numericColumn',
    valueFormatter: ({ value }) => `${Number(value ?? 0).toLocaleString('en-US')} chars`,
  },
];

export function SourcesTab() {
  const revision = useRevision(['source', 'citation']);
  const [rows, setRows] = useState<SourceSummary[] | null>(null);
  const [quick, setQuick] = useState('');
  useEffect(() => {
    void attempt('sources:list', {}).then((list) => setRows(list ?? []));
  }, [revision]);
  return (
    <div className="sheet-tab">
      <div className="pane-toolbar sheet-toolbar" role="toolbar" aria-label="Sources">
        <QuickSearch label="Quick search sources" onChange={setQuick} />
        <RowCount total={rows?.length ?? null} noun={['source', 'sources']} />
      </div>
      <div className="sheet-grid" role="region" aria-label="Sources">
        <AgGridReact<SourceSummary>
          theme={sheetTheme}
          rowData={rows ?? undefined}
          columnDefs={COLUMNS}
          defaultColDef={{ resizable: true, sortable: true }}
          quickFilterText={quick}
          getRowId={(p) => String(p.data.id)}
          overlayNoRowsTemplate="This case has no sources yet."
        />
      </div>
    </div>
  );
}
