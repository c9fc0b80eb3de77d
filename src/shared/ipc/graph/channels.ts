// Channel names of the graph feature (no dependencies: the sandboxed preload imports this).
export const GRAPH_CHANNELS = ['graph:get', 'graph:savePositions'] as const;
