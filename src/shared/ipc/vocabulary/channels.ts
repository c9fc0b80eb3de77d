// Channel names of the vocabulary editor (no dependencies: the sandboxed preload imports this).
export const VOCABULARY_CHANNELS = [
  'vocabulary:list',
  'vocabulary:save',
  'vocabulary:merge',
  'vocabulary:delete',
] as const;
