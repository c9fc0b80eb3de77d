// The handler table: one entry per channel of the contract, each a thin call into services.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo, ChannelName } from '../../shared/ipc/contract';
import { loadCaseData, readCaseJson, sourceBytesReader, sourceTextReader } from '../services/caseData';
import { createEntity, deleteEntities, getEntity, updateEntity } from '../services/entities';
import { AppError, notFound, readOnlyRefusal } from '../services/errors';
import { redo, undo } from '../services/history';
import { deleteNote, saveNote } from '../services/notes';
import { createRelation, deleteRelations, updateRelation } from '../services/relations';
import type { CaseSession } from '../services/session';
import { isWrite, type HandlerTable } from './handle';
import { analyticsHandlers } from './handlers/analytics';
import { backupsHandlers } from './handlers/backups';
import { graphHandlers } from './handlers/graph';
import { interchangeHandlers } from './handlers/interchange';
import { notesHandlers } from './handlers/notes';
import { sheetHandlers } from './handlers/sheet';
import { sourcesHandlers } from './handlers/sources';
import { vocabularyHandlers } from './handlers/vocabulary';

export interface HandlerContext {
  session: CaseSession;
  /** The app's resources folder (sample case). */
  resourcesDir: string;
}

/** Writes the sample case into a new case file and opens it. */
export function openSampleCase({ session, resourcesDir }: HandlerContext): CaseInfo {
  const dir = path.join(resourcesDir, 'sample-case');
  const file = path.join(dir, 'case.json');
  if (!fs.existsSync(file))
    throw new AppError('not_found', 'The sample case is missing from this installation.');
  const data = readCaseJson(file);
  const store = session.create(session.freshPath('Maghreb and Sahel (sample)'));
  loadCaseData(store, data, sourceTextReader(dir), sourceBytesReader(dir));
  session.emit(['*'], 'sample case loaded');
  return session.info();
}

/**
 * Channels a read-only case still answers although they are not reads: they open or make another
 * case (the open one is not written) or export it.
 */
export const ALLOWED_READ_ONLY: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'case:create',
  'case:open',
  'case:openSample',
  'case:exportJson',
  'backups:restore',
  'case:importFile',
]);

/** While the open case is read-only, every write channel is refused with one sentence before it runs. */
function refuseWritesWhenReadOnly(table: HandlerTable, session: CaseSession): HandlerTable {
  const guarded = { ...table } as Record<ChannelName, (input: unknown) => unknown>;
  for (const channel of Object.keys(table) as ChannelName[]) {
    if (!isWrite(channel) || ALLOWED_READ_ONLY.has(channel)) continue;
    const handler = guarded[channel];
    guarded[channel] = (input) => {
      if (session.isOpen && session.store.readOnly !== null) throw readOnlyRefusal(session.store.name);
      return handler(input);
    };
  }
  return guarded as HandlerTable;
}

export function createHandlers(ctx: HandlerContext): HandlerTable {
  // Read-only is checked first: a case open read-only never starts a long write, and its sentence says why.
  return refuseWritesWhenReadOnly(guardWrites(ctx.session, allHandlers(ctx)), ctx.session);
}

/** While a long write holds the case (a document import), every other write is refused with a sentence. */
function guardWrites(session: CaseSession, table: HandlerTable): HandlerTable {
  const guarded = { ...table } as Record<ChannelName, (input: never) => unknown>;
  for (const channel of Object.keys(table) as ChannelName[]) {
    if (!isWrite(channel) || WHILE_BUSY.has(channel)) continue;
    const handler = table[channel] as (input: never) => unknown;
    guarded[channel] = (input) => {
      session.assertIdle();
      return handler(input);
    };
  }
  return guarded as HandlerTable;
}

/** Writes that may run while a long write holds the case: cancelling it. */
const WHILE_BUSY = new Set<ChannelName>(['sources:importCancel', 'csvImport:cancel']);

function allHandlers(ctx: HandlerContext): HandlerTable {
  const { session } = ctx;
  const store = () => session.store;
  return {
    'case:info': () => session.info(),
    'case:create': ({ path: file }) => {
      session.create(file);
      return session.info();
    },
    'case:open': ({ path: file, readOnly }) => {
      session.open(file, { readOnly });
      return session.info();
    },
    'case:openSample': () => openSampleCase(ctx),
    'case:recent': () => session.recent(),

    'entities:list': (query) => store().entities.page(query),
    'entities:position': ({ id, query }) => ({ index: store().entities.position(id, query) }),
    'entities:get': ({ id }) => getEntity(store(), id),
    'entities:create': (draft) => createEntity(store(), draft),
    'entities:update': (input) => updateEntity(store(), input),
    'entities:delete': ({ ids }) => deleteEntities(store(), ids),

    'relations:list': (query) => store().relations.page(query),
    'relations:create': (draft) => createRelation(store(), draft),
    'relations:update': (input) => updateRelation(store(), input),
    'relations:delete': ({ ids }) => deleteRelations(store(), ids),

    'notes:list': ({ subject }) => store().notes.list(subject),
    'notes:save': (draft) => saveNote(store(), draft),
    'notes:delete': ({ id }) => deleteNote(store(), id),

    'sources:list': () => store().sources.list(),
    'sources:get': ({ id }) => {
      const source = store().sources.get(id);
      if (!source) throw notFound('source', id);
      return { ...source, citations: store().sources.citationsIn(id) };
    },

    'history:state': () => store().journal.state(),
    'history:undo': () => undo(store()),
    'history:redo': () => redo(store()),

    ...sheetHandlers(ctx),
    ...graphHandlers(ctx),
    ...notesHandlers(ctx),
    ...backupsHandlers(ctx),
    ...sourcesHandlers(ctx),
    ...vocabularyHandlers(ctx),
    ...interchangeHandlers(ctx),
    ...analyticsHandlers(ctx),
  };
}
