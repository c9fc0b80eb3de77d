// The open case's types as the graph draws them: each entity type's colour, shape and name, each
// relation type's colour, how it reads, and whether it is symmetric or lineage. The case keeps its
// vocabulary in its file (caseTypes:list); the controller sets it here on every load and when a
// write announces the vocabulary table, and the layout worker from its input (it has its own copy
// of this module). One case is drawn per window, so this is the module's state.
import {
  DEFAULT_VOCABULARY,
  type EntityTypeDef,
  type RelationTypeDef,
  type Vocabulary,
} from '../../../../shared/vocabulary';

let current: Vocabulary = DEFAULT_VOCABULARY;
let entities = new Map<string, EntityTypeDef>();
let relations = new Map<string, RelationTypeDef>();
index(current);

function index(vocabulary: Vocabulary): void {
  entities = new Map(vocabulary.entityTypes.map((t) => [t.id, t]));
  relations = new Map(vocabulary.relationTypes.map((t) => [t.id, t]));
}

/** Takes the case's types; whether they differ from those drawn so far. */
export function setGraphTypes(vocabulary: Vocabulary): boolean {
  if (JSON.stringify(vocabulary) === JSON.stringify(current)) return false;
  current = vocabulary;
  index(vocabulary);
  return true;
}

export const graphTypes = (): Vocabulary => current;
export const entityType = (id: string): EntityTypeDef | undefined => entities.get(id);
export const relationType = (id: string): RelationTypeDef | undefined => relations.get(id);

/** "broke away from"; a type the case does not declare reads as its id ("prior_contact" → "prior contact"). */
export const relationReads = (id: string): string => relations.get(id)?.reads ?? id.replaceAll('_', ' ');
