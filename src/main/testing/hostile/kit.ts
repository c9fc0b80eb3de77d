// What the hostile-files table is made of (parsers.ts and the files beside it): a parser entry, an
// attack, and the pieces attacks are built from.
import fs from 'node:fs';
import path from 'node:path';

export interface Attack {
  name: string;
  /** The attack file's extension when it is not the parser's (a document reader takes several). */
  extension?: string;
  /** Writes the hostile file. */
  write(file: string): void;
}

export interface HostileParser {
  name: string;
  /** The extension the parser's files carry (kept by mutated copies and attacks). */
  extension: string;
  /** Real files written by other tools (or the app's own), to be mutated; may build files in dir. */
  samples(dir: string): string[];
  /** Mutated copies per sample, when not the run's number (a slow reader with many samples). */
  mutations?: number;
  /** Files the parser reads beside the one it is given (a case description's source documents). */
  companions?: string[];
  attacks: Attack[];
  /** Loads what the reader loads once (pdf.js in a worker), before the first file is measured. */
  prepare?(): Promise<void>;
  /** Reads the file as the app does, into a new case in scratch; resolves with what it took. */
  parse(file: string, scratch: string): Promise<string>;
}

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
export const REAL_DATA = path.resolve(ROOT, '..', 'shared', 'real-data');
export const SAMPLE_CASE = path.join(ROOT, 'resources', 'sample-case');

/** A file written in pieces (some attacks are larger than is wise to hold as one string). */
export function writePieces(file: string, pieces: Iterable<string | Buffer>): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const piece of pieces) fs.writeSync(fd, typeof piece === 'string' ? Buffer.from(piece) : piece);
  } finally {
    fs.closeSync(fd);
  }
}

export function* repeated(piece: string, times: number, chunk = 100_000): Generator<string> {
  for (let done = 0; done < times; done += chunk) yield piece.repeat(Math.min(chunk, times - done));
}

/**
 * A file just over 2 GB that takes no disk space (sparse): its size alone must get it refused. One
 * byte over, since the CSV import streams files of up to 2 GB (exactly 2 GB is sent and read).
 */
export const twoGigabytes: Attack = {
  name: 'a 2 GB file, refused before it is read',
  write: (file) => {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 2 * 1024 ** 3 + 1);
  },
};
