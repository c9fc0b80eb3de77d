// File ▸ Restore from backup…: the copies kept of a case, and opening one as a new case file.
import path from 'node:path';
import type { BackupList } from '../../shared/ipc/backups/contract';
import type { CaseInfo } from '../../shared/ipc/contract';
import { AppError } from './errors';
import type { CaseSession } from './session';

/** The case whose backups are meant: the one given, the open one, or the last one asked for. */
function caseOf(session: CaseSession, file: string | undefined): string {
  const chosen = file ?? (session.isOpen ? session.store.file : session.lastCaseFile);
  if (!chosen)
    throw new AppError('no_case', 'No case is open, so there are no backups to show. Open a case first.');
  return chosen;
}

function backupsOf(session: CaseSession) {
  if (!session.backups)
    throw new AppError('not_found', 'Automatic backups are turned off in this workbench.');
  return session.backups;
}

export function listBackups(session: CaseSession, file?: string): BackupList {
  const caseFile = caseOf(session, file);
  const backups = backupsOf(session);
  return {
    caseName: path.basename(caseFile).replace(/\.[^.]+$/, ''),
    casePath: caseFile,
    backups: backups.list(caseFile),
    problem: backups.problem,
  };
}

/** Opens a backup as a new case file beside the others; the backup and the original are not touched. */
export function restoreBackup(session: CaseSession, id: string, file?: string): CaseInfo {
  const caseFile = caseOf(session, file);
  const backups = backupsOf(session);
  const entry = backups.list(caseFile).find((b) => b.id === id);
  if (!entry)
    throw new AppError('not_found', 'This backup is no longer there; choose another one from the list.');
  const name = path.basename(caseFile).replace(/\.[^.]+$/, '');
  const when = entry.createdAt.slice(0, 16).replace('T', ' ').replace(':', '.');
  const target = session.freshPath(`${name} (backup of ${when})`);
  backups.restoreTo(caseFile, id, target);
  session.open(target);
  return session.info();
}
