// The shell-only channels: the desktop app's native save dialogs. The browser shell does these in
// the page (a download), so they have no handler in the core's table (contract.ts); their schemas
// and results are declared here like every other channel's, and the Electron shell parses with them.
import { z } from 'zod';
import { READS, channel, type Channel } from '../channel';
import type { PLATFORM_CHANNELS } from '../channels';

export const platformContract = {
  /** Bytes the page made (an image, a JSON export): the analyst picks where they go. */
  'platform:saveFile': channel<{ path: string }>()(
    z
      .object({
        name: z.string().min(1).max(255),
        data: z.instanceof(Uint8Array),
        extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(5),
      })
      .strict(),
    READS,
  ),
  /** A file main streams (a CSV export ticket): the analyst picks where, main writes it there. */
  'platform:download': channel<{ path: string }>()(
    z.object({ downloadId: z.string().regex(/^[a-f0-9]{32}$/, 'Not a download ticket.') }).strict(),
    READS,
  ),
} as const satisfies Record<string, Channel<z.ZodType, unknown>>;

export type PlatformChannel = keyof typeof platformContract;

// Compile-time check that channels.ts (the preload's allow-list) names exactly these.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listedPlatformChannelsMatch: Same<(typeof PLATFORM_CHANNELS)[number], PlatformChannel> = true;
void listedPlatformChannelsMatch;
