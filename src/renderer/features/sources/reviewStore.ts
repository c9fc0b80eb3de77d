// Which document's suggestions the review pane shows. The import dialog, the Sources pane and the
// reader open it through here.
import { useSyncExternalStore } from 'react';

type Listener = () => void;
let current: number | null = null;
const listeners = new Set<Listener>();

function set(next: number | null): void {
  current = next;
  for (const l of listeners) l();
}

export const openReview = (sourceId: number): void => set(sourceId);
export const closeReview = (): void => set(null);

export function useReview(): number | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
