import type { ErrorCode } from '../../shared/ipc/result';

/** An error meant for the analyst: its message says what happened and what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string, id: number): AppError {
  return new AppError('not_found', `No ${what} with id ${id} exists in this case; it may have been deleted.`);
}

export function readOnlyRefusal(caseName: string): AppError {
  return new AppError('read_only', `“${caseName}” is open read-only, so this change was not made.`);
}

/**
 * A storage failure the analyst can act on, in one sentence; null for anything else. SQLite rolls
 * the failed transaction back, so the case is as it was before the write.
 */
export function storeProblem(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_FULL')
    return new AppError(
      'disk_full',
      'The disk is full, so this change was not saved and the case is as it was: free some space and try again.',
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError('read_only', 'This case is open read-only, so this change was not made.');
  if (code.startsWith('SQLITE_IOERR'))
    return new AppError(
      'internal',
      'The case file could not be written (the disk reported an error), so this change was not saved and the case is as it was.',
    );
  if (code.startsWith('SQLITE_CONSTRAINT'))
    return new AppError(
      'invalid_input',
      'This change would break a rule of the case file (for example an empty name or a relation without both ends), so it was not made.',
    );
  if (code === 'SQLITE_BUSY')
    return new AppError(
      'conflict',
      'The case file is busy with another program, so this change was not made: try again in a moment.',
    );
  return null;
}
