import { z } from 'zod';
import { AttrColumn, type AttrValues } from '../attributes';
import { TypeId } from '../vocabulary';
import { ColumnFilter, Id, Limit, LongText, Offset, PartialDate, SortDir } from './common';

/** A relation type of the case's vocabulary (checked in main against the open case). */
export const RelationTypeSchema = TypeId;
/** Tie strength: any finite number. */
export const Weight = z.number().finite('A weight is a finite number.');

export const RelationDraft = z
  .object({
    sourceId: Id,
    targetId: Id,
    type: RelationTypeSchema,
    startDate: PartialDate.nullable().optional(),
    endDate: PartialDate.nullable().optional(),
    summary: LongText.optional(),
    weight: Weight.nullable().optional(),
  })
  .strict();
export type RelationDraft = z.infer<typeof RelationDraft>;

export const RelationPatch = RelationDraft.partial().strict();
export type RelationPatch = z.infer<typeof RelationPatch>;

export const RELATION_COLUMNS = [
  'sourceName',
  'type',
  'targetName',
  'startDate',
  'endDate',
  'weight',
  'corroboration',
  'grade',
  'notes',
] as const;
export const RelationColumn = z.enum(RELATION_COLUMNS);
export type RelationColumn = z.infer<typeof RelationColumn>;
/** A column of the Relations tab: a fixed one or a declared attribute (`attr:key`). */
export const RelationSheetColumn = z.union([RelationColumn, AttrColumn]);
export type RelationSheetColumn = RelationColumn | AttrColumn;

export const RelationQuery = z
  .object({
    offset: Offset,
    limit: Limit,
    sort: z
      .array(z.object({ column: RelationSheetColumn, dir: SortDir }).strict())
      .max(5)
      .optional(),
    filters: z.partialRecord(RelationSheetColumn, ColumnFilter).optional(),
    quick: z.string().max(200).optional(),
    entityId: Id.optional(),
  })
  .strict();
export type RelationQuery = z.infer<typeof RelationQuery>;

export interface Relation {
  id: number;
  sourceId: number;
  targetId: number;
  type: string;
  startDate: string | null;
  endDate: string | null;
  summary: string;
  weight: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One row of the sheet's Relations tab. */
export interface RelationRow extends Relation {
  sourceName: string;
  targetName: string;
  corroboration: number;
  grade: string | null;
  notes: number;
  /** Attribute values (attrs.values), by key. */
  values: AttrValues;
}
