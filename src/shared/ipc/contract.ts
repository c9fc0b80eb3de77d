// The IPC contract: every channel, the zod schema main parses its payload with, and what it returns.
// Adding an endpoint: name it here with its schema, add its handler in main, call it from the renderer.
import { z } from 'zod';
import {
  EntityDraft,
  EntityPatch,
  EntityQuery,
  Id,
  NoteDraft,
  RelationDraft,
  RelationPatch,
  RelationQuery,
  Subject,
  type Citation,
  type Entity,
  type EntityRow,
  type Note,
  type Page,
  type Relation,
  type RelationRow,
  type SourceDocument,
  type SourceSummary,
} from '../model';
import { channel } from './channel';
import type { CHANNEL_NAMES } from './channels';
import { graphContract } from './graph/contract';
import { notesContract } from './notes/contract';
import { sheetContract } from './sheet/contract';
import { sourcesContract } from './sources/contract';
import { vocabularyContract } from './vocabulary/contract';

export interface CaseCounts {
  entities: number;
  relations: number;
  sources: number;
  notes: number;
}

export interface CaseInfo {
  open: boolean;
  name: string | null;
  path: string | null;
  counts: CaseCounts;
  schemaVersion: number | null;
  /** Why no case is open, when the workbench closed one itself (e.g. found damaged). */
  problem: string | null;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface EntityDetail extends Entity {
  citations: Citation[];
  relations: RelationRow[];
}

/** A file path chosen by the analyst; case files end in .awcase. */
const CasePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /\.awcase$/i.test(p), 'Case files end in .awcase.');

const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();
const ByIds = z.object({ ids: z.array(Id).min(1).max(10_000) }).strict();

const coreContract = {
  'case:info': channel<CaseInfo>()(Empty),
  'case:create': channel<CaseInfo>()(z.object({ path: CasePath.optional() }).strict()),
  'case:open': channel<CaseInfo>()(z.object({ path: CasePath }).strict()),
  'case:openSample': channel<CaseInfo>()(Empty),
  'case:recent': channel<string[]>()(Empty),

  'entities:list': channel<Page<EntityRow>>()(EntityQuery),
  /** Where an entity sits among the sheet's rows (its sort, filters and quick search); null: filtered out. */
  'entities:position': channel<{ index: number | null }>()(
    z.object({ id: Id, query: EntityQuery.omit({ offset: true, limit: true }) }).strict(),
  ),
  'entities:get': channel<EntityDetail>()(ById),
  'entities:create': channel<Entity>()(EntityDraft),
  'entities:update': channel<Entity>()(z.object({ id: Id, patch: EntityPatch }).strict()),
  'entities:delete': channel<{ deleted: number }>()(ByIds),

  'relations:list': channel<Page<RelationRow>>()(RelationQuery),
  'relations:create': channel<Relation>()(RelationDraft),
  'relations:update': channel<Relation>()(z.object({ id: Id, patch: RelationPatch }).strict()),
  'relations:delete': channel<{ deleted: number }>()(ByIds),

  'notes:list': channel<Note[]>()(z.object({ subject: Subject }).strict()),
  'notes:save': channel<Note>()(NoteDraft),
  'notes:delete': channel<{ deleted: number }>()(ById),

  'sources:list': channel<SourceSummary[]>()(Empty),
  'sources:get': channel<SourceDocument & { citations: Citation[] }>()(ById),

  'history:state': channel<HistoryState>()(Empty),
  'history:undo': channel<HistoryState>()(Empty),
  'history:redo': channel<HistoryState>()(Empty),
} as const;

export const contract = {
  ...coreContract,
  ...sheetContract,
  ...graphContract,
  ...notesContract,
  ...sourcesContract,
  ...vocabularyContract,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
export type Parsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = NonNullable<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as ChannelName[];

/** Tables a write touched; main pushes this after every write so panes re-read. */
export interface StoreChanged {
  tables: string[];
  reason: string;
}
export const STORE_CHANGED = 'store:changed';

// Compile-time check that channels.ts lists exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listedChannelsMatch: Same<(typeof CHANNEL_NAMES)[number], ChannelName> = true;
void listedChannelsMatch;
