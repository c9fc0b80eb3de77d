// Errors cross IPC as data, never as thrown objects.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'no_case'
  | 'case_unreadable'
  /** The case is open for writing in another window or process. */
  | 'case_in_use'
  /** The case is open read-only; writes are refused. */
  | 'read_only'
  | 'disk_full'
  | 'forbidden'
  | 'cancelled'
  | 'internal';

export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
