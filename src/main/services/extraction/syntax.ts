// Small closed sets of English words and patterns the relation reader relies on to tell who a phrase is about.

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Forms of be and have: "was founded by", "has been targeted". */
export const BE = words('was were is are been be being has have had');

/** Adverbs that may sit inside or before a phrase: "publicly swore allegiance", "reportedly led by". */
export const SKIPPABLE =
  words(`also then later reportedly allegedly already still now once first formally publicly
  jointly effectively primarily subsequently eventually officially openly`);

/** Words that are not nouns: a name followed by one of these is not a modifier of what follows. */
export const FUNCTION_WORDS =
  words(`and or but has have had is are was were in of to for on at by with from as which who
  whose that also will would may might can could said says the a an its their then now since into after before
  during until while if nor not did does do`);

/** Words that make a verb of what follows, so the subject is further left: "is active in", "had fighters". */
export const AUXILIARIES =
  words(`is are was were be been being has have had appears appear appeared seems seem seemed
  remains remain remained became become becomes stays stayed continues continued will would may might can could to`);

/** Verbs that, after a name on the right of a list, start a new clause: "…, and Boko Haram became". */
export const CLAUSE_VERBS = words('became becomes said says announced claimed pledged remained remains');

/** Words that open a noun phrase: a modifier after them describes an unnamed noun ("a group linked to"). */
export const NOUN_PHRASE_START =
  words(`a an the this these those its their his her of with from in on at for by among
  between against into other such`);

/** Prepositions: a place after one is not a subject ("outside Kasserine near the border have been targeted"). */
export const PREPOSITIONS =
  words(`in near outside at from into across throughout around inside within against toward
  towards beyond by via through over`);

/** Words before a place put at the front of a sentence: "In Libya, the Islamic State …". */
export const FRONTED = words('in across throughout inside');

/** Verbs that form a group: "X, formed in 2013 when A merged with B". */
export const FORMED = words('formed created established founded born');

/** Bodies distinct from the group they belong to: "the Sahara branch of AQIM" is not AQIM. */
export const BODY_NOUNS =
  words(`branch wing faction affiliate offshoot splinter front arm cell unit brigade battalion
  emirate province section division command`);

/** Pronouns that own a noun: "its leaders swore allegiance" has an unnamed subject. */
export const PRONOUN_OWNERS = words('its their his her');

/** Words that open a comma clause describing the name before it: "X, formed in …,", "X, a group that …,". */
export const CLAUSE_OPENERS = words(
  'a an the which who whose one also then now previously formerly known once long itself',
);

/** Relative pronouns: past one, a phrase's object is an unnamed noun ("supporters who live in X"). */
export const RELATIVE = words('who which that whose whom');

/** -ing words that do not start a participle clause. */
export const LIST_ING = words('including notably during');

/** Words before a verb that make it an adjective: "the best financed Al Qaeda affiliate". */
export const ADJECTIVE_BEFORE = words(
  'the a an best well most better poorly heavily richly less least more newly',
);

/** What joins two names of a list; group 1 is the conjunction, absent for a bare comma; group 2 a slash. */
export const LIST_GAP =
  /^\s*(?:,|;)?\s*(?:(and\/or|and|or|&|nor|as well as|along with|together with|plus|and its(?:\s+[a-z]+){1,3})\s+)?(?:the\s+)?$|^\s*(\/)\s*$/i;

/** Places chained in one phrase: "in central Mali around Mopti". */
export const LOCATIVE_GAP = /^\s*,?\s*(?:around|near|outside|in|including|notably)\s+(?:the\s+)?$/i;

/** A bracket that carries on a list: "Algeria (including … Tindouf), Niger, and Mali". */
export const INCLUDING = /^\s*\(\s*(?:including|notably|especially|such as|and)\b/i;

/** Where a clause ends, for the places a claim covers: "…, but as forces cracked down, it moved into…". */
export const CLAUSE_BREAK =
  /;|,\s+(?:but|while|whereas|although|though|yet|as|when|where|after|before|because)\b|\s(?:but|whereas|although)\s/g;

/** A clause boundary between a date and a phrase: the date belongs to the other clause. */
export const CLAUSE_BREAK_ONCE =
  /;|,\s+(?:but|while|whereas|although|though|yet|as|when|where|after|before|because|who|which|whose|and)\b|\s(?:but|whereas|although)\s/;

/** A sentence longer than this is cut into passages (relations.ts): the ends search stays linear. */
export const MAX_SENTENCE_WORDS = 120;
/** How far from a phrase its ends may be, in words. */
export const WINDOW_LEFT = 40;
export const WINDOW_RIGHT = 30;
