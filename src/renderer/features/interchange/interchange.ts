// Networks in and out: which dialog is open, the file being imported and its preview. The file's
// bytes go to main (inline up to 20 MB, in pieces above); main reads, plans and reports; nothing is
// written until the analyst confirms the preview.
import { useSyncExternalStore } from 'react';
import {
  MAX_INLINE_GRAPH_BYTES,
  type GraphFormat,
  type InterchangeReport,
} from '../../../shared/ipc/interchange/contract';
import { randomId, toBase64, uploadFile } from '../../lib/files';
import { call, reportError } from '../../lib/ipc';
import { saveDownload, saveFile } from '../../lib/platform';

export type TypeChoice = string; // a type id of the case, 'add' or 'reject'

export interface NetworkImport {
  dialog: 'import' | 'export' | 'openCase' | null;
  file: File | null;
  /** The bytes as sent: inline base64, or an upload id. */
  sent: { bytes: string } | { uploadId: string } | null;
  typeMap: Record<string, TypeChoice>;
  unknownTypes: 'add' | 'reject';
  phase: 'idle' | 'sending' | 'previewing' | 'preview' | 'importing' | 'done' | 'failed';
  preview: InterchangeReport | null;
  result: InterchangeReport | null;
  message: string | null;
}

const initial: NetworkImport = {
  dialog: null,
  file: null,
  sent: null,
  typeMap: {},
  unknownTypes: 'add',
  phase: 'idle',
  preview: null,
  result: null,
  message: null,
};
let state = initial;
const listeners = new Set<() => void>();

function update(patch: Partial<NetworkImport>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useNetworkImport(): NetworkImport {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export const openNetworkImport = (file?: File): void => {
  state = { ...initial, dialog: 'import' };
  for (const l of listeners) l();
  if (file) void chooseNetworkFile(file);
};
export const openNetworkExport = (): void => update({ ...initial, dialog: 'export' });
export const openCaseExport = (): void => update({ ...initial, dialog: 'openCase' });
export const closeInterchange = (): void => update(initial);

async function send(file: File): Promise<{ bytes: string } | { uploadId: string }> {
  if (file.size <= MAX_INLINE_GRAPH_BYTES) return { bytes: await toBase64(file) };
  return { uploadId: await uploadFile(file) };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Sends the chosen file and asks main for the preview. */
export async function chooseNetworkFile(file: File): Promise<void> {
  update({ file, phase: 'sending', preview: null, result: null, message: null, typeMap: {} });
  try {
    update({ sent: await send(file), phase: 'previewing' });
    await refreshPreview();
  } catch (error) {
    update({ phase: 'failed', message: messageOf(error) });
  }
}

function request(dryRun: boolean) {
  const { file, sent, typeMap, unknownTypes } = state;
  return { name: file!.name, ...sent!, typeMap, unknownTypes, dryRun, jobId: randomId() };
}

export async function refreshPreview(): Promise<void> {
  if (!state.file || !state.sent) return;
  update({ phase: 'previewing' });
  try {
    update({ preview: await call('interchange:import', request(true)), phase: 'preview', message: null });
  } catch (error) {
    update({ phase: 'failed', message: messageOf(error) });
  }
}

export function chooseType(value: string, choice: TypeChoice): void {
  update({ typeMap: { ...state.typeMap, [value]: choice } });
  void refreshPreview();
}

export function chooseUnknownTypes(choice: 'add' | 'reject'): void {
  update({ unknownTypes: choice });
  void refreshPreview();
}

export async function runNetworkImport(): Promise<void> {
  update({ phase: 'importing' });
  try {
    update({ result: await call('interchange:import', request(false)), phase: 'done', message: null });
  } catch (error) {
    update({ phase: 'failed', message: messageOf(error) });
  }
}

const MIME: Record<GraphFormat, string> = {
  gexf: 'application/gexf+xml',
  graphml: 'application/graphml+xml',
  stix: 'application/json',
  cyjs: 'application/json',
  case: 'application/json',
};

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Exports the case and hands the file to the shell (save dialog or download). */
export async function exportNetwork(format: GraphFormat, notes: 'none' | 'shareable'): Promise<boolean> {
  try {
    const file = await call('interchange:export', { format, notes });
    if ('downloadId' in file) await saveDownload(file.downloadId);
    else await saveFile(file.name, base64Bytes(file.bytes), MIME[format]);
    return true;
  } catch (error) {
    reportError(error, 'interchange:export');
    return false;
  }
}

/** Opens a colleague's case export as a case of its own. */
export async function openCaseFile(file: File): Promise<void> {
  update({ file, phase: 'sending', message: null });
  try {
    const sent = await send(file);
    update({ phase: 'importing' });
    await call('case:importFile', { name: file.name, ...sent });
    update(initial);
  } catch (error) {
    update({ phase: 'failed', message: messageOf(error) });
  }
}
