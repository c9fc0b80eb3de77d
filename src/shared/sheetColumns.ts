// The sheet's columns in the analyst's words, and how each cell reads as text. The grid shows
// these texts and the CSV export writes the same ones, so the file matches the screen.
import type { EntityColumn, EntityRow, RelationColumn, RelationRow } from './model';
import { relationReads } from './vocab';

export const ENTITY_HEADERS: Record<EntityColumn, string> = {
  type: 'Type',
  name: 'Name',
  aliases: 'Aliases',
  activeFrom: 'Active from',
  activeTo: 'Active to',
  summary: 'Summary',
  citations: 'Citations',
  grade: 'Best grade',
  notes: 'Notes',
  updatedAt: 'Updated',
  tags: 'Tags',
};

export const RELATION_HEADERS: Record<RelationColumn, string> = {
  sourceName: 'Source',
  type: 'Relation',
  targetName: 'Target',
  startDate: 'Start',
  endDate: 'End',
  weight: 'Weight',
  corroboration: 'Corroboration',
  grade: 'Best grade',
  notes: 'Notes',
};

/** Notes stay on this machine: the notes column is never exported. */
export const NEVER_EXPORTED = new Set<string>(['notes']);

/** "2026-11-23T07:58:11.123Z" → "2026-11-23 07:58" (UTC), the way the Updated column reads. */
export function formatTimestamp(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}

export function entityCellText(row: EntityRow, column: EntityColumn): string {
  switch (column) {
    case 'updatedAt':
      return formatTimestamp(row.updatedAt);
    case 'grade':
    case 'activeFrom':
    case 'activeTo':
      return row[column] ?? '';
    case 'citations':
    case 'notes':
      return String(row[column]);
    default:
      return row[column] ?? '';
  }
}

/** `reads` says how a relation type reads in the open case's vocabulary. */
export function relationCellText(
  row: RelationRow,
  column: RelationColumn,
  reads: (type: string) => string = relationReads,
): string {
  switch (column) {
    case 'type':
      return reads(row.type);
    case 'weight':
      return row.weight === null ? '' : String(row.weight);
    case 'startDate':
    case 'endDate':
    case 'grade':
      return row[column] ?? '';
    case 'corroboration':
    case 'notes':
      return String(row[column]);
    default:
      return row[column];
  }
}
