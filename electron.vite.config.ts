import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The browser shell runs the same bundle under plain Node 20.
      target: 'node20',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/shells/electron/main.ts'),
          browser: resolve(import.meta.dirname, 'src/main/shells/browser/main.ts'),
          // The document parser's worker thread (src/main/io/documents/pool.ts finds it beside the entries).
          documentWorker: resolve(import.meta.dirname, 'src/main/io/documents/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with no imports.
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
