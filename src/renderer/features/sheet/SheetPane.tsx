// The sheet pane: entities of the case, paged from the store.
import { useEffect, useState } from 'react';
import type { EntityRow } from '../../../shared/model';
import { attempt } from '../../lib/ipc';
import { select, useRevision, useSelection } from '../../lib/store';
import { AddEntityForm } from './AddEntityForm';

export function SheetPane() {
  const revision = useRevision();
  const selection = useSelection();
  const [rows, setRows] = useState<EntityRow[]>([]);
  const [total, setTotal] = useState(0);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void attempt('entities:list', { offset: 0, limit: 200, sort: [{ column: 'name', dir: 'asc' }] }).then((page) => {
      if (!page) return;
      setRows(page.rows);
      setTotal(page.total);
    });
  }, [revision]);
  return (
    <div className="sheet">
      <div className="pane-toolbar">
        <h2>Entities</h2>
        <span className="muted">{total.toLocaleString('en-US')}</span>
        <button type="button" onClick={() => setAdding(true)}>
          Add entity
        </button>
      </div>
      {adding && <AddEntityForm onDone={() => setAdding(false)} />}
      <div className="table-scroll">
        <table className="plain-table" aria-label="Entities">
          <thead>
            <tr>
              <th>Type</th>
              <th>Name</th>
              <th>Aliases</th>
              <th>Citations</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                aria-selected={selection.entityIds.includes(row.id)}
                onClick={() => select({ entityIds: [row.id], origin: 'sheet' })}
              >
                <td>{row.type}</td>
                <td>{row.name}</td>
                <td>{row.aliases}</td>
                <td>{row.citations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
