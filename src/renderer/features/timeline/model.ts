// What the timeline shows: one row per entity (groups by default) with its lifetime as a bar, and
// its relations as points or intervals on its row. Pure, shared by the pane, the exports and tests.
import type { GraphEdge, GraphNode } from '../../../shared/ipc/graph/contract';
import { extentOf, periodOf, spanOf, type TimeSpan } from '../../../shared/time';

export interface TimelineRow {
  entityId: number;
  name: string;
  type: string;
  /** The lifetime as the sources state it; null when they do not (drawn hollow). */
  lifetime: TimeSpan | null;
  from: string | null;
  to: string | null;
}

export interface TimelineItem {
  relationId: number;
  /** Index of the row it is drawn on (its source entity's, else its target's). */
  row: number;
  type: string;
  /** The entity at the other end, for labels and tooltips. */
  other: string;
  start: number;
  end: number;
  /** A one-off (an attack, a pledge): drawn as a point at its period's middle. */
  point: boolean;
}

export interface TimelineModel {
  rows: TimelineRow[];
  /** Items sorted by row, then start: a row's items are one contiguous run. */
  items: TimelineItem[];
  /** Where each row's items begin in `items` (rowStart[rows.length] = items.length). */
  rowStart: Int32Array;
  /** The span of every date in the model; null when nothing is dated (no invented years). */
  extent: TimeSpan | null;
  /** Relations between shown rows that have no date and so cannot be placed. */
  undatedRelations: number;
}

/**
 * The relation as a span: from its start's first instant to its end's last. Without an end it is a
 * point at its start (the seeds date one-off events and beginnings that way); end = start likewise.
 */
export function relationSpan(
  edge: Pick<GraphEdge, 'start' | 'end'>,
): { span: TimeSpan; point: boolean } | null {
  const start = periodOf(edge.start);
  const end = periodOf(edge.end);
  if (!start && !end) return null;
  if (start && end && end.end > start.end)
    return { span: { start: start.start, end: end.end }, point: false };
  const at = (start ?? end)!;
  return { span: at, point: true };
}

export function buildTimeline(
  nodes: GraphNode[],
  edges: GraphEdge[],
  types: readonly string[],
): TimelineModel {
  const shownTypes = new Set(types);
  const byId = new Map<number, GraphNode>();
  for (const n of nodes) if (shownTypes.has(n.type)) byId.set(n.id, n);
  const dated = new Map<number, { span: TimeSpan; point: boolean }>();
  const hasDatedRelation = new Set<number>();
  let undatedRelations = 0;
  for (const e of edges) {
    if (!byId.has(e.source) && !byId.has(e.target)) continue;
    const s = relationSpan(e);
    if (!s) {
      undatedRelations++;
      continue;
    }
    dated.set(e.id, s);
    hasDatedRelation.add(byId.has(e.source) ? e.source : e.target);
  }
  const rows: TimelineRow[] = [];
  for (const n of byId.values()) {
    const lifetime = spanOf(n.activeFrom, n.activeTo);
    if (!lifetime && !hasDatedRelation.has(n.id)) continue;
    rows.push({
      entityId: n.id,
      name: n.name,
      type: n.type,
      lifetime,
      from: n.activeFrom ?? null,
      to: n.activeTo ?? null,
    });
  }
  // In order of appearance: a lifetime's start, else the first dated relation; then by name.
  const firstSeen = new Map<number, number>();
  for (const e of edges) {
    const s = dated.get(e.id);
    if (!s) continue;
    const owner = byId.has(e.source) ? e.source : e.target;
    firstSeen.set(owner, Math.min(firstSeen.get(owner) ?? Infinity, s.span.start));
  }
  // An open start (active since before the sources say) comes first, the earliest end leading.
  const startOf = (r: TimelineRow): number => r.lifetime?.start ?? firstSeen.get(r.entityId) ?? Infinity;
  const endOf = (r: TimelineRow): number => r.lifetime?.end ?? Infinity;
  const order = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);
  rows.sort(
    (a, b) => order(startOf(a), startOf(b)) || order(endOf(a), endOf(b)) || a.name.localeCompare(b.name),
  );
  const rowOf = new Map(rows.map((r, i) => [r.entityId, i]));
  const items: TimelineItem[] = [];
  for (const e of edges) {
    const s = dated.get(e.id);
    if (!s) continue;
    const onSource = rowOf.has(e.source);
    const row = rowOf.get(onSource ? e.source : e.target);
    if (row === undefined) continue;
    const other = byIdName(nodes, onSource ? e.target : e.source);
    items.push({
      relationId: e.id,
      row,
      type: e.type,
      other,
      start: s.span.start,
      end: s.span.end,
      point: s.point,
    });
  }
  items.sort((a, b) => a.row - b.row || a.start - b.start);
  const rowStart = new Int32Array(rows.length + 1);
  let i = 0;
  for (let r = 0; r < rows.length; r++) {
    rowStart[r] = i;
    while (i < items.length && items[i]!.row === r) i++;
  }
  rowStart[rows.length] = items.length;
  const extent = extentOf([
    ...rows.flatMap((r) => [r.from, r.to]),
    ...edges.filter((e) => dated.has(e.id)).flatMap((e) => [e.start, e.end]),
  ]);
  return { rows, items, rowStart, extent, undatedRelations };
}

let nameCache: { nodes: GraphNode[]; names: Map<number, string> } | null = null;
function byIdName(nodes: GraphNode[], id: number): string {
  if (nameCache?.nodes !== nodes) nameCache = { nodes, names: new Map(nodes.map((n) => [n.id, n.name])) };
  return nameCache.names.get(id) ?? '';
}
