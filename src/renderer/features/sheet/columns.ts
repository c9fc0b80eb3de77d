// Column definitions of the Entities and Relations tabs: headers, editors, filters, cell text.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { attrColumnId, attrText, type AttributeDef } from '../../../shared/attributes';
import type { EntityColumn, EntityRow, RelationColumn, RelationRow } from '../../../shared/model';
import {
  ENTITY_HEADERS,
  RELATION_HEADERS,
  entityCellText,
  relationCellText,
} from '../../../shared/sheetColumns';
import { CREDIBILITY, RELIABILITY } from '../../../shared/vocab';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../../../shared/vocabulary';
import { DateRangeFilter, SetFilter, type SetFilterParams } from './filters';

const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: {
    filterOptions: ['contains', 'notContains', 'equals', 'startsWith', 'blank', 'notBlank'],
    maxNumConditions: 1,
    debounceMs: 300,
    buttons: ['reset'],
  },
};
const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'greaterThan', 'lessThan'],
    maxNumConditions: 1,
    debounceMs: 300,
    buttons: ['reset'],
  },
};
const setFilter = (options: SetFilterParams['options']) => ({ filter: SetFilter, filterParams: { options } });
const DATE_FILTER = { filter: DateRangeFilter };

const GRADES = RELIABILITY.flatMap((r) => CREDIBILITY.map((c) => `${r}${c}`));
const GRADE_FILTER = setFilter(GRADES.map((g) => ({ value: g, label: g })));

export const ENTITY_COLUMN_ORDER: EntityColumn[] = [
  'name',
  'type',
  'aliases',
  'citations',
  'notes',
  'activeFrom',
  'activeTo',
  'grade',
  'summary',
  'updatedAt',
  'tags',
];
export const RELATION_COLUMN_ORDER: RelationColumn[] = [
  'sourceName',
  'type',
  'targetName',
  'startDate',
  'endDate',
  'weight',
  'corroboration',
  'grade',
  'notes',
];

function entityText(column: EntityColumn) {
  return ({ data }: ValueFormatterParams<EntityRow>) => (data ? entityCellText(data, column) : '');
}
function relationText(column: RelationColumn) {
  return ({ data }: ValueFormatterParams<RelationRow>) => (data ? relationCellText(data, column) : '');
}

/** The Entities tab's columns; the type editor and filter offer the case's own types. */
export function entityColumns(vocabulary: Vocabulary = DEFAULT_VOCABULARY): ColDef<EntityRow>[] {
  const types = vocabulary.entityTypes.map((t) => t.id);
  const base = (column: EntityColumn, extra: ColDef<EntityRow>): ColDef<EntityRow> => ({
    colId: column,
    field: column,
    headerName: ENTITY_HEADERS[column],
    valueFormatter: entityText(column),
    sortable: true,
    ...extra,
  });
  // Name is pinned left beside the selection box; the counts follow the aliases, so Type, Name,
  // Aliases, Citations and Notes fit a sheet of 630 px (the default at a 1400 px window). The
  // longer columns start hidden: the column chooser shows them.
  return [
    base('name', { width: 155, pinned: 'left', lockPinned: true, editable: true, ...TEXT_FILTER }),
    base('type', {
      width: 108,
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: types },
      ...setFilter(types.map((t) => ({ value: t, label: t }))),
    }),
    base('aliases', { width: 110, editable: true, headerTooltip: 'Separate aliases with ;', ...TEXT_FILTER }),
    base('citations', { width: 106, type: 'numericColumn', ...NUMBER_FILTER }),
    base('notes', {
      width: 86,
      type: 'numericColumn',
      headerTooltip: 'Notes never leave the machine in a CSV export',
      ...NUMBER_FILTER,
    }),
    base('activeFrom', {
      width: 105,
      editable: true,
      headerTooltip: 'When it became active: 2013, 2013-01 or 2013-01-16 (a year covers the whole year)',
      ...DATE_FILTER,
    }),
    base('activeTo', {
      width: 105,
      editable: true,
      headerTooltip:
        'When it stopped being active: 2013, 2013-01 or 2013-01-16 (a year covers the whole year)',
      ...DATE_FILTER,
    }),
    base('grade', { width: 105, headerTooltip: 'Best Admiralty grade of its citations', ...GRADE_FILTER }),
    base('summary', {
      width: 260,
      hide: true,
      editable: true,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 100_000, rows: 8, cols: 60 },
      ...TEXT_FILTER,
    }),
    base('updatedAt', { width: 150, hide: true, ...DATE_FILTER }),
    base('tags', { width: 150, editable: true, headerTooltip: 'Separate tags with ,', ...TEXT_FILTER }),
  ];
}

/** The Relations tab's columns; relation types read as the case's vocabulary says. */
export function relationColumns(vocabulary: Vocabulary = DEFAULT_VOCABULARY): ColDef<RelationRow>[] {
  const reads = new Map(vocabulary.relationTypes.map((t) => [t.id, t.reads]));
  const readsOf = (type: string): string => reads.get(type) ?? type.replaceAll('_', ' ');
  const types = vocabulary.relationTypes.map((t) => t.id);
  const base = (column: RelationColumn, extra: ColDef<RelationRow>): ColDef<RelationRow> => ({
    colId: column,
    field: column,
    headerName: RELATION_HEADERS[column],
    valueFormatter: relationText(column),
    sortable: true,
    ...extra,
  });
  return [
    base('sourceName', { width: 200, editable: true, ...TEXT_FILTER }),
    base('type', {
      width: 170,
      editable: true,
      cellEditor: 'agSelectCellEditor',
      valueFormatter: ({ data }: ValueFormatterParams<RelationRow>) => (data ? readsOf(data.type) : ''),
      cellEditorParams: { values: types, formatValue: readsOf },
      ...setFilter(types.map((t) => ({ value: t, label: readsOf(t) }))),
    }),
    base('targetName', { width: 200, editable: true, ...TEXT_FILTER }),
    base('startDate', { width: 105, editable: true, ...DATE_FILTER }),
    base('endDate', { width: 105, editable: true, ...DATE_FILTER }),
    base('weight', {
      width: 100,
      type: 'numericColumn',
      headerTooltip: 'Tie strength (a number), as the file or the analyst gave it',
      ...NUMBER_FILTER,
    }),
    base('corroboration', {
      width: 130,
      type: 'numericColumn',
      headerTooltip: 'Number of distinct sources citing the relation',
      ...NUMBER_FILTER,
    }),
    base('grade', { width: 110, ...GRADE_FILTER }),
    base('notes', { width: 90, type: 'numericColumn', ...NUMBER_FILTER }),
  ];
}

/**
 * One column per declared attribute (`attr:key`): the value from the row's attrs.values, sorted
 * and filtered in main through the attribute's expression index.
 */
export function attributeColumns<Row extends { values: Record<string, unknown> }>(
  attributes: AttributeDef[],
): ColDef<Row>[] {
  return attributes.map((a) => ({
    colId: attrColumnId(a.key),
    headerName: a.title,
    headerTooltip: `Attribute ‘${a.key}’ (${a.valueType}), kept from an import`,
    sortable: true,
    width: 140,
    valueGetter: ({ data }) => data?.values[a.key],
    valueFormatter: ({ value }) => attrText(value as string | number | boolean | undefined, a.valueType),
    ...(a.valueType === 'number'
      ? { type: 'numericColumn', ...NUMBER_FILTER }
      : a.valueType === 'boolean'
        ? setFilter([
            { value: 'yes', label: 'yes' },
            { value: 'no', label: 'no' },
          ])
        : a.valueType === 'date'
          ? DATE_FILTER
          : TEXT_FILTER),
  }));
}
