// Keeping label boxes apart: a spatial grid for near neighbours, the overlap-removal pass every
// layout ends with, and drawing a small graph compact enough to read at fit.
import type { LayoutNode } from './types';

/** Above this many nodes label boxes are not kept apart (labels only show close up, see style.ts). */
export const LABEL_OVERLAP_LIMIT = 3000;

/**
 * Points bucketed by grid cell in flat arrays (a hash of the cell into about 2n slots, counting
 * sort). `near` visits the points of the 3×3 cells around a point; a hash collision only adds
 * candidates, never loses one.
 */
export class SpatialGrid {
  private readonly mask: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    positions: Float64Array,
    private readonly cell: number,
  ) {
    const n = positions.length / 2;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    const slot = new Int32Array(n);
    const count = new Int32Array(size + 1);
    for (let i = 0; i < n; i++) {
      slot[i] = this.slot(Math.floor(positions[i * 2]! / cell), Math.floor(positions[i * 2 + 1]! / cell));
      count[slot[i]! + 1]!++;
    }
    for (let s = 0; s < size; s++) count[s + 1]! += count[s]!;
    this.start = count;
    this.items = new Int32Array(n);
    const fill = count.slice(0, size);
    for (let i = 0; i < n; i++) this.items[fill[slot[i]!]!++] = i;
  }

  private slot(cx: number, cy: number): number {
    return (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) & this.mask;
  }

  near(x: number, y: number, visit: (j: number) => void): void {
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    const seen: number[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const s = this.slot(cx + dx, cy + dy);
        if (seen.includes(s)) continue;
        seen.push(s);
        for (let k = this.start[s]!, end = this.start[s + 1]!; k < end; k++) visit(this.items[k]!);
      }
    }
  }
}

/**
 * Pushes apart nodes whose label boxes overlap, along the axis of least overlap, up to `passes`
 * passes or `budgetMs`. A spatial grid keeps each pass near O(n). Returns the overlaps found in
 * the last pass (0 when it ended clean).
 */
export function removeOverlaps(
  positions: Float64Array,
  nodes: LayoutNode[],
  padding = 6,
  passes = 60,
  budgetMs = Infinity,
): number {
  const n = nodes.length;
  if (n < 2) return 0;
  const deadline = performance.now() + budgetMs;
  let cell = 0;
  for (const node of nodes) cell = Math.max(cell, node.w + padding, node.h + padding);
  const w = Float64Array.from(nodes, (node) => node.w);
  const h = Float64Array.from(nodes, (node) => node.h);
  let overlaps = 0;
  for (let pass = 0; pass < passes; pass++) {
    const grid = new SpatialGrid(positions, cell);
    overlaps = 0;
    for (let i = 0; i < n; i++) {
      grid.near(positions[i * 2]!, positions[i * 2 + 1]!, (j) => {
        if (j <= i) return;
        const ddx = positions[j * 2]! - positions[i * 2]!;
        const ddy = positions[j * 2 + 1]! - positions[i * 2 + 1]!;
        const ox = (w[i]! + w[j]!) / 2 + padding - Math.abs(ddx);
        const oy = (h[i]! + h[j]!) / 2 + padding - Math.abs(ddy);
        if (ox <= 0 || oy <= 0) return;
        overlaps++;
        if (ox < oy) {
          const push = (ox / 2) * (ddx >= 0 ? 1 : -1) || ox / 2;
          positions[i * 2]! -= push;
          positions[j * 2]! += push;
        } else {
          const push = (oy / 2) * (ddy >= 0 ? 1 : -1) || oy / 2;
          positions[i * 2 + 1]! -= push;
          positions[j * 2 + 1]! += push;
        }
      });
    }
    if (overlaps === 0 || performance.now() > deadline) break;
  }
  return overlaps;
}

/** The box the nodes' label boxes take: left, top, width, height. */
export function extent(
  positions: Float64Array,
  nodes: LayoutNode[],
): { x: number; y: number; w: number; h: number } {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity; // prettier-ignore
  nodes.forEach((node, i) => {
    x1 = Math.min(x1, positions[i * 2]! - node.w / 2);
    x2 = Math.max(x2, positions[i * 2]! + node.w / 2);
    y1 = Math.min(y1, positions[i * 2 + 1]! - node.h / 2);
    y2 = Math.max(y2, positions[i * 2 + 1]! + node.h / 2);
  });
  return nodes.length ? { x: x1, y: y1, w: x2 - x1, h: y2 - y1 } : { x: 0, y: 0, w: 0, h: 0 };
}

/**
 * Draws a small graph compact enough to read at fit. A force layout spreads its nodes by their
 * edges' length, wider and taller than the screen holds at 100%, so at fit its 11 px labels were
 * drawn at 6–7 px. Here the positions are drawn in toward their centre, each axis by what the view
 * lacks (an affine squeeze: no crossing is made or undone), and the overlaps that makes removed
 * again; a few rounds, each at most halving. A graph too dense to fit stops where its boxes touch.
 */
export function compactToView(
  positions: Float64Array,
  nodes: LayoutNode[],
  view: { width: number; height: number },
  padding = 6,
  rounds = 5,
): void {
  const kept = new Float64Array(positions.length);
  for (let round = 0; round < rounds; round++) {
    const box = extent(positions, nodes);
    const kx = Math.max(0.5, Math.min(1, view.width / box.w));
    const ky = Math.max(0.5, Math.min(1, view.height / box.h));
    if (kx > 0.97 && ky > 0.97) return;
    kept.set(positions);
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;
    for (let i = 0; i < nodes.length; i++) {
      positions[i * 2] = cx + (positions[i * 2]! - cx) * kx;
      positions[i * 2 + 1] = cy + (positions[i * 2 + 1]! - cy) * ky;
    }
    // Squeezed past what overlap removal can undo: the last clean round stands.
    if (removeOverlaps(positions, nodes, padding, 300) > 0) return void positions.set(kept);
  }
}
