// Test data: the AQIM family as the sample case tells it, including Al Murabitoun's return to AQIM
// in 2015. Used by the tests of the model, the layouts and the analysis tools.
import type { GraphEdge, GraphNode } from '../../../../shared/ipc/graph/contract';

export const org = (id: number, name: string): GraphNode => ({
  id,
  type: 'organization',
  name,
  aliases: [],
  notes: 0,
  citations: 0,
});
let nextEdge = 1;
export const rel = (
  source: number,
  type: string,
  target: number,
  start: string | null,
  end: string | null = null,
  grade: string | null = 'B2',
): GraphEdge => ({
  id: nextEdge++,
  source,
  target,
  type,
  start,
  end,
  corroboration: 1,
  grade,
  sources: [1],
});

export const GSPC = 1,
  AQIM = 2,
  MULATHAMUN = 3,
  MUJAO = 4,
  MURABITOUN = 5,
  ANSAR_DINE = 6,
  MLF = 7,
  SAHEL = 8,
  JNIM = 9,
  ISGS = 10,
  IS = 11;
export const nodes = [
  org(GSPC, 'Salafist Group for Preaching and Combat'),
  org(AQIM, 'Al Qaeda in the Islamic Maghreb'),
  org(MULATHAMUN, 'Al Mulathamun'),
  org(MUJAO, 'Movement for Unity and Jihad in West Africa'),
  org(MURABITOUN, 'Al Murabitoun'),
  org(ANSAR_DINE, 'Ansar al Dine'),
  org(MLF, 'Macina Liberation Front'),
  org(SAHEL, 'AQIM Sahel branch'),
  org(JNIM, 'Jama’at Nusrat al Islam wal Muslimeen'),
  org(ISGS, 'Islamic State-Greater Sahara'),
  org(IS, 'Islamic State'),
  { ...org(12, 'Mali'), type: 'location' },
];
export const edges = [
  rel(GSPC, 'succeeded_by', AQIM, '2007'),
  rel(MULATHAMUN, 'splinter_of', AQIM, null, '2013'),
  rel(MUJAO, 'splinter_of', AQIM, null, '2013'),
  rel(MULATHAMUN, 'merged_into', MURABITOUN, '2013'),
  rel(MUJAO, 'merged_into', MURABITOUN, '2013'),
  rel(MURABITOUN, 'merged_into', AQIM, '2015'),
  rel(MURABITOUN, 'merged_into', JNIM, '2017'),
  rel(ANSAR_DINE, 'merged_into', JNIM, '2017'),
  rel(MLF, 'merged_into', JNIM, '2017', null, 'C3'),
  rel(SAHEL, 'merged_into', JNIM, '2017'),
  rel(ISGS, 'splinter_of', MURABITOUN, '2015'),
  rel(ISGS, 'allegiance_to', IS, '2015'),
  rel(AQIM, 'operates_in', 12, '2007'),
  rel(AQIM, 'rival_of', IS, '2015'),
];
export const data = { nodes, edges };
/** A label box as the layouts take it. */
export const box = (n: GraphNode): { id: number; w: number; h: number } => ({
  id: n.id,
  w: Math.min(130, n.name.length * 6.5),
  h: 60,
});
