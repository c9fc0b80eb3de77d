// F6 and Shift+F6: focus moves from pane to pane (sheet, graph, side panel, an open reader) in the
// order they stand, landing where the keyboard works in each (the grid, the graph's canvas).
// A pane is marked data-pane; the element inside it to focus, data-pane-focus.

function panes(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-pane]')].filter(
    (p) => !p.hidden && p.getClientRects().length > 0,
  );
}

/** Focuses a pane where its keyboard works: its data-pane-focus element, or the pane itself. */
export function focusPane(pane: HTMLElement): void {
  const target = pane.querySelector<HTMLElement>('[data-pane-focus]') ?? pane;
  target.focus({ preventScroll: true });
}

export function focusPaneById(id: string): void {
  const pane = document.getElementById(id);
  if (pane) focusPane(pane);
}

export function movePaneFocus(step: 1 | -1): void {
  const list = panes();
  if (!list.length) return;
  const at = list.findIndex((p) => p.contains(document.activeElement));
  const next = at === -1 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
  focusPane(list[next]!);
}
