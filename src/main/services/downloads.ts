// Files main streams to the analyst (CSV exports): a ticket the shell redeems once, through its
// own door — a save dialog in Electron, GET /download/<id> in the browser shell.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PendingDownload {
  fileName: string;
  mime: string;
  /** Opens the stream; called once, when the shell redeems the ticket. */
  open(): Readable;
}

const TICKET_LIFETIME_MS = 5 * 60_000;
const pending = new Map<string, PendingDownload & { expires: number }>();

export function offerDownload(download: PendingDownload): string {
  const now = Date.now();
  for (const [id, entry] of pending) if (entry.expires < now) pending.delete(id);
  const id = crypto.randomBytes(16).toString('hex');
  pending.set(id, { ...download, expires: now + TICKET_LIFETIME_MS });
  return id;
}

/** The download for a ticket, once; null when unknown, used or expired. */
export function redeemDownload(id: string): PendingDownload | null {
  const entry = pending.get(id);
  pending.delete(id);
  if (!entry || entry.expires < Date.now()) return null;
  return entry;
}

/**
 * Writes a download to the file the analyst chose (Electron's save dialog): into a temporary file
 * beside it, renamed over the target only when every byte is written, so a failed export never
 * leaves a half-written file or damages one that was there.
 */
export async function saveDownload(download: PendingDownload, filePath: string): Promise<void> {
  const partial = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${crypto.randomBytes(4).toString('hex')}.part`,
  );
  const out = fs.createWriteStream(partial, { flags: 'wx' });
  try {
    await pipeline(download.open(), out);
    fs.renameSync(partial, filePath);
  } catch (error) {
    // The file may still be opening when the source fails: remove it only once the stream is closed.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
