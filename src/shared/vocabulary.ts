// A case's vocabulary: its entity types and relation types are data in the case file (migration
// 0006), checked in main. These are the types a new case starts with, and the shapes both
// processes share.
import { z } from 'zod';
import { RELATION_TYPES, type RelationType } from './vocab';

export const NODE_SHAPES = [
  'round-rectangle',
  'ellipse',
  'diamond',
  'hexagon',
  'triangle',
  'rectangle',
  'star',
  'octagon',
] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];
export const LINE_STYLES = ['solid', 'dashed', 'dotted'] as const;
export type LineStyle = (typeof LINE_STYLES)[number];

export interface EntityTypeDef {
  /** What entity rows store in their type column: short, stable, lower case. */
  id: string;
  /** The type as the analyst reads it, singular and plural ("Organization", "Organizations"). */
  label: string;
  plural: string;
  colour: string;
  shape: NodeShape;
}

export interface RelationTypeDef {
  id: string;
  /** How the relation reads from source to target ("broke away from"). */
  reads: string;
  /** Symmetric relations read the same both ways (drawn without an arrow, counted both ways). */
  symmetric: boolean;
  /** Lineage relations make up the family tree of groups (splinters, mergers, successions, pledges). */
  lineage: boolean;
  colour: string;
  lineStyle: LineStyle;
}

export interface Vocabulary {
  entityTypes: EntityTypeDef[];
  relationTypes: RelationTypeDef[];
}

/** A type id: lower case letters, digits, '_' and '-', as CSV, GEXF and STIX files name their types. */
export const TYPE_ID = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
export const TypeId = z
  .string()
  .regex(TYPE_ID, 'A type is a short lower-case name such as organization or splinter_of.');
export const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'A colour is written #rrggbb.');

/** The type id a file's label becomes: "Prior contact" → prior_contact, "attributed-to" stays. */
export function typeIdOf(label: string): string {
  const id = label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^[_-]+|[_-]+$/g, '')
    .slice(0, 64);
  return id || 'other';
}

/** A readable label from a type id: prior_contact → "Prior contact". */
export function labelOf(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

const e = (id: string, label: string, plural: string, colour: string, shape: NodeShape): EntityTypeDef => ({
  id,
  label,
  plural,
  colour,
  shape,
});
/** A default relation type: how it reads and its kind come from vocab.ts's table. */
const r = (id: RelationType, colour: string): RelationTypeDef => ({
  id,
  reads: RELATION_TYPES[id].reads,
  symmetric: RELATION_TYPES[id].symmetric,
  lineage: RELATION_TYPES[id].lineage,
  colour,
  lineStyle: 'solid',
});

/** The types every new case starts with (DESIGN.md §4). */
export const DEFAULT_VOCABULARY: Vocabulary = {
  entityTypes: [
    e('organization', 'Organization', 'Organizations', '#1f5fbf', 'round-rectangle'),
    e('person', 'Person', 'People', '#c2571a', 'ellipse'),
    e('location', 'Place', 'Places', '#2e7d32', 'diamond'),
    e('event', 'Event', 'Events', '#7b3fa0', 'hexagon'),
  ],
  relationTypes: [
    r('splinter_of', '#c62828'),
    r('merged_into', '#1565c0'),
    r('renamed_to', '#2e7d32'),
    r('succeeded_by', '#2e7d32'),
    r('allegiance_to', '#6a1b9a'),
    r('affiliate_of', '#8d6e63'),
    r('allied_with', '#00838f'),
    r('rival_of', '#d81b60'),
    r('leader_of', '#616161'),
    r('member_of', '#757575'),
    r('founded', '#455a64'),
    r('operates_in', '#9e9d24'),
    r('claimed', '#ef6c00'),
    r('carried_out', '#e65100'),
    r('funded', '#795548'),
    r('supported', '#a1887f'),
    r('targeted_by', '#283593'),
  ],
};

/** Colours for types a case adds, taken in turn so neighbouring new types differ. */
export const NEW_TYPE_COLOURS = [
  '#00897b',
  '#5e35b1',
  '#f4511e',
  '#3949ab',
  '#7cb342',
  '#d81b60',
  '#6d4c41',
  '#039be5',
  '#c0ca33',
  '#8e24aa',
];
