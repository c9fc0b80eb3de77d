// The entity-type filter follows the data: a case none of whose types the filter shows opens with
// every type shown (a network of people is not an empty graph), and a type whose entities grew since
// the last read (an import) is shown, so the graph shows what came in.

export interface TypeFollow {
  /** How many entities of each type this read has (the next read compares with it). */
  counts: Map<string, number>;
  /** The filter's new entity types, or null to leave it as it is. */
  entityTypes: string[] | null;
}

/** `before` is the last read's counts, or null when this read is of another case (or the first). */
export function followTypeFilter(
  shown: readonly string[],
  nodes: readonly { type: string }[],
  before: ReadonlyMap<string, number> | null,
): TypeFollow {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  const on = new Set(shown);
  if (counts.size > 0 && ![...counts.keys()].some((t) => on.has(t)))
    return { counts, entityTypes: [...counts.keys()].sort() };
  const grown = before
    ? [...counts].filter(([t, n]) => n > (before.get(t) ?? 0) && !on.has(t)).map(([t]) => t)
    : [];
  return { counts, entityTypes: grown.length ? [...shown, ...grown] : null };
}

export interface HiddenPick {
  entityId: number;
  type: string;
  plural: string;
  text: string;
}

/**
 * A search result the graph does not draw because its type is filtered out: the notice to show
 * (undefined: leave the current one; null: clear it).
 */
export function hiddenPickFor(
  selection: { entityIds: number[]; origin: string },
  nodes: readonly { id: number; type: string; name: string }[],
  shown: readonly string[],
  plurals: ReadonlyMap<string, string>,
  current: HiddenPick | null,
): HiddenPick | null | undefined {
  const id = selection.entityIds[0];
  const node =
    selection.origin === 'search' && selection.entityIds.length === 1
      ? nodes.find((n) => n.id === id)
      : undefined;
  if (!node || shown.includes(node.type)) {
    // The sheet ticking the picked row echoes the same selection: the notice stays for it.
    const same = current && selection.entityIds.length === 1 && selection.entityIds[0] === current.entityId;
    return current && !(same && !shown.includes(current.type)) ? null : undefined;
  }
  const plural = plurals.get(node.type) ?? node.type;
  return {
    entityId: node.id,
    type: node.type,
    plural,
    text: `“${node.name}” is not in the graph: ${plural.toLowerCase()} are hidden.`,
  };
}
