// What the graph shows: the case's nodes and edges filtered by entity type, relation type, grade
// and time window. Pure functions, shared by the pane, the layout worker and the tests.
import type { GraphEdge, GraphNode } from '../../../../shared/ipc/graph/contract';
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
}

export const DEFAULT_FILTERS: GraphFilters = {
  entityTypes: ['organization'],
  relationTypes: null,
  minReliability: null,
  minCredibility: null,
  from: null,
  to: null,
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

/** The years the case's relations span, for the time slider. */
export function yearRange(edges: GraphEdge[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const e of edges) {
    for (const d of [e.start, e.end]) {
      const y = d ? Number(d.slice(0, 4)) : NaN;
      if (!Number.isNaN(y)) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
  }
  if (min === Infinity) {
    const now = new Date().getFullYear();
    return { min: now - 10, max: now };
  }
  return { min, max: Math.max(max, min + 1) };
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
 * The visible graph. An edge shows when its type, both ends, its grade and its dates pass. A node
 * shows when its type passes, unless the time window ends before the group emerged or hides every
 * one of its relations: a group that only appears in 2017 is not drawn in 2007. Undated relations
 * hold in every window.
 */
export function visibleGraph(data: GraphData, filters: GraphFilters): VisibleGraph {
  const since = filters.to !== null ? emergence(data.edges) : new Map<number, number>();
  const born = (id: number) => filters.to === null || (since.get(id) ?? -Infinity) < filters.to + 1;
  const types = new Set(filters.entityTypes);
  const relationTypes = filters.relationTypes ? new Set(filters.relationTypes) : null;
  const typeOf = new Map<number, string>();
  for (const n of data.nodes) typeOf.set(n.id, n.type);
  const windowed = filters.from !== null || filters.to !== null;
  const linked = new Set<number>();
  const seenInWindow = new Set<number>();
  const edgeIds = new Set<number>();
  for (const e of data.edges) {
    if (relationTypes && !relationTypes.has(e.type)) continue;
    if (!types.has(typeOf.get(e.source) ?? '') || !types.has(typeOf.get(e.target) ?? '')) continue;
    if (!gradePasses(e.grade, filters.minReliability, filters.minCredibility)) continue;
    linked.add(e.source);
    linked.add(e.target);
    if (!inWindow(e, filters.from, filters.to) || !born(e.source) || !born(e.target)) continue;
    seenInWindow.add(e.source);
    seenInWindow.add(e.target);
    edgeIds.add(e.id);
  }
  const nodeIds = new Set<number>();
  for (const n of data.nodes) {
    if (!types.has(n.type)) continue;
    if (windowed && ((linked.has(n.id) && !seenInWindow.has(n.id)) || !born(n.id))) continue;
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
