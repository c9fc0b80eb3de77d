// Mutations of real files: what a damaged download, a wrong "Save as", a hand edit or an attacker
// makes of a file. Each mutated copy applies a few of them to the original bytes.
import { seededRandom } from '../random';

type Mutation = (bytes: Buffer, random: () => number) => Buffer;

const at = (bytes: Buffer, random: () => number): number => Math.floor(random() * (bytes.length + 1));

function insert(bytes: Buffer, index: number, piece: Buffer | string): Buffer {
  return Buffer.concat([bytes.subarray(0, index), Buffer.from(piece), bytes.subarray(index)]);
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** Bytes that have broken text parsers: quotes, delimiters, line ends, NULs, BOMs, broken UTF-8. */
const PIECES: (string | Buffer)[] = [
  '"',
  '""',
  "'",
  ',',
  ';',
  '\t',
  '|',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\ufeff',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ':',
  '<',
  '&',
  '=cmd|',
  '\u202e',
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xf0, 0x9f, 0x98]),
];

const MUTATIONS: Mutation[] = [
  // Flip a few bits.
  (b, r) => {
    const copy = Buffer.from(b);
    const flips = 1 + Math.floor(r() * 8);
    for (let i = 0; i < flips && copy.length; i++) {
      const index = Math.floor(r() * copy.length);
      copy[index] = copy[index]! ^ (1 << Math.floor(r() * 8));
    }
    return copy;
  },
  (b, r) => insert(b, at(b, r), pick(PIECES, r)),
  // Cut short: a truncated download.
  (b, r) => b.subarray(0, at(b, r)),
  // A range deleted.
  (b, r) => {
    const start = at(b, r);
    return Buffer.concat([
      b.subarray(0, start),
      b.subarray(Math.min(b.length, start + Math.floor(r() * 200))),
    ]);
  },
  // A range repeated many times.
  (b, r) => {
    const start = at(b, r);
    const piece = b.subarray(start, start + 1 + Math.floor(r() * 100));
    return insert(b, start, Buffer.concat(new Array<Buffer>(1 + Math.floor(r() * 2000)).fill(piece)));
  },
  // A very long run of one byte: a cell, a name or a string with no end.
  (b, r) =>
    insert(
      b,
      at(b, r),
      Buffer.alloc(1 + Math.floor(r() * 2_000_000), pick(['a', '"', ' ', '9', '\n', '['], r)),
    ),
  // Line ends of another convention.
  (b, r) =>
    Buffer.from(
      b.toString('latin1').replace(/\r?\n/g, pick(['\r', '\n\n', '\r\r\n', '\u2028'], r)),
      'latin1',
    ),
  // Saved in another encoding: UTF-16 with its byte-order mark, or Latin-1.
  (b, r) =>
    r() < 0.5
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')])
      : Buffer.from(b.toString('utf8'), 'latin1'),
];

/** `count` mutated copies of a file's bytes, each from its own seed. */
export function mutatedCopies(original: Buffer, count: number, seed: number): Buffer[] {
  const copies: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const random = seededRandom(seed * 7919 + i);
    let bytes = original;
    const steps = 1 + Math.floor(random() * 3);
    for (let n = 0; n < steps; n++) bytes = pick(MUTATIONS, random)(bytes, random);
    copies.push(bytes);
  }
  return copies;
}
