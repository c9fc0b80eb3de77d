// Files main streams to the analyst (CSV exports): a ticket the shell redeems once, through its
// own door — a save dialog in Electron, GET /download/<id> in the browser shell.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';

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
