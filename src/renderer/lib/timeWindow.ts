// The case's time window, shared by the graph and the timeline (features do not import each other):
// dragging or zooming one moves the other. null: no window, every date shows.
import { useSyncExternalStore } from 'react';
import type { TimeSpan } from '../../shared/time';

export interface TimeWindowState {
  window: TimeSpan | null;
  /** Whether undated entities and relations still show under a window. */
  showUndated: boolean;
  /** Who set it last ('graph', 'timeline'…), so a pane does not echo its own change back. */
  origin: string;
}

type Listener = () => void;
let state: TimeWindowState = { window: null, showUndated: true, origin: 'init' };
const listeners = new Set<Listener>();

export const timeWindowStore = {
  get: (): TimeWindowState => state,
  set(patch: Partial<TimeWindowState> & { origin: string }): void {
    const next = { ...state, ...patch };
    const same =
      next.showUndated === state.showUndated &&
      (next.window === state.window ||
        (next.window !== null &&
          state.window !== null &&
          next.window.start === state.window.start &&
          next.window.end === state.window.end));
    if (same) return;
    state = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** A new case starts without a window. */
  reset(): void {
    state = { window: null, showUndated: true, origin: 'reset' };
    for (const listener of listeners) listener();
  },
};

export function useTimeWindow(): TimeWindowState {
  return useSyncExternalStore(timeWindowStore.subscribe, timeWindowStore.get);
}

/**
 * Only whether a window is set and whether undated things show: a pane that needs no more is not
 * re-rendered at every frame of a pan.
 */
export function useTimeWindowFlags(): { windowed: boolean; showUndated: boolean } {
  const key = useSyncExternalStore(
    timeWindowStore.subscribe,
    () => `${state.window !== null}|${state.showUndated}`,
  );
  const [windowed, showUndated] = key.split('|');
  return { windowed: windowed === 'true', showUndated: showUndated === 'true' };
}

declare global {
  interface Window {
    /** Test hook (e2e, bench): the shared time window. */
    __awTime?: typeof timeWindowStore;
  }
}
window.__awTime = timeWindowStore;
