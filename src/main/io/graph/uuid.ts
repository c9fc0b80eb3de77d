// RFC 4122 name-based UUIDs (version 5, SHA-1): the same case ids give the same STIX ids on every
// export. Small enough to keep here rather than add a dependency for it.
import { createHash } from 'node:crypto';

/** Our namespace for workbench-made STIX ids (a fixed random v4 UUID). */
export const WORKBENCH_NAMESPACE = '6f1d2a3c-8b5e-4c71-9d0a-2e4f6b8c1a57';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

export function uuidV5(name: string, namespace = WORKBENCH_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
