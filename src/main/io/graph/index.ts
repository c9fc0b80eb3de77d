// Graph interchange: sniffing a file's format by its content, reading any supported format into the
// neutral graph, and writing the neutral graph out (whole or as a stream of chunks).
import { Buffer } from 'node:buffer';
import { caseFileToGraph, readCaseFile } from './caseFile';
import { readCyjs, writeCyjs } from './cyjs';
import { readGexf, writeGexf, type GexfWriteOptions } from './gexf';
import { readGraphml, writeGraphml } from './graphml';
import { readStix, writeStix, type StixWriteOptions } from './stix';
import { concatChunks, encodePieces } from './text';
import { FormatError, type GraphFormat, type NeutralGraph, type WritableFormat } from './types';

export * from './types';
export * from './caseFile';
export { readCyjs, writeCyjs } from './cyjs';
export { readGexf, writeGexf } from './gexf';
export { readGraphml, writeGraphml } from './graphml';
export { readStix, writeStix, CUSTOM_ENTITY_TYPE } from './stix';
export { uuidV5 } from './uuid';

const EXTENSIONS: Record<string, GraphFormat | 'csv'> = {
  gexf: 'gexf',
  graphml: 'graphml',
  cyjs: 'cyjs',
  stix: 'stix',
  csv: 'csv',
  tsv: 'csv',
  awcase: 'case',
};

/** The first characters of the file as text, whatever its encoding says. */
function head(bytes: Uint8Array, length: number): string {
  const slice = bytes.subarray(0, length);
  if (slice[0] === 0xff && slice[1] === 0xfe) return new TextDecoder('utf-16le').decode(slice.subarray(2));
  if (slice[0] === 0xfe && slice[1] === 0xff) return new TextDecoder('utf-16be').decode(slice.subarray(2));
  return Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength)
    .toString('utf8')
    .replace(/^\ufeff/, '');
}

function jsonKind(text: string): GraphFormat | null {
  if (/"format"\s*:\s*"analyst-workbench-case"/.test(text)) return 'case';
  if (/"type"\s*:\s*"bundle"/.test(text) || /"spec_version"\s*:\s*"2\.[01]"/.test(text)) return 'stix';
  if (/"elements"\s*:/.test(text)) return 'cyjs';
  return null;
}

/**
 * The file's format from its content first (root element, JSON keys), its name's extension second.
 * 'csv' for delimited text; null when it is none of ours.
 */
export function sniffFormat(bytes: Uint8Array, name?: string): GraphFormat | 'csv' | null {
  const text = head(bytes, 1 << 16);
  const start = text.trimStart();
  if (start.startsWith('<')) {
    // The first element after the prolog, comments and DOCTYPE.
    const body = start.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/g, '');
    const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(body)?.[2];
    if (root === 'gexf') return 'gexf';
    if (root === 'graphml') return 'graphml';
    return null;
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    const kind = jsonKind(text);
    if (kind) return kind;
    // A key may come after a long first block (Cytoscape's network data): search the bytes.
    if (bytes.length > 1 << 16) {
      const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (all.indexOf('"analyst-workbench-case"') >= 0) return 'case';
      if (all.indexOf('"elements"') >= 0) return 'cyjs';
      if (all.indexOf('"spec_version"') >= 0) return 'stix';
    }
    const ext = extensionOf(name);
    return ext && ext !== 'csv' ? ext : null;
  }
  const ext = extensionOf(name);
  if (ext) return ext;
  if (bytes.subarray(0, 8192).includes(0)) return null;
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t|]/.test(firstLine) ? 'csv' : null;
}

function extensionOf(name: string | undefined): GraphFormat | 'csv' | null {
  const ext = name?.toLowerCase().split('.').pop();
  return ext && ext !== name?.toLowerCase() ? (EXTENSIONS[ext] ?? null) : null;
}

const FORMAT_NAMES: Record<GraphFormat, string> = {
  gexf: 'GEXF',
  graphml: 'GraphML',
  stix: 'STIX 2.1',
  cyjs: 'Cytoscape JSON',
  case: 'Analyst Workbench case',
};

/** Reads a graph file; without `format` it is sniffed from the content. */
export function readGraph(bytes: Uint8Array, format?: GraphFormat, name?: string): NeutralGraph {
  if (bytes.length === 0) throw new FormatError('The file is empty.');
  const sniffed = format ?? sniffFormat(bytes, name);
  if (sniffed === 'csv')
    throw new FormatError('This is a CSV file, not a graph file: import it with Import CSV.');
  if (sniffed === null)
    throw new FormatError(
      `This file is not one of the graph formats the workbench reads (${Object.values(FORMAT_NAMES).join(', ')}).`,
    );
  switch (sniffed) {
    case 'gexf':
      return readGexf(bytes);
    case 'graphml':
      return readGraphml(bytes);
    case 'stix':
      return readStix(bytes);
    case 'cyjs':
      return readCyjs(bytes);
    case 'case':
      return caseFileToGraph(readCaseFile(bytes));
  }
}

export interface WriteOptions extends GexfWriteOptions, StixWriteOptions {}

function pieces(graph: NeutralGraph, format: WritableFormat, options: WriteOptions): Iterable<string> {
  switch (format) {
    case 'gexf':
      return writeGexf(graph, options);
    case 'graphml':
      return writeGraphml(graph);
    case 'stix':
      return writeStix(graph, options);
    case 'cyjs':
      return writeCyjs(graph);
  }
}

/** The file as UTF-8 chunks of about 64 KB, made as they are taken. */
export function writeGraphChunks(
  graph: NeutralGraph,
  format: WritableFormat,
  options: WriteOptions = {},
): Generator<Uint8Array> {
  return encodePieces(pieces(graph, format, options));
}

/** The same chunks for `for await` and stream pipelines. */
export async function* writeGraphStream(
  graph: NeutralGraph,
  format: WritableFormat,
  options: WriteOptions = {},
): AsyncGenerator<Uint8Array> {
  yield* writeGraphChunks(graph, format, options);
}

/** The whole file at once. */
export function writeGraph(
  graph: NeutralGraph,
  format: WritableFormat,
  options: WriteOptions = {},
): Uint8Array {
  return concatChunks(writeGraphChunks(graph, format, options));
}

export const FILE_EXTENSIONS: Record<GraphFormat, string> = {
  gexf: '.gexf',
  graphml: '.graphml',
  stix: '.json',
  cyjs: '.cyjs',
  case: '.json',
};
