// The phrases that state each relation type of the default vocabulary, which way they point, and what may sit
// at each end. A case's own types (and every type's "reads as" words) add phrases at run time (relations.ts).

/**
 * How a phrase's ends are found:
 * - forward: source on the left, target on the right ("X broke away from Y");
 * - reverse: source on the right, target on the left ("Y, led by X"; "X and its offshoot Y");
 * - between: the list after the phrase, pairwise ("ties between X and Y");
 * - merger: the list after the phrase merged into the group on the left, or else the next group after the list
 *   ("Al Murabitoun was formed as the merger of A and B"; "a merger among A, B and C … proclaimed D");
 * - under: source right after the phrase, target the next group after it ("Under X, Y merged with…").
 */
export type PhraseMode = 'forward' | 'reverse' | 'between' | 'merger' | 'under';

export interface Phrase {
  type: string;
  /** Normalised words; a trailing * matches any ending; '*' alone stands for up to two words. */
  words: string[];
  /** The words as one string, shown with a suggestion. */
  cue: string;
  mode: PhraseMode;
  /** Both ends within three words of the phrase ("AQIM (former GSPC)", "Burkina Faso-based group"). */
  adjacent?: boolean;
  /** With no source on the left, take one to the right of the target ("The leader of AQIM, Droukdel"). */
  lookAhead?: boolean;
  /** When the target is not of the type's kind but a place: this type instead ("claimed attacks in Mali"). */
  placeFallback?: string;
  /** Only right after a hyphen ("Burkina Faso-based"). */
  hyphenated?: boolean;
  /** A word that must not follow ("succeeded in capturing"). */
  notBefore?: string[];
  /** A verb that turns passive when "was … by" surrounds it. */
  verb?: boolean;
  /** Describes a noun ("based in", "linked to", "attack in"): its subject is the name that noun leads back to. */
  modifier?: boolean;
  score: number;
}

type Kind = 'organization' | 'person' | 'location' | 'event';
const ANY_ACTOR: Kind[] = ['organization', 'person'];

/** What may stand at each end of a default type; types the case adds take anything. */
export const END_KINDS: Record<string, { source: Kind[]; target: Kind[]; sameKind?: boolean }> = {
  splinter_of: { source: ANY_ACTOR, target: ['organization'] },
  merged_into: { source: ['organization'], target: ['organization'] },
  renamed_to: { source: ANY_ACTOR, target: ANY_ACTOR, sameKind: true },
  succeeded_by: {
    source: ['organization', 'person', 'event'],
    target: ['organization', 'person', 'event'],
    sameKind: true,
  },
  allegiance_to: { source: ANY_ACTOR, target: ANY_ACTOR },
  affiliate_of: { source: ['organization'], target: ['organization'] },
  allied_with: {
    source: ['organization', 'person', 'location'],
    target: ['organization', 'person', 'location'],
  },
  rival_of: {
    source: ['organization', 'person', 'location'],
    target: ['organization', 'person', 'location'],
  },
  leader_of: { source: ['person'], target: ['organization', 'event'] },
  member_of: { source: ['person'], target: ['organization'] },
  founded: { source: ANY_ACTOR, target: ['organization'] },
  operates_in: { source: ['organization'], target: ['location'] },
  claimed: { source: ANY_ACTOR, target: ['event'] },
  carried_out: { source: ANY_ACTOR, target: ['event'] },
  funded: { source: ['organization', 'person', 'location'], target: ['organization', 'person', 'location'] },
  supported: {
    source: ['organization', 'person', 'location'],
    target: ['organization', 'person', 'location'],
  },
  targeted_by: { source: ['organization', 'person', 'location'], target: ['event'] },
};

// prettier-ignore
const table: [type: string, mode: PhraseMode, phrases: string, extra?: Partial<Phrase>][] = [
  ['splinter_of', 'forward', 'broke away from|broken away from|breaks away from|break away from|breaking away from|split from|splits from|split off from|split away from|splintered from|splintered off from|splinter of|splinter group of|splinter faction of|splinter from|offshoot of|an offshoot of|breakaway faction of|breakaway group of|breakaway from|defected from|seceded from|dissident faction of|broke with|spun off from'],
  ['splinter_of', 'reverse', 'its offshoot|its * offshoot|its splinter|its * splinter|its breakaway faction|its offshoots|breakaway factions|breakaway faction|splinter factions'],
  ['merged_into', 'forward', 'merged into|merged with|merges with|merging with|merged to form|merge into|merge with|folded into|absorbed into|integrated into|amalgamated with|component of'],
  ['merged_into', 'reverse', 'its component|absorbed'],
  ['merged_into', 'merger', 'merger of|merger between|merger among|merging of'],
  ['succeeded_by', 'forward', 'became|becomes|succeeded by|evolved into|transformed into|reconstituted as|gave way to|replaced by|predecessor of|predecessor to'],
  ['succeeded_by', 'reverse', 'succeeded|successor of|successor to|replaced', { notBefore: ['in', 'by'] }],
  ['succeeded_by', 'reverse', 'former|formerly', { adjacent: true }],
  ['renamed_to', 'forward', 'renamed|renamed itself|renamed as|changed its name to|rebranded as|rebranded itself as|rebranded|now known as|now called'],
  ['renamed_to', 'reverse', 'formerly known as|previously known as|once known as|formerly called'],
  ['allegiance_to', 'forward', 'allegiance to|pledged loyalty to|baya to|bayah to|oath of loyalty to|loyalty to|pledge to|pledged to'],
  ['affiliate_of', 'forward', 'affiliate of|front for|front of|franchise of|branch of|wing of|arm of|affiliated with|affiliated to|linked to|tied to', { modifier: true }],
  ['affiliate_of', 'reverse', 'affiliated groups such as|affiliates such as|affiliates including|affiliated groups including'],
  ['allied_with', 'forward', 'allies with|ally of|ally to|allies of|alliance with|in alliance with|joined forces with|cooperated with|cooperates with|cooperating with|collaborated with|collaborates with|collaboration with|cooperation with|coordinated with|ties with|and allies|and its allies|and allied'],
  ['allied_with', 'forward', 'allied with|aligned with|aligning themselves with|aligned itself with', { modifier: true }],
  ['allied_with', 'between', 'ties between|alliance between|cooperation between|collaboration between|alliance of'],
  ['rival_of', 'forward', 'rival of|rivals of|rival to|rivalry with|competition with|competing with|competes with|fought|fought against|fights|fighting|fighting against|clashed with|clashes with|at war with|war against|war with|hostile to|opposed to|enemy of|enemies of|split with'],
  ['rival_of', 'between', 'rivalry between|clashes between|fighting between|split between|war between|competition between'],
  ['leader_of', 'reverse', 'led by|lead by|headed by|commanded by|run by|under the leadership of|under the command of|under the direction of', { modifier: true }],
  ['leader_of', 'forward', 'leader of|leaders of|leader in|head of|chief of|emir of|amir of|commander of|commander in chief of|leads|heads|commands|assumed leadership of|took over leadership of|took over', { lookAhead: true }],
  ['leader_of', 'forward', 'led|headed|commanded', { verb: true, notBefore: ['by'] }],
  ['leader_of', 'under', 'under'],
  ['member_of', 'forward', 'member of|members of|joined|fighter for|fighters for|operative of|spokesman for|spokesman of|deputy of|deputy leader of|official of|ideologue of|figure in|commander in|militant in'],
  ['founded', 'forward', 'founded|co founded|cofounded|founder of|co founder of|established|created|set up|launched', { verb: true }],
  ['founded', 'reverse', 'founded by|established by|created by|formed by|set up by|founded in * by'],
  ['operates_in', 'forward', 'operates in|operate in|operated in|presence in|concentrated in|control over|control of|took control of|controls|controlled|seized|captured|capture|overran|overrunning|overrun|moved into|expanded into|expanding into|spread to|spread into|deployment to|returned to'],
  ['operates_in', 'forward', 'operating in|active in|based in|based around|based near|headquartered in|present in|attacks in|attack in|attacks on|siege at|siege of|siege in|bombing in|bombings in|raid on|raids on|stronghold in|strongholds in|deployed to|deployed in|insurgency in|campaign in|fighters in|bases in|camps in|cells in|foothold in|entrenched in', { modifier: true }],
  ['operates_in', 'reverse', 'based', { hyphenated: true, adjacent: true }],
  ['claimed', 'forward', 'claimed responsibility for|claims responsibility for|claiming responsibility for|claimed|claims|took responsibility for|claimed credit for|responsibility for', { placeFallback: 'operates_in' }],
  ['claimed', 'reverse', 'claimed by|attributed to|blamed on', { placeFallback: 'operates_in' }],
  ['carried_out', 'forward', 'carried out|carries out|conducted|perpetrated|staged|orchestrated|committed|masterminded|was behind|were behind|responsible for', { placeFallback: 'operates_in' }],
  ['carried_out', 'reverse', 'carried out by|conducted by|perpetrated by|staged by|launched by|orchestrated by|committed by'],
  ['funded', 'forward', 'funded|funds to|provided funds to|funding to|financed|financing to|financial support to|bankrolled|sponsored', { verb: true }],
  ['funded', 'reverse', 'funded by|financed by|funds from|funding from|sponsored by|bankrolled by'],
  ['supported', 'forward', 'supported|supports|support to|support for|provided support to|backed|backs|assistance to|aid to|helped|assisted', { verb: true }],
  ['supported', 'reverse', 'supported by|support from|backed by|assistance from|aid from|help from'],
  ['targeted_by', 'forward', 'targeted by|target of|struck by|hit by|attacked by'],
  ['targeted_by', 'reverse', 'targeted|targeting|struck'],
];

export const DEFAULT_PHRASES: Phrase[] = table.flatMap(([type, mode, phrases, extra]) =>
  phrases.split('|').map((p) => ({ type, mode, words: p.split(' '), cue: p, score: 0.75, ...extra })),
);

/** Role nouns between a group and a person: "then-MUJAO figure Abu Walid", "Al Qaeda’s leader". */
export const ROLE_NOUNS = new Map<string, string>(
  Object.entries({
    leader: 'leader_of',
    emir: 'leader_of',
    amir: 'leader_of',
    chief: 'leader_of',
    head: 'leader_of',
    founder: 'founded',
    cofounder: 'founded',
    figure: 'member_of',
    member: 'member_of',
    commander: 'member_of',
    militant: 'member_of',
    fighter: 'member_of',
    official: 'member_of',
    operative: 'member_of',
    spokesman: 'member_of',
    deputy: 'member_of',
    lieutenant: 'member_of',
    ideologue: 'member_of',
  }),
);

/** Group nouns after a group name: "the best financed Al Qaeda affiliate", "its AQIM rival". */
export const GROUP_NOUNS = new Map<string, string>(
  Object.entries({
    affiliate: 'affiliate_of',
    affiliates: 'affiliate_of',
    franchise: 'affiliate_of',
    front: 'affiliate_of',
    ally: 'allied_with',
    allies: 'allied_with',
    rival: 'rival_of',
    rivals: 'rival_of',
  }),
);
