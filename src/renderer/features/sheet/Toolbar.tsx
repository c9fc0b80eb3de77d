// Pieces of a tab's toolbar: quick search, the row count, the column chooser, a refusal banner.
import type { GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { SELECTION_COLUMN } from './useLayout';

/** How long the quick search box waits for typing to stop before it asks main. */
const QUICK_PAUSE_MS = 150;

export function QuickSearch({ label, onChange }: { label: string; onChange: (value: string) => void }) {
  const [value, setValue] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onChange(value), QUICK_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, onChange]);
  return (
    <input
      type="search"
      className="sheet-quick"
      aria-label={label}
      placeholder="Quick search…"
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
    />
  );
}

export function RowCount({ total, noun }: { total: number | null; noun: [string, string] }) {
  return (
    <span className="muted sheet-count" data-testid="sheet-count" aria-live="polite">
      {total === null ? '…' : `${total.toLocaleString('en-US')} ${total === 1 ? noun[0] : noun[1]}`}
    </span>
  );
}

/** Show or hide columns (ag-grid's own column chooser is not in the community edition). */
export function ColumnsMenu({ api }: { api: GridApi | null }) {
  const [, bump] = useState(0);
  if (!api) return null;
  const columns = api.getColumns()?.filter((c) => c.getColId() !== SELECTION_COLUMN) ?? [];
  return (
    <details className="sheet-columns">
      <summary>Columns</summary>
      <div className="sheet-columns-list" role="group" aria-label="Shown columns">
        {columns.map((column) => (
          <label key={column.getColId()} className="checkbox">
            <input
              type="checkbox"
              checked={column.isVisible()}
              onChange={(e) => {
                api.setColumnsVisible([column], e.target.checked);
                bump((n) => n + 1);
              }}
            />
            {column.getColDef().headerName}
          </label>
        ))}
      </div>
    </details>
  );
}

export function Refusal({ message, onClose }: { message: string | null; onClose: () => void }) {
  if (!message) return null;
  return (
    <div className="sheet-refusal" role="alert">
      <span>{message}</span>
      <button type="button" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
