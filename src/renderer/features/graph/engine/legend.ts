// What the graph's legend lists: the entity and relation types on screen, and the marks in use.
export interface LegendMarks {
  entityTypes: string[];
  relationTypes: string[];
  /** Some relation on screen rests on one source (drawn dashed). */
  dashed: boolean;
  /** Some relation on screen closes a lineage loop (drawn dotted). */
  loops: boolean;
  /** Some entity on screen has notes (drawn with a double purple outline). */
  notes: boolean;
}

/** What the legend lists, from the visible graph's data (not by reading 100,000 drawn elements). */
export function legendMarks(
  nodes: readonly { id: number; type: string; notes?: number }[],
  edges: readonly { id: number; type: string; corroboration: number }[],
  visible: { nodeIds: ReadonlySet<number>; edgeIds: ReadonlySet<number> },
  loopEdges: readonly number[],
  lineage: boolean,
): LegendMarks {
  const entityTypes = new Set<string>();
  let notes = false;
  for (const n of nodes) {
    if (!visible.nodeIds.has(n.id)) continue;
    entityTypes.add(n.type);
    if ((n.notes ?? 0) > 0) notes = true;
  }
  const relationTypes = new Set<string>();
  let dashed = false;
  for (const e of edges) {
    if (!visible.edgeIds.has(e.id)) continue;
    relationTypes.add(e.type);
    if (e.corroboration <= 1) dashed = true;
  }
  const loops = lineage && loopEdges.some((id) => visible.edgeIds.has(id));
  return {
    entityTypes: [...entityTypes].sort(),
    relationTypes: [...relationTypes].sort(),
    dashed,
    loops,
    notes,
  };
}
