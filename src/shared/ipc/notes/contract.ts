// IPC contract of the notes feature: channel name → payload schema and result type.
// import { z } from 'zod';
// import { channel } from '../channel';

export const notesContract = {} as const;
