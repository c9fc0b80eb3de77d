// Attribute names that carry a neutral field rather than a free attribute, the same in every
// format we read and write, so a type, a summary or an exact partial date survives a round trip.
export type NodeRole = 'type' | 'aliases' | 'summary' | 'tags' | 'startDate' | 'endDate' | 'color' | 'parent';
export type EdgeRole = 'type' | 'summary' | 'weight' | 'startDate' | 'endDate' | 'directed';

const NODE_NAMES: Record<string, NodeRole> = {
  type: 'type',
  entity_type: 'type',
  aliases: 'aliases',
  summary: 'summary',
  tags: 'tags',
  start_date: 'startDate',
  end_date: 'endDate',
  start: 'startDate',
  end: 'endDate',
  color: 'color',
  parent: 'parent',
};

const EDGE_NAMES: Record<string, EdgeRole> = {
  type: 'type',
  relation: 'type',
  relationship: 'type',
  relation_type: 'type',
  relationship_type: 'type',
  interaction: 'type',
  kind: 'type',
  summary: 'summary',
  weight: 'weight',
  start_date: 'startDate',
  end_date: 'endDate',
  start: 'startDate',
  end: 'endDate',
  directed: 'directed',
};

/** The names our writers use for the neutral fields. */
export const NODE_FIELD = {
  type: 'type',
  aliases: 'aliases',
  summary: 'summary',
  tags: 'tags',
  startDate: 'start_date',
  endDate: 'end_date',
} as const;
export const EDGE_FIELD = {
  type: 'type',
  summary: 'summary',
  startDate: 'start_date',
  endDate: 'end_date',
  directed: 'directed',
} as const;

/**
 * Gives each attribute name its role, one attribute per role (the first one in the file); a
 * 'description' stands for the summary only when no 'summary' is declared (yEd's description).
 */
export function assignRoles<R extends string>(names: string[], kind: 'node' | 'edge'): Map<string, R> {
  const table = (kind === 'node' ? NODE_NAMES : EDGE_NAMES) as Record<string, R>;
  const roles = new Map<string, R>();
  const taken = new Set<R>();
  const lower = names.map((n) => n.toLowerCase());
  for (let i = 0; i < names.length; i++) {
    const role = table[lower[i]!];
    if (role && !taken.has(role)) {
      roles.set(names[i]!, role);
      taken.add(role);
    }
  }
  if (!taken.has('summary' as R)) {
    const i = lower.indexOf('description');
    if (i >= 0) roles.set(names[i]!, 'summary' as R);
  }
  return roles;
}
