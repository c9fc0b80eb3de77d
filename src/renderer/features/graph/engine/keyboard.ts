// The graph from the keyboard: an arrow key moves the selection to the neighbouring entity that lies
// in that direction on screen, so an analyst can walk the network without a mouse.
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

export type Direction = 'left' | 'right' | 'up' | 'down';
export const ARROW_KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};
const VECTORS: Record<Direction, [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

const shown = (nodes: NodeCollection): NodeCollection => nodes.filter('[entityId]').not('.hidden');

/**
 * The nearest of `candidates` within about 60° of the direction from `from`; a node straight
 * ahead wins over a nearer one far to the side.
 */
function nearestAhead(from: NodeSingular, candidates: NodeCollection, dir: Direction): NodeSingular | null {
  const [vx, vy] = VECTORS[dir];
  const p = from.position();
  let best: NodeSingular | null = null;
  let bestCost = Infinity;
  candidates.forEach((n) => {
    if (n.same(from)) return;
    const q = n.position();
    const along = (q.x - p.x) * vx + (q.y - p.y) * vy;
    const across = Math.abs((q.x - p.x) * vy - (q.y - p.y) * vx);
    if (along <= 0 || across > along * 1.8) return;
    const cost = along + across * 2;
    if (cost < bestCost) [best, bestCost] = [n, cost];
  });
  return best;
}

/** Where an arrow key goes from `from`: a neighbour shown in that direction, else any entity shown there. */
export function stepFrom(cy: Core, from: NodeSingular, dir: Direction): NodeSingular | null {
  return (
    nearestAhead(from, shown(from.neighborhood().nodes()), dir) ?? nearestAhead(from, shown(cy.nodes()), dir)
  );
}

/** Where the first arrow key goes with nothing selected: the entity shown nearest the view's centre. */
export function nearestToCentre(cy: Core): NodeSingular | null {
  const e = cy.extent();
  const cx = (e.x1 + e.x2) / 2;
  const cyy = (e.y1 + e.y2) / 2;
  let best: NodeSingular | null = null;
  let bestDistance = Infinity;
  shown(cy.nodes()).forEach((n) => {
    const { x, y } = n.position();
    const d = (x - cx) ** 2 + (y - cyy) ** 2;
    if (d < bestDistance) [best, bestDistance] = [n, d];
  });
  return best;
}
