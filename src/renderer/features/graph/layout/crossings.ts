// How readable a layout is, in numbers: how many drawn edges cross each other (straight segments
// between node centres). The lineage layout keeps the ordering with fewest; the tests count them.

/** Pairs of edges (index pairs into `ends`) whose straight segments cross; edges sharing an end never count. */
export function countCrossings(
  positions: Float64Array,
  ends: readonly (readonly [number, number])[],
): number {
  let count = 0;
  for (let a = 0; a < ends.length; a++) {
    const [s1, t1] = ends[a]!;
    for (let b = a + 1; b < ends.length; b++) {
      const [s2, t2] = ends[b]!;
      if (s1 === s2 || s1 === t2 || t1 === s2 || t1 === t2) continue;
      if (segmentsCross(positions, s1, t1, s2, t2)) count++;
    }
  }
  return count;
}

function side(p: Float64Array, a: number, b: number, c: number): number {
  const v =
    (p[b * 2]! - p[a * 2]!) * (p[c * 2 + 1]! - p[a * 2 + 1]!) -
    (p[b * 2 + 1]! - p[a * 2 + 1]!) * (p[c * 2]! - p[a * 2]!);
  return Math.abs(v) < 1e-9 ? 0 : Math.sign(v);
}

function segmentsCross(p: Float64Array, a: number, b: number, c: number, d: number): boolean {
  return side(p, a, b, c) * side(p, a, b, d) < 0 && side(p, c, d, a) * side(p, c, d, b) < 0;
}
