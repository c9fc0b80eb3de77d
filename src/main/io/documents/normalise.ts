// The one normalisation every format's text goes through before citations may point into it.

/** '\r\n' and '\r' → '\n', BOMs and NULs removed, NFC; nothing else (no trimming), so offsets stay stable. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\ufeff/g, '')
    .replaceAll('\0', '')
    .normalize('NFC');
}

/** Collapses runs of white space in a metadata value (title, author); null when nothing is left. */
export function cleanField(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const clean = value
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .normalize('NFC');
  return clean || null;
}
