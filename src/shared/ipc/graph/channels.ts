// Channel names of the graph feature (no dependencies: the sandboxed preload imports this).
export const GRAPH_CHANNELS = ['graph:get', 'graph:rows', 'graph:savePositions'] as const;
