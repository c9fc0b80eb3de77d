// Every parser the workbench has, fed to the hostile-files harness (hostile.test.ts, bench
// reliability). Adding one (GEXF, GraphML, STIX, PDF, DOCX…) is one entry: the real files to mutate,
// the crafted attacks, and how the app reads a file with it. A parser must accept a file or refuse
// it with a sentence (an AppError); anything else it throws is a crash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/ipc/sources/contract';
import { loadCaseData, readCaseJson, sourceBytesReader, sourceTextReader } from '../../services/caseData';
import { AppError } from '../../services/errors';
import { exportCase } from '../../services/notes/caseExport';
import { checkImport, receiveCsvChunk, runImport } from '../../services/sheet/csvImport';
import { CaseStore } from '../../store';
import { DOCUMENT_PARSERS } from './documents';
import { GRAPH_PARSERS } from './graphs';
import { REAL_DATA, repeated, SAMPLE_CASE, twoGigabytes, writePieces, type HostileParser } from './kit';

export type { Attack, HostileParser } from './kit';

/** Sends a file the way the renderer does: base64 pieces of at most 4 MB, its size declared first. */
function uploadInPieces(file: string): string {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    let uploadId: string | undefined;
    const buffer = Buffer.alloc(UPLOAD_CHUNK_BYTES);
    let offset = 0;
    do {
      const read = fs.readSync(fd, buffer, 0, buffer.length, offset);
      offset += read;
      ({ uploadId } = receiveCsvChunk({
        uploadId,
        fileName: path.basename(file),
        chunk: buffer.subarray(0, read).toString('base64'),
        totalBytes: size,
      }));
      if (read === 0) break;
    } while (offset < size);
    return uploadId!;
  } finally {
    fs.closeSync(fd);
  }
}

async function importCsv(file: string, scratch: string): Promise<string> {
  const kind = /relations/i.test(path.basename(file)) ? 'relations' : 'entities';
  const uploadId = uploadInPieces(file);
  const store = CaseStore.open(path.join(scratch, 'import.awcase'), { create: true });
  try {
    const request = { uploadId, kind, delimiter: ',' } as const;
    const preview = await checkImport(store, request);
    if (preview.problem) throw new AppError('invalid_input', preview.problem);
    const state = await runImport(store, { ...request, jobId: crypto.randomBytes(16).toString('hex') });
    return `${state.imported} imported, ${state.rejected} rejected`;
  } finally {
    store.close();
  }
}

async function loadCaseJson(file: string, scratch: string): Promise<string> {
  const data = readCaseJson(file);
  const store = CaseStore.open(path.join(scratch, 'load.awcase'), { create: true });
  try {
    const dir = path.dirname(file);
    const report = loadCaseData(store, data, sourceTextReader(dir), sourceBytesReader(dir));
    return `${report.entitiesAdded} entities, ${report.relationsAdded} relations, ${report.sourcesAdded} sources`;
  } finally {
    store.close();
  }
}

/** The sample case as the app exports it (case:exportJson): another shape the loader may be handed. */
function exportedSampleCase(dir: string): string {
  const file = path.join(dir, 'exported-sample.json');
  if (fs.existsSync(file)) return file;
  const store = CaseStore.open(path.join(dir, 'export-source.awcase'), { create: true });
  try {
    loadCaseData(store, readCaseJson(path.join(SAMPLE_CASE, 'case.json')), sourceTextReader(SAMPLE_CASE));
    fs.writeFileSync(file, JSON.stringify(exportCase(store, { includeShareableNotes: true })));
  } finally {
    store.close();
  }
  return file;
}

const sampleJson = (): Record<string, unknown[]> =>
  JSON.parse(fs.readFileSync(path.join(SAMPLE_CASE, 'case.json'), 'utf8')) as Record<string, unknown[]>;

const TABLE_PARSERS: HostileParser[] = [
  {
    name: 'CSV import',
    extension: '.csv',
    samples: () =>
      fs
        .readdirSync(REAL_DATA)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => path.join(REAL_DATA, f)),
    attacks: [
      twoGigabytes,
      {
        name: 'one 50 MB cell',
        write: (f) => writePieces(f, ['type,name\norganization,"', ...repeated('a', 50_000_000), '"\n']),
      },
      {
        name: 'a quote never closed',
        write: (f) => writePieces(f, ['type,name\n"', ...repeated('x,y\n', 2_000_000)]),
      },
      {
        name: '100,000 columns',
        write: (f) =>
          writePieces(f, [
            Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(','),
            '\n',
            'a,'.repeat(100_000),
          ]),
      },
      { name: 'five million line ends', write: (f) => writePieces(f, repeated('\r\n', 5_000_000)) },
      { name: 'empty', write: (f) => fs.writeFileSync(f, '') },
      { name: 'a byte-order mark only', write: (f) => fs.writeFileSync(f, '\ufeff') },
      { name: 'a header only', write: (f) => fs.writeFileSync(f, 'type,name,aliases\n') },
      {
        name: 'UTF-16 with its byte-order mark',
        write: (f) =>
          fs.writeFileSync(
            f,
            Buffer.concat([
              Buffer.from([0xff, 0xfe]),
              Buffer.from('type,name\norganization,AQIM\n', 'utf16le'),
            ]),
          ),
      },
      {
        name: 'broken UTF-8 in a name',
        write: (f) =>
          fs.writeFileSync(
            f,
            Buffer.concat([
              Buffer.from('type,name\norganization,AQ'),
              Buffer.from([0xc3, 0x28, 0xff]),
              Buffer.from('IM\n'),
            ]),
          ),
      },
      { name: 'a megabyte of NUL bytes', write: (f) => fs.writeFileSync(f, Buffer.alloc(1024 * 1024)) },
      {
        name: 'five megabytes of random bytes',
        write: (f) => fs.writeFileSync(f, crypto.randomBytes(5 * 1024 * 1024)),
      },
      {
        name: 'formulas and control characters in cells',
        write: (f) =>
          fs.writeFileSync(
            f,
            'type,name,summary\norganization,=HYPERLINK("http://x"),@SUM(A1)\nperson,"a\u0000b",\u001b[31m\norganization,\u202eevil,"""quoted"""\n',
          ),
      },
    ],
    parse: importCsv,
  },
  {
    name: 'case JSON (sample-case loader)',
    extension: '.json',
    samples: (dir) => [path.join(SAMPLE_CASE, 'case.json'), exportedSampleCase(dir)],
    companions: fs.existsSync(SAMPLE_CASE)
      ? fs
          .readdirSync(SAMPLE_CASE)
          .filter((f) => !f.endsWith('.json'))
          .map((f) => path.join(SAMPLE_CASE, f))
      : [],
    attacks: [
      twoGigabytes,
      {
        name: 'nested twenty million arrays deep',
        write: (f) => writePieces(f, [...repeated('[', 20_000_000), ...repeated(']', 20_000_000)]),
      },
      {
        name: 'nested a hundred thousand objects deep in a field',
        write: (f) =>
          writePieces(f, [
            '{"sources":[],"relations":[],"entities":[{"id":"e","type":"person","name":',
            ...repeated('{"a":', 100_000),
            '1',
            ...repeated('}', 100_000),
            '}]}',
          ]),
      },
      {
        name: 'a 50 MB name',
        write: (f) =>
          writePieces(f, [
            '{"sources":[],"relations":[],"entities":[{"id":"e","type":"person","name":"',
            ...repeated('x', 50_000_000),
            '"}]}',
          ]),
      },
      {
        name: '20,000 entities with one name',
        write: (f) =>
          fs.writeFileSync(
            f,
            JSON.stringify({
              sources: [],
              relations: [],
              entities: Array.from({ length: 20_000 }, (_, i) => ({
                id: `e${i}`,
                type: 'organization',
                name: 'AQIM',
                aliases: [`a${i}`],
              })),
            }),
          ),
      },
      {
        name: 'source documents outside its folder, a device and a folder',
        write: (f) => {
          const data = sampleJson();
          const sources = data.sources as { file: string }[];
          ['../../../../etc/passwd', '/dev/zero', '.', '..'].forEach((name, i) => {
            if (sources[i]) sources[i].file = name;
          });
          fs.writeFileSync(f, JSON.stringify(data));
        },
      },
      {
        name: 'a source document of 2 GB',
        write: (f) => {
          const data = sampleJson();
          (data.sources as { file: string }[])[0]!.file = 'huge-source.txt';
          fs.writeFileSync(f, JSON.stringify(data));
          twoGigabytes.write(path.join(path.dirname(f), 'huge-source.txt'));
        },
      },
      {
        name: 'citations and relations naming what is not there',
        write: (f) =>
          fs.writeFileSync(
            f,
            JSON.stringify({
              sources: [],
              entities: [
                {
                  id: 'a',
                  type: 'organization',
                  name: 'AQIM',
                  citations: [{ source: 'nowhere', quote: 'x', credibility: 2 }],
                },
              ],
              relations: [
                {
                  id: 'r',
                  source: 'a',
                  target: 'ghost',
                  type: 'splinter_of',
                  citations: [{ source: 's', quote: 'q', credibility: 1 }],
                },
              ],
            }),
          ),
      },
      {
        name: 'prototype keys, huge numbers and wrong kinds',
        write: (f) =>
          fs.writeFileSync(
            f,
            '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"sources":[{"id":1e999,"title":null}],"entities":{"length":1e308},"relations":"[]"}',
          ),
      },
      { name: 'null', write: (f) => fs.writeFileSync(f, 'null') },
      { name: 'NaN (not JSON)', write: (f) => fs.writeFileSync(f, '{"sources": NaN}') },
      {
        name: 'UTF-16 with its byte-order mark',
        write: (f) =>
          fs.writeFileSync(
            f,
            Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(sampleJson()), 'utf16le')]),
          ),
      },
      {
        name: 'broken UTF-8 in a string',
        write: (f) =>
          fs.writeFileSync(
            f,
            Buffer.concat([
              Buffer.from('{"sources":[],"relations":[],"entities":[{"id":"e","type":"person","name":"A'),
              Buffer.from([0xed, 0xa0, 0x80]),
              Buffer.from('"}]}'),
            ]),
          ),
      },
    ],
    parse: loadCaseJson,
  },
];

export const HOSTILE_PARSERS: HostileParser[] = [...TABLE_PARSERS, ...DOCUMENT_PARSERS, ...GRAPH_PARSERS];
