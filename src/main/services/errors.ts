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
