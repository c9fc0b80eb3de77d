import { describe, expect, it } from 'vitest';
import { toColumnFilter, toQuery } from './query';

describe('grid models become store queries', () => {
  it('reads text, number, set and date-range filters', () => {
    expect(toColumnFilter({ filterType: 'text', type: 'contains', filter: 'AQ' })).toEqual({
      kind: 'text',
      op: 'contains',
      value: 'AQ',
    });
    expect(toColumnFilter({ filterType: 'text', type: 'blank' })).toEqual({
      kind: 'text',
      op: 'blank',
      value: '',
    });
    expect(toColumnFilter({ filterType: 'number', type: 'greaterThan', filter: 1 })).toEqual({
      kind: 'number',
      op: 'greaterThan',
      value: 1,
    });
    expect(toColumnFilter({ kind: 'set', values: ['person'] })).toEqual({ kind: 'set', values: ['person'] });
    expect(toColumnFilter({ kind: 'dateRange', from: '2012', to: '' })).toEqual({
      kind: 'dateRange',
      from: '2012',
      to: null,
    });
  });

  it('drops filters it cannot express rather than guessing', () => {
    expect(toColumnFilter({ filterType: 'text', type: 'endsWith', filter: 'x' })).toBeNull();
    expect(toColumnFilter({ filterType: 'text', type: 'contains', filter: '' })).toBeNull();
    expect(toColumnFilter({ kind: 'dateRange', from: '', to: '' })).toBeNull();
  });

  it('keeps known columns only, in sort order', () => {
    const query = toQuery(
      ['name', 'type'] as const,
      [
        { colId: 'type', sort: 'desc' },
        { colId: 'bogus', sort: 'asc' },
        { colId: 'name', sort: 'asc' },
      ],
      { name: { filterType: 'text', type: 'startsWith', filter: 'Al' }, bogus: { kind: 'set', values: [] } },
      '  maghreb ',
    );
    expect(query).toEqual({
      sort: [
        { column: 'type', dir: 'desc' },
        { column: 'name', dir: 'asc' },
      ],
      filters: { name: { kind: 'text', op: 'startsWith', value: 'Al' } },
      quick: 'maghreb',
    });
  });
});
