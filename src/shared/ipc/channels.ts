// Channel names only, with no dependencies, so the sandboxed preload can allow-list them.
// contract.ts checks at compile time that this list and the contract agree.
import { BACKUPS_CHANNELS } from './backups/channels';
import { GRAPH_CHANNELS } from './graph/channels';
import { NOTES_CHANNELS } from './notes/channels';
import { SHEET_CHANNELS } from './sheet/channels';
import { INTERCHANGE_CHANNELS } from './interchange/channels';
import { ANALYTICS_CHANNELS } from './analytics/channels';
import { SOURCES_CHANNELS } from './sources/channels';
import { VOCABULARY_CHANNELS } from './vocabulary/channels';

export const CHANNEL_NAMES = [
  'case:info',
  'case:create',
  'case:open',
  'case:openSample',
  'case:recent',
  'entities:list',
  'entities:position',
  'entities:get',
  'entities:create',
  'entities:update',
  'entities:delete',
  'relations:list',
  'relations:create',
  'relations:update',
  'relations:delete',
  'notes:list',
  'notes:save',
  'notes:delete',
  'sources:list',
  'sources:get',
  'history:state',
  'history:undo',
  'history:redo',
  ...SHEET_CHANNELS,
  ...GRAPH_CHANNELS,
  ...NOTES_CHANNELS,
  ...BACKUPS_CHANNELS,
  ...SOURCES_CHANNELS,
  ...VOCABULARY_CHANNELS,
  ...INTERCHANGE_CHANNELS,
  ...ANALYTICS_CHANNELS,
] as const;

/** Shell-only channels (native dialogs, file saving); the browser shell does these in the page. */
export const PLATFORM_CHANNELS = ['platform:saveFile', 'platform:download'] as const;

/** Events main pushes to the renderer. */
export const EVENT_NAMES = ['store:changed', 'menu:command'] as const;
