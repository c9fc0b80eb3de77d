// IPC contract of network analytics computed in main over the whole case.
import { z } from 'zod';
import { TypeId } from '../../vocabulary';
import { channel, writes } from '../channel';

/** The attribute keys centralities are saved under (apart from any "degree" an imported file brings). */
export const CENTRALITY_KEYS = {
  degree: 'centrality_degree',
  betweenness: 'centrality_betweenness',
  pagerank: 'centrality_pagerank',
} as const;

export const CentralityRequest = z
  .object({
    weighted: z.boolean(),
    directed: z.boolean(),
    /** Only relations of these types; every type when absent. */
    types: z.array(TypeId).max(500).optional(),
  })
  .strict();
export type CentralityRequest = z.infer<typeof CentralityRequest>;

export interface SavedCentrality {
  /** The definition in words, as the analysis panel states it. */
  definition: string;
  entities: number;
}

export const analyticsContract = {
  /** Degree, betweenness and PageRank of every entity, saved as three number columns (one undo step). */
  'analytics:saveCentrality': channel<SavedCentrality>()(CentralityRequest, writes('attribute', 'entity')),
} as const;
