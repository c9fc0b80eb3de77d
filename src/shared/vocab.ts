// The case vocabulary: entity types, relation types (DESIGN.md §4) and the Admiralty grading scale.

export const ENTITY_TYPES = ['organization', 'person', 'location', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface RelationTypeInfo {
  /** How the relation reads from source to target, in the analyst's words. */
  reads: string;
  /** Symmetric relations read the same both ways (drawn without an arrow). */
  symmetric: boolean;
  /** Lineage relations make up the family tree of groups (splinters, mergers, successions, pledges). */
  lineage: boolean;
}

export const RELATION_TYPES = {
  splinter_of: { reads: 'broke away from', symmetric: false, lineage: true },
  merged_into: { reads: 'merged into', symmetric: false, lineage: true },
  renamed_to: { reads: 'was renamed', symmetric: false, lineage: true },
  succeeded_by: { reads: 'became', symmetric: false, lineage: true },
  allegiance_to: { reads: 'pledged allegiance to', symmetric: false, lineage: true },
  affiliate_of: { reads: 'is an affiliate of', symmetric: false, lineage: false },
  allied_with: { reads: 'is allied with', symmetric: true, lineage: false },
  rival_of: { reads: 'is a rival of', symmetric: true, lineage: false },
  leader_of: { reads: 'leads', symmetric: false, lineage: false },
  member_of: { reads: 'is a member of', symmetric: false, lineage: false },
  founded: { reads: 'founded', symmetric: false, lineage: false },
  operates_in: { reads: 'operates in', symmetric: false, lineage: false },
  claimed: { reads: 'claimed', symmetric: false, lineage: false },
  carried_out: { reads: 'carried out', symmetric: false, lineage: false },
  funded: { reads: 'funded', symmetric: false, lineage: false },
  supported: { reads: 'supported', symmetric: false, lineage: false },
  targeted_by: { reads: 'was targeted by', symmetric: false, lineage: false },
} as const satisfies Record<string, RelationTypeInfo>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function isRelationType(value: string): value is RelationType {
  return Object.hasOwn(RELATION_TYPES, value);
}

export function relationReads(type: string): string {
  return isRelationType(type) ? RELATION_TYPES[type].reads : type.replaceAll('_', ' ');
}

/** Admiralty code: source reliability A (completely reliable) … F (cannot be judged). */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** Admiralty code: information credibility 1 (confirmed) … 6 (cannot be judged). */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

/** ISO 8601 date, possibly partial: 2013, 2013-01 or 2013-01-16. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
