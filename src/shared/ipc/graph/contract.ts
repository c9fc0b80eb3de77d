// IPC contract of the graph feature: channel name → payload schema and result type.
// import { z } from 'zod';
// import { channel } from '../channel';

export const graphContract = {} as const;
