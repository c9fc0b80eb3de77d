// Files the page sends in pieces (uploads:put, and the CSV import's older csvImport:upload): each
// is spooled to a temporary file in main and named by a random id, so no single request is large
// and no channel ever takes a path from the page. Each import applies its own size limit on top.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/ipc/sources/contract';
import { AppError } from './errors';

export interface Upload {
  path: string;
  fileName: string;
  bytes: number;
  /** The size the page declared; the upload is complete when bytes reach it. */
  totalBytes: number;
  /** Row count of the last CSV check, for the progress bar. */
  rows?: number;
}

const uploads = new Map<string, Upload>();

export const megabytes = (bytes: number): string =>
  `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;

function tooLarge(fileName: string, bytes: number, limit: number): AppError {
  return new AppError(
    'invalid_input',
    `“${fileName}” is ${megabytes(bytes)}; the workbench takes files up to ${megabytes(limit)} here. Nothing was imported.`,
  );
}

function unknownUpload(): AppError {
  return new AppError(
    'not_found',
    'This upload is no longer known (was the app restarted?). Choose the file again.',
  );
}

export interface ChunkInput {
  uploadId?: string;
  fileName: string;
  /** base64 of the next piece. */
  chunk: string;
  totalBytes: number;
}

/** Appends the next piece of a file; the first piece (no uploadId) starts a new upload. */
export function receiveChunk(
  input: ChunkInput,
  limit = MAX_UPLOAD_BYTES,
): { uploadId: string; bytes: number } {
  if (input.totalBytes > limit) throw tooLarge(input.fileName, input.totalBytes, limit);
  let id = input.uploadId;
  let upload = id ? uploads.get(id) : undefined;
  if (id && !upload) throw unknownUpload();
  if (!upload) {
    id = crypto.randomBytes(16).toString('hex');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-upload-'));
    upload = {
      path: path.join(dir, 'upload.bin'),
      fileName: path.basename(input.fileName),
      bytes: 0,
      totalBytes: input.totalBytes,
    };
    fs.writeFileSync(upload.path, '');
    uploads.set(id, upload);
  }
  const bytes = Buffer.from(input.chunk, 'base64');
  if (upload.bytes + bytes.length > upload.totalBytes) {
    discardUpload(id!);
    throw new AppError(
      'invalid_input',
      `“${upload.fileName}” is longer than the ${upload.totalBytes.toLocaleString('en-US')} bytes announced for it. Choose the file again; nothing was imported.`,
    );
  }
  fs.appendFileSync(upload.path, bytes);
  upload.bytes += bytes.length;
  return { uploadId: id!, bytes: upload.bytes };
}

export function uploadOf(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload) throw unknownUpload();
  return upload;
}

/** An upload whose every announced byte has arrived. */
export function completeUpload(id: string): Upload {
  const upload = uploadOf(id);
  if (upload.bytes !== upload.totalBytes) {
    throw new AppError(
      'invalid_input',
      `“${upload.fileName}” arrived incomplete (${upload.bytes.toLocaleString('en-US')} of ${upload.totalBytes.toLocaleString('en-US')} bytes). Choose the file again.`,
    );
  }
  return upload;
}

export function discardUpload(id: string): void {
  const upload = uploads.get(id);
  uploads.delete(id);
  if (upload) fs.rmSync(path.dirname(upload.path), { recursive: true, force: true });
}

/** For tests and benchmarks: registers a file already on disk as an upload (a copy of it). */
export function uploadFromFile(file: string): string {
  const id = crypto.randomBytes(16).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-upload-'));
  const copy = path.join(dir, 'upload.bin');
  fs.copyFileSync(file, copy);
  const bytes = fs.statSync(copy).size;
  uploads.set(id, { path: copy, fileName: path.basename(file), bytes, totalBytes: bytes });
  return id;
}
