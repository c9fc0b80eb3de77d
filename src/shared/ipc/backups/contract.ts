// IPC contract of the automatic backups: the copies kept of a case, and opening one as a new case.
import { z } from 'zod';
import { READS, channel, writes } from '../channel';
import type { CaseCounts, CaseInfo } from '../contract';
import { CasePath } from '../casePath';

export interface BackupSummary {
  /** What backups:restore takes. */
  id: string;
  /** ISO 8601, when the copy was made. */
  createdAt: string;
  bytes: number;
  counts: CaseCounts;
}

export interface BackupList {
  /** The case the copies are of (the open one, or the last one asked for when it failed to open). */
  caseName: string | null;
  casePath: string | null;
  /** Newest first. */
  backups: BackupSummary[];
  /** Why the last automatic backup could not be made, if it could not. */
  problem: string | null;
}

const BackupId = z
  .string()
  .regex(/^[0-9T-]{10,40}Z\.awcase$/, 'This is not the name of a backup; choose one from the list.');

export const backupsContract = {
  'backups:list': channel<BackupList>()(z.object({ path: CasePath.optional() }).strict(), READS),
  'backups:restore': channel<CaseInfo>()(
    z.object({ path: CasePath.optional(), id: BackupId }).strict(),
    writes('*'),
  ),
} as const;
