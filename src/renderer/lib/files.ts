// Sending files to main: their bytes as base64, whole or in pieces through uploads:put. No path
// ever crosses: the page reads the bytes the analyst chose (file picker or drop) and sends them.
import { UPLOAD_CHUNK_BYTES } from '../../shared/ipc/sources/contract';
import { call } from './ipc';

/** Standard padded base64 of some bytes, by the browser's own encoder (a data: URL) rather than in JS. */
export async function toBase64(bytes: Uint8Array | Blob): Promise<string> {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart]);
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(',') + 1);
}

export function randomId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const megabytes = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Sends a file to main in 4 MB pieces; returns its upload id. `onProgress` gets the bytes sent so
 * far; `cancelled` is asked between pieces.
 */
export async function uploadFile(
  file: Blob & { name: string },
  onProgress: (sent: number) => void = () => undefined,
  cancelled: () => boolean = () => false,
): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset === 0 || offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    if (cancelled()) throw new DOMException('The upload was cancelled.', 'AbortError');
    const piece = file.slice(offset, offset + UPLOAD_CHUNK_BYTES);
    const result = await call('uploads:put', {
      uploadId,
      name: file.name,
      chunk: await toBase64(piece),
      totalBytes: file.size,
    });
    uploadId = result.uploadId;
    onProgress(Math.min(file.size, offset + piece.size));
  }
  return uploadId!;
}
