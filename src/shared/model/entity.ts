import { z } from 'zod';
import { AttrColumn, type AttrValues } from '../attributes';
import { TypeId } from '../vocabulary';
import { ColumnFilter, Limit, LongText, Name, Offset, PartialDate, SortDir } from './common';

/** An entity type of the case's vocabulary (checked in main against the open case). */
export const EntityTypeSchema = TypeId;
const Aliases = z.array(Name).max(200);
const Tags = z.array(z.string().min(1).max(100)).max(100);

export const EntityDraft = z
  .object({
    type: EntityTypeSchema,
    name: Name,
    aliases: Aliases.optional(),
    summary: LongText.optional(),
    tags: Tags.optional(),
    /** Lifetime: partial ISO dates; a partial date covers its whole period ("2013" is all of 2013). */
    activeFrom: PartialDate.nullable().optional(),
    activeTo: PartialDate.nullable().optional(),
  })
  .strict();
export type EntityDraft = z.infer<typeof EntityDraft>;

export const EntityPatch = z
  .object({
    type: EntityTypeSchema.optional(),
    name: Name.optional(),
    aliases: Aliases.optional(),
    summary: LongText.optional(),
    tags: Tags.optional(),
    activeFrom: PartialDate.nullable().optional(),
    activeTo: PartialDate.nullable().optional(),
  })
  .strict();
export type EntityPatch = z.infer<typeof EntityPatch>;

export const ENTITY_COLUMNS = [
  'type',
  'name',
  'aliases',
  'activeFrom',
  'activeTo',
  'summary',
  'citations',
  'grade',
  'notes',
  'updatedAt',
  'tags',
] as const;
export const EntityColumn = z.enum(ENTITY_COLUMNS);
export type EntityColumn = z.infer<typeof EntityColumn>;
/** A column of the Entities tab: a fixed one or a declared attribute (`attr:key`). */
export const EntitySheetColumn = z.union([EntityColumn, AttrColumn]);
export type EntitySheetColumn = EntityColumn | AttrColumn;

export const EntityQuery = z
  .object({
    offset: Offset,
    limit: Limit,
    sort: z
      .array(z.object({ column: EntitySheetColumn, dir: SortDir }).strict())
      .max(5)
      .optional(),
    filters: z.partialRecord(EntitySheetColumn, ColumnFilter).optional(),
    quick: z.string().max(200).optional(),
    /** The columns the quick search looks in (the sheet's shown ones); absent: names, aliases and summaries. */
    quickIn: z.array(EntitySheetColumn).max(200).optional(),
  })
  .strict();
export type EntityQuery = z.infer<typeof EntityQuery>;

export interface Fact {
  name: string;
  value: string;
  asOf?: string | null;
  /** The passages that state the figure: source title, quote, credibility digit. */
  citations?: { source: string; quote: string; credibility: number }[];
}

export interface Entity {
  id: number;
  type: string;
  name: string;
  aliases: string[];
  summary: string;
  tags: string[];
  attrs: { facts?: Fact[] } & Record<string, unknown>;
  activeFrom: string | null;
  activeTo: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One row of the sheet's Entities tab. */
export interface EntityRow {
  id: number;
  type: string;
  name: string;
  aliases: string;
  activeFrom: string | null;
  activeTo: string | null;
  summary: string;
  tags: string;
  citations: number;
  grade: string | null;
  notes: number;
  updatedAt: string;
  /** Attribute values (attrs.values), by key. */
  values: AttrValues;
}
