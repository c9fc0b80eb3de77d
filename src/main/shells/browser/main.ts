// Browser shell entry: `npm run start:browser [-- --case PATH] [--port N]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appPaths, defaultDataDir } from '../paths';
import { startCore } from '../startup';
import { startBrowserServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const paths = appPaths(import.meta.dirname);
  const core = startCore({
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(),
    resourcesDir: paths.resources,
    casePath: values.case,
  });
  const server = await startBrowserServer({
    session: core.session,
    handlers: core.handlers,
    onWrite: core.onWrite,
    watch: core.watch,
    rendererDir: paths.renderer,
    port: values.port ? Number(values.port) : undefined,
  });
  const info = core.session.info();
  console.log(`Analyst Workbench (browser shell) — case “${info.name}” (${info.path})`);
  console.log(`Open this address in a browser on this machine:\n  ${server.openUrl}`);
  const stop = (): void => {
    void server.close().then(() => {
      core.session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
