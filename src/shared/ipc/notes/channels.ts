// Channel names of the notes feature (no dependencies: the sandboxed preload imports this).
export const NOTES_CHANNELS = [] as const;
