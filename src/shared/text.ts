// Name matching: case-, diacritic- and apostrophe-insensitive, so "Abdelmalek" and "ABDELMALEK",
// "Jama’at" and "Jama'at", "Côte" and "Cote" compare equal.
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
