// Channel names of the sources feature (no dependencies: the sandboxed preload imports this).
export const SOURCES_CHANNELS = [
  'uploads:put',
  'sources:import',
  'sources:importState',
  'sources:importCancel',
  'sources:update',
  'sources:delete',
  'sources:original',
  'extraction:suggestions',
  'extraction:review',
] as const;
