// IPC contract of the case's vocabulary: its entity and relation types, which the analyst adds,
// renames, recolours, merges and deletes (each one undo step).
import { z } from 'zod';
import {
  Colour,
  LINE_STYLES,
  NODE_SHAPES,
  TypeId,
  type EntityTypeDef,
  type RelationTypeDef,
} from '../../vocabulary';
import { READS, channel, writes } from '../channel';

export const TypeKind = z.enum(['entity', 'relation']);
export type TypeKind = z.infer<typeof TypeKind>;

const Label = z
  .string()
  .trim()
  .min(1, 'A type needs a name.')
  .max(100, 'A type’s name may be at most 100 characters.');

export const EntityTypeInput = z
  .object({ id: TypeId, label: Label, plural: Label, colour: Colour, shape: z.enum(NODE_SHAPES) })
  .strict();
export const RelationTypeInput = z
  .object({
    id: TypeId,
    reads: Label,
    symmetric: z.boolean(),
    lineage: z.boolean(),
    colour: Colour,
    lineStyle: z.enum(LINE_STYLES),
  })
  .strict();

/** A type with how many entities or relations carry it. */
export type Counted<T> = T & { count: number };
export interface VocabularyInfo {
  entityTypes: Counted<EntityTypeDef>[];
  relationTypes: Counted<RelationTypeDef>[];
}

export const vocabularyContract = {
  'vocabulary:list': channel<VocabularyInfo>()(z.object({}).strict(), READS),
  /** Adds a type, or changes one the case has (its name, colour, shape or line, how it reads). */
  'vocabulary:save': channel<VocabularyInfo>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('entity'), type: EntityTypeInput }).strict(),
      z.object({ kind: z.literal('relation'), type: RelationTypeInput }).strict(),
    ]),
    writes('vocabulary'),
  ),
  /** Moves every entity or relation of one type to another, and removes the first. */
  'vocabulary:merge': channel<{ moved: number }>()(
    z.object({ kind: TypeKind, from: TypeId, into: TypeId }).strict(),
    writes('vocabulary', 'entity', 'relation'),
  ),
  /** Removes a type no entity or relation uses. */
  'vocabulary:delete': channel<{ deleted: number }>()(
    z.object({ kind: TypeKind, id: TypeId }).strict(),
    writes('vocabulary'),
  ),
} as const;
