import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, makeDocx, makePdf, PNG } from './fixtures/make';
import { MAX_DOCUMENT_BYTES, parseDocument } from './index';
import { parseInWorker, type ParseJob, type ParseResult } from './pool';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A long report: 300 pages of 45 lines. */
const LONG_PDF = makePdf({
  pages: Array.from({ length: 300 }, (_, p) =>
    Array.from(
      { length: 45 },
      (_, l) => `Page ${p + 1}, line ${l + 1}: the group broke away from AQIM in 2012.`,
    ),
  ),
});

async function collect(results: AsyncIterable<ParseResult>): Promise<ParseResult[]> {
  const all: ParseResult[] = [];
  for await (const result of results) all.push(result);
  return all.sort((a, b) => a.index - b.index);
}

/** This process's OS threads (Linux), to see that workers really end. */
const threads = (): number | null =>
  fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task').length : null;

describe('parsing on worker threads', () => {
  it('parses a batch, reports progress, and gives what parseDocument gives', async () => {
    const files: [string, Uint8Array][] = [
      ['brief.pdf', fixture('brief.pdf')],
      ['brief.docx', fixture('brief.docx')],
      ['note.txt', utf8('Iyad Ag Ghaly leads Ansar al Dine, which joined JNIM in March 2017.')],
      ['page.html', utf8('<html><body><p>AQIM claimed the attack.</p></body></html>')],
      ['photo.txt', PNG],
      ['empty.md', new Uint8Array()],
    ];
    const expected = await Promise.all(files.map(([name, bytes]) => parseDocument(name, bytes)));
    const progress: number[] = [];
    const jobs = files.map(([name, bytes], index) => ({ index, name, bytes: bytes.slice() }));
    const results = await collect(
      parseInWorker(jobs, { concurrency: 2, onProgress: (done) => progress.push(done) }),
    );
    expect(results.map((r) => [r.index, r.name])).toEqual(files.map(([name], index) => [index, name]));
    expect(results.map((r) => r.outcome)).toEqual(expected);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('hands the bytes over without copying them (the caller’s buffer is detached)', async () => {
    const bytes = utf8('Mokhtar Belmokhtar founded Al Mulathamun in 2012.');
    const [result] = await collect(parseInWorker([{ index: 0, name: 'a.txt', bytes }], { concurrency: 1 }));
    expect(result!.outcome.ok).toBe(true);
    expect(bytes.byteLength).toBe(0);
  });

  it('refuses a file over 200 MB without handing it to a worker', async () => {
    const bytes = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    const [result] = await collect(
      parseInWorker([{ index: 0, name: 'huge.pdf', bytes }], { concurrency: 1 }),
    );
    expect(result!.outcome).toMatchObject({ ok: false, code: 'too_large' });
    expect(bytes.byteLength).toBe(MAX_DOCUMENT_BYTES + 1); // not transferred
  });

  it('takes jobs from an async source as they arrive, with the encoding the analyst picked', async () => {
    async function* uploads(): AsyncGenerator<ParseJob> {
      yield { index: 0, name: 'a.txt', bytes: Uint8Array.from([0xe0, 0xf0, 0xe8]), encoding: 'windows-1251' };
      await new Promise((resolve) => setTimeout(resolve, 50));
      yield { index: 1, name: 'b.docx', bytes: makeDocx({ paragraphs: [{ text: 'Second file.' }] }) };
    }
    const results = await collect(parseInWorker(uploads(), { concurrency: 2 }));
    expect(results.map((r) => r.outcome.ok && r.outcome.document.text)).toEqual(['ари', 'Second file.']);
  });

  it('stops a 300-page PDF mid-parse within a second of Cancel, and ends with an AbortError', async () => {
    const before = threads();
    const controller = new AbortController();
    const jobs = [
      { index: 0, name: 'warm-up.pdf', bytes: makePdf({ pages: [['Loads pdf.js in the worker first.']] }) },
      { index: 1, name: 'long.pdf', bytes: LONG_PDF.slice() },
      { index: 2, name: 'after.txt', bytes: utf8('Never read.') },
    ];
    const seen: number[] = [];
    let abortedAt = 0;
    const run = (async () => {
      for await (const result of parseInWorker(jobs, { signal: controller.signal, concurrency: 1 })) {
        seen.push(result.index);
        if (result.index === 0) {
          // The long PDF is now being read: cancel while it is.
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, 150);
        }
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(seen).toEqual([0]);
    if (before !== null) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(threads()).toBeLessThanOrEqual(before);
    }
  });

  it('refuses at once when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = collect(
      parseInWorker([{ index: 0, name: 'a.txt', bytes: utf8('x') }], { signal: controller.signal }),
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a file that runs the worker out of memory as corrupt, and reads the next files', async () => {
    const huge = utf8(`<html><body>${'<div><span>a</span><b>b</b></div>'.repeat(400_000)}</body></html>`);
    const results = await collect(
      parseInWorker(
        [
          { index: 0, name: 'huge.html', bytes: huge },
          { index: 1, name: 'note.txt', bytes: utf8('AQIM operates in northern Mali.') },
        ],
        { concurrency: 1, memoryLimitMb: 128 },
      ),
    );
    expect(results[0]!.outcome).toEqual({
      ok: false,
      code: 'corrupt',
      reason: '“huge.html” could not be read: reading it took more memory than allowed.',
    });
    expect(results[1]!.outcome).toMatchObject({
      ok: true,
      document: { text: 'AQIM operates in northern Mali.' },
    });
  }, 60_000); // building a DOM up to the heap limit is slow on a busy machine

  it('stops a parse that takes too long and reads the next files', async () => {
    const results = await collect(
      parseInWorker(
        [
          { index: 0, name: 'long.pdf', bytes: LONG_PDF.slice() },
          { index: 1, name: 'note.txt', bytes: utf8('Still read.') },
        ],
        { concurrency: 1, timeoutMs: 300 },
      ),
    );
    expect(results[0]!.outcome).toEqual({
      ok: false,
      code: 'corrupt',
      reason: '“long.pdf” took more than 0.3 s to read and was stopped.',
    });
    expect(results[1]!.outcome).toMatchObject({ ok: true, document: { text: 'Still read.' } });
  });
});
