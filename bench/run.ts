// `npm run bench [-- name …]`: runs the benchmarks (all, or those named) one after another.
const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  store: () => import('./store.bench'),
  graph: () => import('./graph.bench'),
  'graph-large': () => import('./graphLarge.bench'),
  search: () => import('./search.bench'),
  quick: () => import('./quickSearch.bench'),
  sheet: () => import('./sheet.bench'),
  csv: () => import('./csv.bench'),
  reliability: () => import('./reliability.bench'),
  documents: () => import('./documents.bench'),
  // Extraction quality and speed, then the import through the browser shell.
  sources: async () => {
    const [quality, imports] = await Promise.all([
      import('./sources.bench'),
      import('./documentImport.bench'),
    ]);
    return {
      run: async () => {
        await quality.run();
        await imports.run();
      },
    };
  },
  interchange: () => import('./interchange.bench'),
  timeline: () => import('./timeline.bench'),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  for (const name of names) {
    const load = BENCHMARKS[name];
    if (!load) {
      console.error(`No benchmark called “${name}”. Known: ${Object.keys(BENCHMARKS).join(', ')}`);
      process.exitCode = 1;
      continue;
    }
    const module = (await load()) as { run: () => Promise<void> };
    await module.run();
  }
}

void main();
