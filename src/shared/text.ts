// Name matching: case-, diacritic- and apostrophe-insensitive, so "Abdelmalek" and "ABDELMALEK",
// "Jama’at" and "Jama'at", "Côte" and "Cote" compare equal.
export function normalizeName(name: string): string {
  // Printable ASCII (bar the backtick) has no marks, curly apostrophes or long dashes: only spacing and case to do
  // (a third of the cost, and a million-row import normalises every name).
  if (PRINTABLE_ASCII.test(name))
    return (DOUBLE_SPACE.test(name) ? name.replace(/ +/g, ' ') : name).trim().toLowerCase();
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const PRINTABLE_ASCII = /^[\x20-\x5f\x61-\x7e]*$/; // not the backtick, read as an apostrophe
const DOUBLE_SPACE = / {2}/;
