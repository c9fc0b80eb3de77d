// Shows failed calls in words, one dismissable message each; never swallows an error silently.
import { useEffect, useState } from 'react';
import { onIpcError, type IpcCallError } from '../lib/ipc';

interface Shown {
  key: number;
  error: IpcCallError;
}

let next = 1;

export function ErrorSurface() {
  const [shown, setShown] = useState<Shown[]>([]);
  useEffect(
    () =>
      onIpcError((error) => {
        // The same sentence twice (a read-only case refusing each saved column width) is shown once.
        setShown((list) =>
          list.some((s) => s.error.message === error.message)
            ? list
            : [...list.slice(-4), { key: next++, error }],
        );
      }),
    [],
  );
  if (shown.length === 0) return null;
  return (
    <div className="error-surface" role="alert" aria-live="assertive">
      {shown.map(({ key, error }) => (
        <div key={key} className="error-message" data-code={error.code}>
          <span>{error.message}</span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => setShown((l) => l.filter((s) => s.key !== key))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
