// CSV helpers shared by export and import: formula-injection guard and CSV-parser errors in words.
import { CsvError } from 'csv-parse';

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or CR before them) as a formula.
 * Such cells get a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection").
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'vertical bars',
};

/** The delimiter a header line most likely uses, if it is clearly one of ours. */
export function guessDelimiter(headerLine: string): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const delimiter of Object.keys(DELIMITER_NAMES)) {
    const count = headerLine.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** csv-parse's errors, said for an analyst: where the problem is and what to do. */
export function describeCsvError(error: unknown): string {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    const where = line ? ` on line ${line}` : '';
    switch (error.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return `A quoted cell that starts${where} is never closed: the file ends inside quotes. Check that every opening " has a closing ". Nothing was imported.`;
      case 'CSV_INVALID_CLOSING_QUOTE':
      case 'INVALID_OPENING_QUOTE':
        return `A quote is misplaced${where}: inside a quoted cell a quote must be doubled (""), and a quote may only open a cell. Fix the file and try again. Nothing was imported.`;
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      case 'CSV_RECORD_INCONSISTENT_COLUMNS':
        return `The row${where} has a different number of cells than the header. Check the delimiter and the quoting of that row. Nothing was imported.`;
      case 'CSV_MAX_RECORD_SIZE':
        return `A row${where} is too large to be a spreadsheet row (is a quote left open?). Nothing was imported.`;
      default:
        return `The file could not be read as CSV${where} (${error.message}). Nothing was imported.`;
    }
  }
  return `The file could not be read as CSV (${(error as Error).message}). Nothing was imported.`;
}
