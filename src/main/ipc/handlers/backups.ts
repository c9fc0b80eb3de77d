// Handlers of the automatic backups' channels (see src/shared/ipc/backups/contract.ts).
import path from 'node:path';
import type { BACKUPS_CHANNELS } from '../../../shared/ipc/backups/channels';
import { listBackups, restoreBackup } from '../../services/restore';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type BackupsHandlers = { [C in (typeof BACKUPS_CHANNELS)[number]]: Handler<C> };

export function backupsHandlers({ session }: HandlerContext): BackupsHandlers {
  return {
    'backups:list': ({ path: file }) => listBackups(session, file ? path.resolve(file) : undefined),
    'backups:restore': ({ path: file, id }) =>
      restoreBackup(session, id, file ? path.resolve(file) : undefined),
  };
}
