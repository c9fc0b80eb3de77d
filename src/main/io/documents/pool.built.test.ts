// The pool as electron-vite builds it: the worker as its own entry, the pool in a chunk shared by two
// entries (out/main/chunks/), as it will be between the app's and the browser shell's entries.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'electron-vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, makeDocx } from './fixtures/make';
import type { parseInWorker as ParseInWorker } from './pool';

const root = path.resolve(import.meta.dirname, '../../../..');
// Inside the project, so the built code finds node_modules as out/main does.
const probe = path.join(root, 'node_modules/.cache/aw-document-worker-probe');
const out = path.join(probe, 'out');

beforeAll(async () => {
  fs.rmSync(probe, { recursive: true, force: true });
  fs.mkdirSync(probe, { recursive: true });
  const pool = path.join(import.meta.dirname, 'pool.ts').replaceAll('\\', '/');
  for (const entry of ['app', 'shell']) {
    fs.writeFileSync(
      path.join(probe, `${entry}.ts`),
      `export { parseInWorker } from ${JSON.stringify(pool)};\n`,
    );
  }
  // The app's own settings for main (electron.vite.config.ts), with these two entries beside the worker.
  const config = {
    main: {
      build: {
        target: 'node20',
        outDir: out,
        rolldownOptions: {
          input: {
            app: path.join(probe, 'app.ts'),
            shell: path.join(probe, 'shell.ts'),
            documentWorker: path.join(import.meta.dirname, 'worker.ts'),
          },
        },
      },
    },
  };
  fs.writeFileSync(
    path.join(probe, 'electron.vite.config.mjs'),
    `export default ${JSON.stringify(config)};\n`,
  );
  await build({ configFile: path.join(probe, 'electron.vite.config.mjs'), root, logLevel: 'error' });
}, 120_000);

describe('the built document worker', () => {
  it('is found from a shared chunk and parses PDF, DOCX and HTML there', async () => {
    expect(fs.existsSync(path.join(out, 'documentWorker.js'))).toBe(true);
    const chunks = fs.readdirSync(path.join(out, 'chunks'));
    const poolChunk = chunks.find((file) =>
      fs.readFileSync(path.join(out, 'chunks', file), 'utf8').includes('documentWorker.js'),
    );
    expect(poolChunk, 'the pool should sit in a shared chunk').toBeDefined();

    const { parseInWorker } = (await import(pathToFileURL(path.join(out, 'app.js')).href)) as {
      parseInWorker: typeof ParseInWorker;
    };
    const jobs = [
      { index: 0, name: 'brief.pdf', bytes: fixture('brief.pdf') },
      { index: 1, name: 'report.docx', bytes: makeDocx({ paragraphs: [{ text: 'Built and read.' }] }) },
      { index: 2, name: 'page.html', bytes: new TextEncoder().encode('<p>AQIM claimed the attack.</p>') },
    ];
    const texts: string[] = [];
    for await (const { index, outcome } of parseInWorker(jobs, { concurrency: 2 })) {
      texts[index] = outcome.ok ? outcome.document.text : outcome.reason;
    }
    expect(texts[0]).toMatch(/^The Sahel after the split\n/);
    expect(texts.slice(1)).toEqual(['Built and read.', 'AQIM claimed the attack.']);
  });
});
