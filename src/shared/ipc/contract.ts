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
import { backupsContract } from './backups/contract';
import { CasePath } from './casePath';
import { READS, channel, writes, type Channel } from './channel';
import { CASE_TABLES } from './tables';
import type { CHANNEL_NAMES } from './channels';
import { graphContract } from './graph/contract';
import { notesContract } from './notes/contract';
import { sheetContract } from './sheet/contract';
import { interchangeContract } from './interchange/contract';
import { analyticsContract } from './analytics/contract';
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
  /** Why the case is open read-only (one sentence for the banner); null when it can be changed. */
  readOnly: string | null;
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

const Empty = z.object({}).strict();
const ById = z.object({ id: Id }).strict();
const ByIds = z.object({ ids: z.array(Id).min(1).max(10_000) }).strict();

const coreContract = {
  'case:info': channel<CaseInfo>()(Empty, READS),
  'case:create': channel<CaseInfo>()(z.object({ path: CasePath.optional() }).strict(), writes('*')),
  /** readOnly: open it read-only (offered when another window has it open). */
  'case:open': channel<CaseInfo>()(
    z.object({ path: CasePath, readOnly: z.boolean().optional() }).strict(),
    writes('*'),
  ),
  'case:openSample': channel<CaseInfo>()(Empty, writes('*')),
  'case:recent': channel<string[]>()(Empty, READS),

  'entities:list': channel<Page<EntityRow>>()(EntityQuery, READS),
  /** Where an entity sits among the sheet's rows (its sort, filters and quick search); null: filtered out. */
  'entities:position': channel<{ index: number | null }>()(
    z.object({ id: Id, query: EntityQuery.omit({ offset: true, limit: true }) }).strict(),
    READS,
  ),
  'entities:get': channel<EntityDetail>()(ById, READS),
  'entities:create': channel<Entity>()(EntityDraft, writes('entity', 'alias')),
  'entities:update': channel<Entity>()(
    z.object({ id: Id, patch: EntityPatch }).strict(),
    writes('entity', 'alias'),
  ),
  'entities:delete': channel<{ deleted: number }>()(
    ByIds,
    writes('entity', 'alias', 'relation', 'citation', 'note'),
  ),

  'relations:list': channel<Page<RelationRow>>()(RelationQuery, READS),
  'relations:create': channel<Relation>()(RelationDraft, writes('relation')),
  'relations:update': channel<Relation>()(
    z.object({ id: Id, patch: RelationPatch }).strict(),
    writes('relation'),
  ),
  'relations:delete': channel<{ deleted: number }>()(ByIds, writes('relation', 'citation', 'note')),

  'notes:list': channel<Note[]>()(z.object({ subject: Subject }).strict(), READS),
  'notes:save': channel<Note>()(NoteDraft, writes('note', 'entity', 'relation')),
  'notes:delete': channel<{ deleted: number }>()(ById, writes('note', 'entity', 'relation')),

  'sources:list': channel<SourceSummary[]>()(Empty, READS),
  'sources:get': channel<SourceDocument & { citations: Citation[] }>()(ById, READS),

  'history:state': channel<HistoryState>()(Empty, READS),
  'history:undo': channel<HistoryState>()(Empty, writes(...CASE_TABLES)),
  'history:redo': channel<HistoryState>()(Empty, writes(...CASE_TABLES)),
} as const;

export const contract = {
  ...coreContract,
  ...sheetContract,
  ...graphContract,
  ...notesContract,
  ...backupsContract,
  ...sourcesContract,
  ...vocabularyContract,
  ...interchangeContract,
  ...analyticsContract,
} as const satisfies Record<string, Channel<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Input<C extends ChannelName> = z.input<Contract[C]['input']>;
export type Parsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type Output<C extends ChannelName> = NonNullable<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as ChannelName[];

export type { StoreChanged, TableName, Written } from './tables';
export const STORE_CHANGED = 'store:changed';

// Compile-time check that channels.ts lists exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listedChannelsMatch: Same<(typeof CHANNEL_NAMES)[number], ChannelName> = true;
void listedChannelsMatch;
