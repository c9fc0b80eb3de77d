// The graph's time window and the shared one (src/renderer/lib/timeWindow.ts) that the timeline
// drags: the graph publishes its whole-year window, and follows the shared one once a gesture pauses.
import { spanOfYears, yearsOf } from '../../../../shared/time';
import { timeWindowStore } from '../../../lib/timeWindow';
import type { GraphFilters } from '../model/graphData';
import type { GraphController } from './GraphController';

/**
 * Refiltering a big graph takes longer than a frame; done at each new year of a drag it made the
 * timeline's pan stutter (p95 frame 500 ms with 10,000 relations).
 */
const FOLLOW_PAUSE_MS = 150;

export class WindowSync {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly c: GraphController) {}

  stop(): void {
    clearTimeout(this.timer);
  }

  /** The graph's window (whole years) as the shared time window, which the timeline follows. */
  publish(): void {
    const { filters, years } = this.c.getState();
    const { from, to, showUndated } = filters;
    const window =
      (from === null && to === null) || !years ? null : spanOfYears(from ?? years.min, to ?? years.max);
    timeWindowStore.set({ window, showUndated, origin: 'graph' });
  }

  /** The shared window moved elsewhere (the timeline): followed once the gesture pauses. */
  follow(): void {
    if (timeWindowStore.get().origin === 'graph') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(), FOLLOW_PAUSE_MS);
  }

  /** The graph shows the whole years the shared window touches. */
  private apply(): void {
    const shared = timeWindowStore.get();
    if (shared.origin === 'graph') return;
    const state = this.c.getState();
    const { from, to, showUndated } = state.filters;
    let next: Pick<GraphFilters, 'from' | 'to'> = { from: null, to: null };
    if (shared.window) {
      const years = yearsOf(shared.window);
      const range = state.years;
      next = {
        from: range && years.from <= range.min ? null : years.from,
        to: range && years.to >= range.max ? null : years.to,
      };
    }
    if (next.from === from && next.to === to && shared.showUndated === showUndated) return;
    this.c.set({ filters: { ...state.filters, ...next, showUndated: shared.showUndated } });
    if (this.c.cy && this.c.getState().dataVersion) this.c.shownChanged();
  }
}
