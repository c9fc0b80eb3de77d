// Custom column filters for the sheet: a set of values (checkboxes) and a range of ISO 8601
// partial dates. ag-grid's community set filter does not exist, and its date filter wants full dates.
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useCallback, useState } from 'react';
import { PARTIAL_DATE } from '../../../shared/vocab';

export interface SetModel {
  kind: 'set';
  values: string[];
}
export interface DateRangeModel {
  kind: 'dateRange';
  from: string | null;
  to: string | null;
}

/** The server filters; the grid never asks rows itself (Infinite Row Model). */
const passAll = (): boolean => true;

export interface SetFilterParams {
  options: { value: string; label: string }[];
}

export function SetFilter({
  model,
  onModelChange,
  options,
}: CustomFilterProps<unknown, unknown, SetModel> & SetFilterParams) {
  useGridFilter({ doesFilterPass: passAll });
  const chosen = new Set(model?.values ?? options.map((o) => o.value));
  const toggle = (value: string): void => {
    const next = new Set(chosen);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onModelChange(next.size === options.length ? null : { kind: 'set', values: [...next] });
  };
  return (
    <div className="sheet-filter" role="group" aria-label="Show only">
      <div className="sheet-filter-actions">
        <button type="button" className="link" onClick={() => onModelChange(null)}>
          All
        </button>
        <button type="button" className="link" onClick={() => onModelChange({ kind: 'set', values: [] })}>
          None
        </button>
      </div>
      <div className="sheet-filter-list">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </div>
  );
}

export function DateRangeFilter({
  model,
  onModelChange,
}: CustomFilterProps<unknown, unknown, DateRangeModel>) {
  useGridFilter({ doesFilterPass: passAll });
  const [from, setFrom] = useState(model?.from ?? '');
  const [to, setTo] = useState(model?.to ?? '');
  const valid = (d: string): boolean => d === '' || PARTIAL_DATE.test(d);
  const apply = useCallback(() => {
    if (!valid(from) || !valid(to)) return;
    onModelChange(from || to ? { kind: 'dateRange', from: from || null, to: to || null } : null);
  }, [from, to, onModelChange]);
  const problem = !valid(from) || !valid(to) ? 'Dates are ISO 8601: 2013, 2013-01 or 2013-01-16.' : null;
  return (
    <form
      className="sheet-filter"
      aria-label="Date range"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label>
        From
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value.trim())}
          placeholder="2012"
          aria-invalid={!valid(from)}
        />
      </label>
      <label>
        To
        <input
          value={to}
          onChange={(e) => setTo(e.target.value.trim())}
          placeholder="2013-06"
          aria-invalid={!valid(to)}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="sheet-filter-actions">
        <button
          type="button"
          onClick={() => {
            setFrom('');
            setTo('');
            onModelChange(null);
          }}
        >
          Clear
        </button>
        <button type="submit" className="primary" disabled={!!problem}>
          Apply
        </button>
      </div>
    </form>
  );
}
