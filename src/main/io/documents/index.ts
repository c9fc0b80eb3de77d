// Reading the analyst's documents: bytes in, text with pages and metadata out, or one sentence saying why
// not. Pure: no store, no IPC, no electron. Formats load on first use (pdf.js and mammoth are heavy).
import { sniff } from './sniff';
import { MAX_DOCUMENT_BYTES, quoted, refuse, tooLarge, type ParseOutcome } from './types';

export type { DocumentFormat, PageSpan, ParsedDocument, ParseOutcome, ProblemCode } from './types';

export { MAX_DOCUMENT_BYTES };

export async function parseDocument(
  name: string,
  bytes: Uint8Array,
  options: { encoding?: string } = {},
): Promise<ParseOutcome> {
  const large = tooLarge(name, bytes.length);
  if (large) return large;
  if (isBlank(bytes)) {
    return refuse('empty', `${quoted(name)} is empty.`);
  }
  try {
    const sniffed = sniff(name, bytes);
    switch (sniffed.kind) {
      case 'binary':
        return refuse(
          'binary',
          `${quoted(name)} is not a text document (it looks like ${sniffed.what}); the workbench cannot read it.`,
        );
      case 'unsupported':
        return refuse(
          'unsupported',
          `${quoted(name)} is ${sniffed.what}, which the workbench does not read; ${sniffed.advice}.`,
        );
      case 'encrypted':
        return refuse('encrypted', `${quoted(name)} needs a password to open; the workbench cannot read it.`);
    }
    switch (sniffed.format) {
      case 'pdf':
        return await (await import('./pdf')).parsePdf(name, bytes);
      case 'docx':
        return await (await import('./docx')).parseDocx(name, bytes);
      case 'html':
        return (await import('./html')).parseHtml(name, bytes, options);
      default:
        return (await import('./text')).parseText(name, bytes, sniffed.format, options);
    }
  } catch (error) {
    // A reader that fails in a way it did not foresee still gives a sentence, never a throw.
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('corrupt', `${quoted(name)} could not be read (${detail.slice(0, 200)}).`);
  }
}

/** Whitespace and NULs only (in any of the encodings the workbench reads). */
function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0 && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) {
      // Byte order marks are not content either.
      if (!(i < 3 && (b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe))) return false;
    }
  }
  return true;
}
