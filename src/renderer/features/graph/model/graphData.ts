// What the graph shows: the case's nodes and edges filtered by entity type, relation type, grade
// and time window. Pure functions, shared by the pane, the layout worker and the tests.
import type { GraphEdge, GraphNode } from '../../../../shared/ipc/graph/contract';
import { overlaps, spanOf, spanOfYears } from '../../../../shared/time';
import { relationReads, relationType } from './types';

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilters {
  entityTypes: string[];
  /** null: every relation type. */
  relationTypes: string[] | null;
  /** Weakest accepted source reliability (A best … F); null: any. */
  minReliability: string | null;
  /** Weakest accepted information credibility (1 best … 6); null: any. */
  minCredibility: number | null;
  /** Time window in whole years, inclusive; null ends are open. */
  from: number | null;
  to: number | null;
  /** Under a time window: whether entities and relations without dates still show. */
  showUndated: boolean;
}

export const DEFAULT_FILTERS: GraphFilters = {
  entityTypes: ['organization'],
  relationTypes: null,
  minReliability: null,
  minCredibility: null,
  from: null,
  to: null,
  showUndated: true,
};

/** A partial ISO date as a year number at its first instant: 2013-07 → 2013.5. */
export function dateStart(date: string | null): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return null;
  return y + ((m ?? 1) - 1) / 12 + ((d ?? 1) - 1) / 372;
}

/** A partial ISO date as a year number just after its last instant: 2013 → 2014, 2013-07 → 2013.583. */
export function dateEnd(date: string | null): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return null;
  if (m === undefined) return y + 1;
  if (d === undefined) return y + m / 12;
  return y + (m - 1) / 12 + d / 372;
}

/** True when the relation held at some moment of the years from…to (open dates hold forever). */
export function inWindow(
  edge: Pick<GraphEdge, 'start' | 'end'>,
  from: number | null,
  to: number | null,
): boolean {
  const start = dateStart(edge.start);
  const end = dateEnd(edge.end);
  if (to !== null && start !== null && start >= to + 1) return false;
  if (from !== null && end !== null && end <= from) return false;
  return true;
}

export function gradePasses(
  grade: string | null,
  minReliability: string | null,
  minCredibility: number | null,
): boolean {
  if (minReliability === null && minCredibility === null) return true;
  if (!grade) return false;
  const letter = grade[0]!;
  const digit = Number(grade.slice(1));
  return (
    (minReliability === null || letter <= minReliability) &&
    (minCredibility === null || digit <= minCredibility)
  );
}

/**
 * The years the case's dates span (relations and entity lifetimes), for the time slider; null when
 * nothing is dated: a case with no dates has no time window until dates exist.
 */
export function yearRange(
  edges: Pick<GraphEdge, 'start' | 'end'>[],
  nodes: Pick<GraphNode, 'activeFrom' | 'activeTo'>[] = [],
): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  const see = (d: string | null | undefined) => {
    const y = d ? Number(d.slice(0, 4)) : NaN;
    if (!Number.isNaN(y)) {
      min = Math.min(min, y);
      max = Math.max(max, y);
    }
  };
  for (const e of edges) {
    see(e.start);
    see(e.end);
  }
  for (const n of nodes) {
    see(n.activeFrom);
    see(n.activeTo);
  }
  if (min === Infinity) return null;
  return { min, max: Math.max(max, min + 1) };
}

/** Whether a relation has a date of its own (an undated one is drawn apart and obeys the toggle). */
export function isDated(edge: Pick<GraphEdge, 'start' | 'end'>): boolean {
  return !!(edge.start || edge.end);
}

/** Whether an entity has a lifetime (active from or to). */
export function hasLifetime(node: Pick<GraphNode, 'activeFrom' | 'activeTo'>): boolean {
  return !!(node.activeFrom || node.activeTo);
}

export interface VisibleGraph {
  nodeIds: Set<number>;
  edgeIds: Set<number>;
}

/**
 * When each group came into being, as far as the lineage relations date it: the start of the
 * merger, succession or split that made it. A group is not drawn before then.
 */
export function emergence(edges: GraphEdge[]): Map<number, number> {
  const since = new Map<number, number>();
  for (const e of edges) {
    const ends = lineageEnds(e);
    const start = dateStart(e.start);
    if (!ends || start === null || e.type === 'allegiance_to') continue;
    since.set(ends.newer, Math.min(since.get(ends.newer) ?? Infinity, start));
  }
  return since;
}

/**
 * The visible graph. An edge shows when its type, both ends, its grade and its dates pass. Under a
 * time window, an entity with a lifetime shows when its lifetime overlaps the window (a partial
 * date covers its whole period: active to 2013 still holds in 2013), whatever its relations; an
 * entity without one shows unless the window ends before the group emerged (as its lineage
 * relations date it) or hides every one of its relations. Undated entities and relations show
 * under a window only while `showUndated` is on.
 */
export function visibleGraph(data: GraphData, filters: GraphFilters): VisibleGraph {
  const since = filters.to !== null ? emergence(data.edges) : new Map<number, number>();
  const born = (id: number) => filters.to === null || (since.get(id) ?? -Infinity) < filters.to + 1;
  const types = new Set(filters.entityTypes);
  const relationTypes = filters.relationTypes ? new Set(filters.relationTypes) : null;
  const typeOf = new Map<number, string>();
  for (const n of data.nodes) typeOf.set(n.id, n.type);
  const windowed = filters.from !== null || filters.to !== null;
  const window = spanOfYears(filters.from ?? -270_000, filters.to ?? 270_000);
  // Entities whose lifetime decides: alive (overlapping the window) or not.
  const alive = new Map<number, boolean>();
  if (windowed)
    for (const n of data.nodes) {
      const lifetime = spanOf(n.activeFrom, n.activeTo);
      if (lifetime) alive.set(n.id, overlaps(lifetime, window));
    }
  const present = (id: number): boolean => alive.get(id) ?? (filters.showUndated && born(id));
  const linked = new Set<number>();
  const seenInWindow = new Set<number>();
  const edgeIds = new Set<number>();
  for (const e of data.edges) {
    if (relationTypes && !relationTypes.has(e.type)) continue;
    if (!types.has(typeOf.get(e.source) ?? '') || !types.has(typeOf.get(e.target) ?? '')) continue;
    if (!gradePasses(e.grade, filters.minReliability, filters.minCredibility)) continue;
    linked.add(e.source);
    linked.add(e.target);
    if (windowed) {
      if (isDated(e) ? !inWindow(e, filters.from, filters.to) : !filters.showUndated) continue;
      if (!present(e.source) || !present(e.target)) continue;
    }
    seenInWindow.add(e.source);
    seenInWindow.add(e.target);
    edgeIds.add(e.id);
  }
  const nodeIds = new Set<number>();
  for (const n of data.nodes) {
    if (!types.has(n.type)) continue;
    if (windowed) {
      const lifetime = alive.get(n.id);
      if (lifetime === false) continue;
      if (lifetime === undefined && (!present(n.id) || (linked.has(n.id) && !seenInWindow.has(n.id))))
        continue;
    }
    nodeIds.add(n.id);
  }
  return { nodeIds, edgeIds };
}

/**
 * Lineage direction: which end is the older group, for the case's lineage types (types.ts).
 * splinter_of and allegiance_to point back in time; every other lineage type forward.
 */
export function lineageEnds(
  edge: Pick<GraphEdge, 'source' | 'target' | 'type'>,
): { older: number; newer: number } | null {
  if (!relationType(edge.type)?.lineage) return null;
  const backward = edge.type === 'splinter_of' || edge.type === 'allegiance_to';
  return backward ? { older: edge.target, newer: edge.source } : { older: edge.source, newer: edge.target };
}

/** The relation's label: "broke away from", with its years in lineage view and its grade on demand. */
export function edgeLabel(edge: GraphEdge, options: { years: boolean; grade: boolean }): string {
  const parts: string[] = [relationReads(edge.type)];
  if (options.years && (edge.start || edge.end))
    parts.push(`${edge.start?.slice(0, 4) ?? '…'}–${edge.end?.slice(0, 4) ?? ''}`);
  if (options.grade && edge.grade) parts.push(edge.grade);
  return parts.join(' · ');
}
