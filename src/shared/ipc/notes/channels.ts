// Channel names of the notes feature (no dependencies: the sandboxed preload imports this).
export const NOTES_CHANNELS = [
  'search:list',
  'citations:list',
  'citations:create',
  'citations:createEntity',
  'citations:delete',
  'sources:setReliability',
  'subjects:get',
  'noteCounts:get',
  'case:exportJson',
] as const;
