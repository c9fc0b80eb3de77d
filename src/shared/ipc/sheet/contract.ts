// IPC contract of the sheet feature: channel name → payload schema and result type.
// import { z } from 'zod';
// import { channel } from '../channel';

export const sheetContract = {} as const;
