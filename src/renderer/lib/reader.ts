// Which document the reader shows, and which passage to bring into view. Search, the sources list
// and anything else can open the reader through here without importing the sources feature.
import { useSyncExternalStore } from 'react';

/** A passage to show: exact offsets into the document text, or the text around it (from a search snippet). */
export type ReaderFocus =
  { start: number; end: number } | { context: string; offset: number; length: number };

export interface ReaderRequest {
  sourceId: number;
  focus?: ReaderFocus;
  /** Bumped on every request, so asking for the same passage again scrolls to it again. */
  n: number;
}

type Listener = () => void;
let current: ReaderRequest | null = null;
let counter = 0;
const listeners = new Set<Listener>();

function set(next: ReaderRequest | null): void {
  current = next;
  for (const l of listeners) l();
}

export function openReader(sourceId: number, focus?: ReaderFocus): void {
  set({ sourceId, focus, n: ++counter });
}

export function closeReader(): void {
  set(null);
}

export function useReader(): ReaderRequest | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Resolves a focus to offsets in the text, or null when the passage is no longer there. */
export function locate(text: string, focus: ReaderFocus | undefined): { start: number; end: number } | null {
  if (!focus) return null;
  if ('start' in focus) return focus.end <= text.length ? focus : null;
  const at = text.indexOf(focus.context);
  if (at < 0) return null;
  return { start: at + focus.offset, end: at + focus.offset + focus.length };
}
