// The simple layouts: grid (by type, then name), circle, and concentric rings by centrality.
import { removeOverlaps } from './overlaps';
import type { LayoutInput, LayoutNode, LayoutResult } from './types';

export function gridLayout({ nodes }: LayoutInput): LayoutResult {
  const positions = new Float64Array(nodes.length * 2);
  const order = nodes
    .map((_, i) => i)
    .sort((a, b) => (nodes[a]!.sortKey ?? '').localeCompare(nodes[b]!.sortKey ?? ''));
  const cellW = Math.max(40, ...nodes.map((n) => n.w)) + 16;
  const cellH = Math.max(30, ...nodes.map((n) => n.h)) + 16;
  const cols = Math.max(1, Math.ceil(Math.sqrt((nodes.length * cellH * 1.4) / cellW)));
  order.forEach((i, k) => {
    positions[i * 2] = (k % cols) * cellW;
    positions[i * 2 + 1] = Math.floor(k / cols) * cellH;
  });
  return { positions, loopEdges: [] };
}

function ringPositions(
  order: number[],
  nodes: LayoutNode[],
  positions: Float64Array,
  startRadius: number,
  ringGap: number,
): void {
  let k = 0;
  let radius = startRadius;
  while (k < order.length) {
    if (radius === 0) {
      positions[order[k]! * 2] = 0;
      positions[order[k]! * 2 + 1] = 0;
      k++;
      radius = ringGap;
      continue;
    }
    const spacing = Math.max(...order.slice(k, k + 50).map((i) => Math.max(nodes[i]!.w, nodes[i]!.h))) + 12;
    const capacity = Math.max(1, Math.floor((2 * Math.PI * radius) / spacing));
    const ring = order.slice(k, k + capacity);
    ring.forEach((i, j) => {
      const a = (2 * Math.PI * j) / ring.length - Math.PI / 2;
      positions[i * 2] = Math.cos(a) * radius;
      positions[i * 2 + 1] = Math.sin(a) * radius;
    });
    k += ring.length;
    radius += ringGap;
  }
}

export function circleLayout({ nodes }: LayoutInput): LayoutResult {
  const positions = new Float64Array(nodes.length * 2);
  const order = nodes
    .map((_, i) => i)
    .sort((a, b) => (nodes[a]!.sortKey ?? '').localeCompare(nodes[b]!.sortKey ?? ''));
  const circumference = nodes.reduce((s, n) => s + Math.max(n.w, n.h) * 0.8 + 12, 0);
  const radius = Math.max(100, circumference / (2 * Math.PI));
  order.forEach((i, j) => {
    const a = (2 * Math.PI * j) / order.length - Math.PI / 2;
    positions[i * 2] = Math.cos(a) * radius;
    positions[i * 2 + 1] = Math.sin(a) * radius;
  });
  removeOverlaps(positions, nodes, 4, 20);
  return { positions, loopEdges: [] };
}

/** Concentric: the most central node in the middle, rings outward in falling centrality. */
export function concentricLayout({ nodes }: LayoutInput): LayoutResult {
  const positions = new Float64Array(nodes.length * 2);
  const order = nodes
    .map((_, i) => i)
    .sort((a, b) => (nodes[b]!.weight ?? 0) - (nodes[a]!.weight ?? 0) || a - b);
  const ringGap = Math.max(...nodes.map((n) => n.h), 30) + 60;
  ringPositions(order, nodes, positions, 0, ringGap);
  return { positions, loopEdges: [] };
}
