// Channel names of network analytics (no dependencies: the sandboxed preload imports this).
export const ANALYTICS_CHANNELS = ['analytics:saveCentrality'] as const;
