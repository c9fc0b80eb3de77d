// Errors cross IPC as data, never as thrown objects.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'no_case'
  | 'case_unreadable'
  | 'forbidden'
  | 'cancelled'
  | 'internal';

export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
