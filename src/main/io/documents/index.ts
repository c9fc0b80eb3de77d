// STUB until the docs-io branch lands (same API): UTF-8 text only.
import type { ParseOutcome } from './types';
export * from './types';
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;
export async function parseDocument(
  name: string,
  bytes: Uint8Array,
  _options?: { encoding?: string },
): Promise<ParseOutcome> {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: `“${name}” is empty.` };
  if (bytes.includes(0)) return { ok: false, code: 'binary', reason: `“${name}” is not a document.` };
  const text = new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n').normalize('NFC');
  return {
    ok: true,
    document: {
      format: /\.md$/i.test(name) ? 'md' : 'txt',
      text,
      pages: null,
      title: null,
      author: null,
      publishedOn: null,
      language: null,
      origin: null,
      encoding: 'utf-8',
    },
  };
}
