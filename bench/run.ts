// `npm run bench [-- name …]`: runs the benchmarks (all, or those named) one after another.
const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  store: () => import('./store.bench'),
  graph: () => import('./graph.bench'),
  'graph-large': () => import('./graphLarge.bench'),
  search: () => import('./search.bench'),
  sheet: () => import('./sheet.bench'),
  csv: () => import('./csv.bench'),
  reliability: () => import('./reliability.bench'),
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
