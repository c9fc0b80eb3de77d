// Channel names of the automatic backups (no dependencies: the sandboxed preload imports this).
export const BACKUPS_CHANNELS = ['backups:list', 'backups:restore'] as const;
