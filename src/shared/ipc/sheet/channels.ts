// Channel names of the sheet feature (no dependencies: the sandboxed preload imports this).
export const SHEET_CHANNELS = [] as const;
