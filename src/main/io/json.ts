// Checks on JSON text before JSON.parse, which builds whatever the text says however deep it goes.

/**
 * Whether JSON text nests deeper than limit (strings skipped). Checked before JSON.parse: 20 million
 * nested arrays (a 40 MB file) took JSON.parse 12 s and 1.9 GB before it gave up.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
