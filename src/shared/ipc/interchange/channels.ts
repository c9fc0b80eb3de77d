// Channel names of network interchange (no dependencies: the sandboxed preload imports this).
export const INTERCHANGE_CHANNELS = [
  'interchange:import',
  'interchange:importState',
  'interchange:export',
  'case:importFile',
] as const;
