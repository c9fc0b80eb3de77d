// ag-grid's sort and filter models → the store's query (sort and filter run as indexed SQL in main).
import type { ColumnFilter } from '../../../shared/model';

export interface GridSort {
  colId: string;
  sort: 'asc' | 'desc' | null | undefined;
}

const TEXT_OPS = ['contains', 'notContains', 'equals', 'startsWith', 'blank', 'notBlank'] as const;
const NUMBER_OPS = ['equals', 'greaterThan', 'lessThan'] as const;

/** One column's filter model as ag-grid hands it over (provided or our custom filters). */
export function toColumnFilter(model: unknown): ColumnFilter | null {
  if (!model || typeof model !== 'object') return null;
  const m = model as Record<string, unknown>;
  if (m.kind === 'set' && Array.isArray(m.values)) return { kind: 'set', values: m.values.map(String) };
  if (m.kind === 'dateRange') {
    const from = typeof m.from === 'string' && m.from ? m.from : null;
    const to = typeof m.to === 'string' && m.to ? m.to : null;
    return from || to ? { kind: 'dateRange', from, to } : null;
  }
  if (m.filterType === 'text' && (TEXT_OPS as readonly unknown[]).includes(m.type)) {
    const op = m.type as (typeof TEXT_OPS)[number];
    const value = typeof m.filter === 'string' ? m.filter : '';
    if (!value && op !== 'blank' && op !== 'notBlank') return null;
    return { kind: 'text', op, value };
  }
  if (
    m.filterType === 'number' &&
    (NUMBER_OPS as readonly unknown[]).includes(m.type) &&
    typeof m.filter === 'number'
  ) {
    return { kind: 'number', op: m.type as (typeof NUMBER_OPS)[number], value: m.filter };
  }
  return null;
}

export function toQuery<C extends string>(
  columns: readonly C[],
  sortModel: GridSort[],
  filterModel: Record<string, unknown> | null | undefined,
  quick: string,
): { sort: { column: C; dir: 'asc' | 'desc' }[]; filters: Partial<Record<C, ColumnFilter>>; quick?: string } {
  const known = (id: string): id is C => (columns as readonly string[]).includes(id);
  const sort = sortModel
    .filter(
      (s): s is GridSort & { sort: 'asc' | 'desc' } =>
        known(s.colId) && (s.sort === 'asc' || s.sort === 'desc'),
    )
    .slice(0, 5)
    .map((s) => ({ column: s.colId as C, dir: s.sort }));
  const filters: Partial<Record<C, ColumnFilter>> = {};
  for (const [colId, model] of Object.entries(filterModel ?? {})) {
    const filter = toColumnFilter(model);
    if (filter && known(colId)) filters[colId] = filter;
  }
  const trimmed = quick.trim().slice(0, 200);
  return { sort, filters, ...(trimmed ? { quick: trimmed } : {}) };
}
