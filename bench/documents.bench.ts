// Document reader figures (issue 14, the format layer): a 300-page PDF, and MB/s over 20-200 KB text and
// HTML files, each against the library step it wraps in the same run (pdf.js's text alone, TextDecoder
// alone, linkedom's parse alone); then a mixed batch through the worker pool with main's event-loop delay.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { makePdf, encodeLegacy } from '../src/main/io/documents/fixtures/make';
import { parseDocument } from '../src/main/io/documents/index';
import { parseInWorker } from '../src/main/io/documents/pool';
import { median, report, round, timeAsync } from './lib';

const RUNS = 3;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const WORDS = (
  'the group attack forces region leader network support members government security operations border ' +
  'militants northern southern report analysts claimed village convoy ransom smuggling routes alliance ' +
  'splinter faction emir commander training camp funding Mali Niger Gao Kidal Ménaka Qaïda'
).split(' ');
const ARABIC = 'أعلن تنظيم القاعدة في بلاد المغرب الإسلامي مسؤوليته عن الهجوم على القافلة قرب الحدود'.split(
  ' ',
);

function paragraphs(random: () => number, bytes: number, words: string[]): string[] {
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentence = Array.from(
      { length: 60 + Math.floor(random() * 60) },
      () => words[Math.floor(random() * words.length)]!,
    );
    const paragraph = `${sentence.join(' ')}.`;
    out.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return out;
}

/** Sizes spread evenly over 20-200 KB. */
const sizes = (count: number): number[] =>
  Array.from({ length: count }, (_, i) => 20_000 + Math.round((180_000 * i) / (count - 1)));

/** UTF-8 files, or (legacy) Arabic Windows-1256 files: the path that scores every 8-bit encoding. */
function textFiles(count: number, legacy = false): Uint8Array[] {
  const random = rng(legacy ? 9 : 7);
  return sizes(count).map((size) => {
    const text = paragraphs(random, size, legacy ? ARABIC : WORDS).join('\n\n');
    return legacy ? encodeLegacy(text, 'windows-1256') : new TextEncoder().encode(text);
  });
}

function htmlFiles(count: number): Uint8Array[] {
  const random = rng(11);
  return sizes(count).map((size) => {
    const body = paragraphs(random, size, WORDS)
      .map((p, i) => (i % 6 === 0 ? `<h2>${p.slice(0, 40)}</h2><p>${p}</p>` : `<p>${p}</p>`))
      .join('\n');
    const page =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title>` +
      `<meta property="article:published_time" content="2017-03-02"></head><body>` +
      `<header><nav>${'<a href="/x">Section</a> '.repeat(30)}</nav><form role="search"><input></form></header>` +
      `<main><article><h1>Report</h1>${body}</article></main><footer>© Monitor</footer></body></html>`;
    return new TextEncoder().encode(page);
  });
}

async function throughput(
  name: string,
  files: Uint8Array[],
  baseline: (bytes: Uint8Array) => unknown,
): Promise<void> {
  const total = files.reduce((sum, f) => sum + f.length, 0);
  for (const f of files.slice(0, 3)) await parseDocument(`${name}.warm`, f); // load the readers and models
  const ours: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push((await timeAsync(async () => {
      for (const f of files) await parseDocument(`${name}.${name === 'html' ? 'html' : 'txt'}`, f);
    })).ms); // prettier-ignore
    base.push((await timeAsync(async () => {
      for (const f of files) baseline(f);
    })).ms); // prettier-ignore
  }
  const mbps = (ms: number): number => total / 1e6 / (ms / 1000);
  report({
    name: `documents_${name.replace('-', '_')}_MBps`,
    value: mbps(median(ours)),
    unit: 'MB/s',
    baseline: round(mbps(median(base)), 2),
    files: files.length,
    total_MB: round(total / 1e6, 2),
    note: name === 'html' ? 'baseline: linkedom parse only' : 'baseline: TextDecoder + NFC only',
  });
}

export async function run(): Promise<void> {
  // 300 pages of 45 lines, about 790,000 characters.
  const pages = Array.from({ length: 300 }, (_, p) =>
    Array.from(
      { length: 45 },
      (_, l) => `Page ${p + 1}, line ${l + 1}: the group broke away from AQIM in 2012 near Gao.`,
    ),
  );
  const pdf = makePdf({ pages, title: 'Long report' });
  await parseDocument('warm.pdf', makePdf({ pages: [['warm']] }));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push((await timeAsync(() => parseDocument('long.pdf', pdf))).ms);
    base.push(
      (
        await timeAsync(async () => {
          const doc = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 })
            .promise;
          for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
          await doc.destroy();
        })
      ).ms,
    );
  }
  report({
    name: 'documents_pdf_300_pages_ms',
    value: median(ours),
    unit: 'ms',
    baseline: round(median(base), 1),
    note: 'baseline: pdf.js getTextContent of every page, nothing assembled',
    pdf_KB: Math.round(pdf.length / 1024),
  });

  await throughput('text', textFiles(40), (bytes) =>
    new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'),
  );
  await throughput('text-windows1256', textFiles(20, true), (bytes) =>
    new TextDecoder('windows-1256').decode(bytes).normalize('NFC'),
  );
  const { parseHTML } = await import('linkedom');
  await throughput('html', htmlFiles(40), (bytes) => parseHTML(new TextDecoder().decode(bytes)).document);

  // A worker's start: its first file's round trip, against the same file parsed here.
  const note = new TextEncoder().encode('AQIM operates in northern Mali.');
  const start = await timeAsync(async () => {
    for await (const result of parseInWorker([{ index: 0, name: 'note.txt', bytes: note.slice() }]))
      void result;
  });
  report({
    name: 'documents_worker_first_file_ms',
    value: start.ms,
    unit: 'ms',
    baseline: round((await timeAsync(() => parseDocument('note.txt', note))).ms, 2),
    note: 'the worker loads the language models before its first file; from source, tsx compiles what it loads',
  });

  // A mixed batch through the workers while main's event loop is watched (what the import will do).
  const batch = [
    ...textFiles(15),
    ...textFiles(5, true),
    ...htmlFiles(20),
    ...Array.from({ length: 4 }, () => pdf),
  ];
  const jobs = batch.map((bytes, index) => ({
    index,
    name: `file${index}.${index >= 40 ? 'pdf' : 'txt'}`,
    bytes: bytes.slice(),
  }));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const pooled = await timeAsync(async () => {
    let ok = 0;
    for await (const { outcome } of parseInWorker(jobs)) if (outcome.ok) ok++;
    return ok;
  });
  delay.disable();
  const serial = await timeAsync(async () => {
    for (const [index, bytes] of batch.entries())
      await parseDocument(`file${index}.${index >= 40 ? 'pdf' : 'txt'}`, bytes);
  });
  report({
    name: 'documents_worker_batch_ms',
    value: pooled.ms,
    unit: 'ms',
    baseline: round(serial.ms, 1),
    note: 'baseline: the same files parsed on the calling thread (warm); workers include their start',
    files: batch.length,
    parsed: pooled.result,
    main_loop_delay_p99_ms: round(delay.percentile(99) / 1e6, 1),
    main_loop_delay_max_ms: round(delay.max / 1e6, 1),
  });
}
