// The layer rules of DESIGN.md §1 are enforced by lint: these imports must fail it.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message);
}

describe('layer rules', () => {
  it('fails a renderer file that imports from src/main', async () => {
    expect(
      await problems(
        'src/renderer/app/Bad.ts',
        "import { CaseStore } from '../../main/store';\nexport const x = CaseStore;\n",
      ),
    ).toEqual([expect.stringContaining('The renderer reaches main only through IPC')]);
  });

  it('fails a store file that imports electron', async () => {
    expect(
      await problems('src/main/store/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toEqual([expect.stringContaining('Only src/main/shells/electron may import electron')]);
  });

  it('fails a store file that imports a service (layers import downward only)', async () => {
    expect(
      await problems(
        'src/main/store/bad.ts',
        "import { AppError } from '../services/errors';\nexport const x = AppError;\n",
      ),
    ).toEqual([expect.stringContaining('Layers import downward only')]);
  });

  it('fails cytoscape outside features/graph and ag-grid outside features/sheet', async () => {
    expect(
      await problems(
        'src/renderer/features/notes/Bad.ts',
        "import cytoscape from 'cytoscape';\nexport const x = cytoscape;\n",
      ),
    ).toEqual([expect.stringContaining('cytoscape is imported only under features/graph')]);
    expect(
      await problems(
        'src/renderer/features/graph/Bad.ts',
        "import { AgGridReact } from 'ag-grid-react';\nexport const x = AgGridReact;\n",
      ),
    ).toEqual([expect.stringContaining('ag-grid is imported only under features/sheet')]);
  });

  it('fails a feature importing another feature', async () => {
    expect(
      await problems(
        'src/renderer/features/sheet/Bad.ts',
        "import { GraphPane } from '../graph';\nexport const x = GraphPane;\n",
      ),
    ).toEqual([expect.stringContaining('Features do not import each other')]);
  });

  describe('no holes: each way around a rule fails too', () => {
    const uses = (from: string) => `import * as m from '${from}';\nexport const x = m;\n`;
    const FEATURES = 'Features do not import each other';

    it('fails a feature importing another from a subfolder, through ../../features, or with import()', async () => {
      expect(await problems('src/renderer/features/sheet/Bad.ts', uses('../graph/view/GraphPane'))).toEqual([
        expect.stringContaining(FEATURES),
      ]);
      expect(
        await problems('src/renderer/features/sheet/sub/Bad.ts', uses('../../../features/notes/NotesPanel')),
      ).toEqual([expect.stringContaining(FEATURES)]);
      expect(
        await problems(
          'src/renderer/features/notes/Bad.ts',
          "export const load = () => import('../sources/Reader');\n",
        ),
      ).toEqual([expect.stringContaining(FEATURES)]);
      expect(await problems('src/renderer/features/sheet/Ok.ts', uses('./actions'))).toEqual([]);
      expect(await problems('src/renderer/app/Ok.ts', uses('../features/graph'))).toEqual([]);
    });

    it('fails main importing the renderer or the preload', async () => {
      expect(await problems('src/main/services/bad.ts', uses('../../renderer/lib/store'))).toEqual([
        expect.stringContaining('Main does not import the renderer or the preload'),
      ]);
      expect(await problems('src/main/ipc/bad.ts', uses('../../preload/index'))).toEqual([
        expect.stringContaining('Main does not import the renderer or the preload'),
      ]);
    });

    it('fails the preload importing main or the renderer', async () => {
      expect(await problems('src/preload/bad.ts', uses('../main/services/session'))).toEqual([
        expect.stringContaining('The preload imports only src/shared'),
      ]);
      expect(await problems('src/preload/bad.ts', uses('../renderer/lib/ipc'))).toEqual([
        expect.stringContaining('The preload imports only src/shared'),
      ]);
      expect(await problems('src/preload/ok.ts', uses('../shared/ipc/channels'))).toEqual([]);
    });

    it('fails better-sqlite3 or a bare Node module (fs, path) in the renderer or src/shared', async () => {
      for (const file of ['src/renderer/lib/bad.ts', 'src/shared/bad.ts'])
        for (const name of ['fs', 'path', 'better-sqlite3', 'node:fs'])
          expect((await problems(file, uses(name))).length, `${name} in ${file}`).toBe(1);
      expect(await problems('src/main/store/ok.ts', uses('better-sqlite3'))).toEqual([]);
    });

    it('keeps src/main/io pure: no store, service, IPC or shell', async () => {
      for (const from of ['../store', '../services/session', '../ipc/handle', '../shells/startup'])
        expect(await problems('src/main/io/bad.ts', uses(from)), from).toEqual([
          expect.stringContaining('src/main/io holds pure readers and writers'),
        ]);
      expect(await problems('src/main/services/ok.ts', uses('../io/csvRead'))).toEqual([]);
    });
  });

  it('lets the electron shell import electron', async () => {
    expect(
      await problems(
        'src/main/shells/electron/ok.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });

  describe("the graph's rooms: view → engine → {layout, bigGraph, export} → model", () => {
    const graph = 'src/renderer/features/graph';
    const imports = (from: string) => `import * as room from '${from}';\nexport const x = room;\n`;

    it('fails the engine importing the view, and a lower room importing the engine', async () => {
      expect(await problems(`${graph}/engine/Bad.ts`, imports('../view/GraphPane'))).toEqual([
        expect.stringContaining('The engine does not import the view'),
      ]);
      for (const room of ['layout', 'bigGraph', 'export', 'model'])
        expect(await problems(`${graph}/${room}/Bad.ts`, imports('../engine/GraphController')), room).toEqual(
          [expect.stringContaining('do not import the engine or the view')],
        );
    });

    it('fails layout, bigGraph and export importing each other, and model importing any room', async () => {
      expect(await problems(`${graph}/layout/Bad.ts`, imports('../bigGraph/edgeView'))).toEqual([
        expect.stringContaining('layout imports only model'),
      ]);
      expect(await problems(`${graph}/bigGraph/Bad.ts`, imports('../export/png'))).toEqual([
        expect.stringContaining('bigGraph imports only model'),
      ]);
      expect(await problems(`${graph}/model/Bad.ts`, imports('../layout/lineage'))).toEqual([
        expect.stringContaining('model imports no other room'),
      ]);
    });

    it("lets export read the big graph's model but not its layer class", async () => {
      expect(await problems(`${graph}/export/Bad.ts`, imports('../bigGraph/edgeView'))).toEqual([]);
      expect(await problems(`${graph}/export/Bad.ts`, imports('../bigGraph/edgeLayer'))).toEqual([
        expect.stringContaining('never its layer class'),
      ]);
    });

    it("fails a reach into cytoscape's private renderer outside engine/cyInternals.ts", async () => {
      const reach =
        "import type { Core } from 'cytoscape';\nexport const r = (cy: Core) => (cy as unknown as { renderer(): unknown }).renderer();\n";
      expect(await problems(`${graph}/bigGraph/Bad.ts`, reach)).toEqual([
        expect.stringContaining('Only engine/cyInternals.ts reaches into cytoscape'),
      ]);
      expect(await problems(`${graph}/engine/cyInternals.ts`, reach)).toEqual([]);
    });

    it('lets only the engine make cytoscape instances (other rooms import its types)', async () => {
      const make = "import cytoscape from 'cytoscape';\nexport const cy = cytoscape({ headless: true });\n";
      expect(await problems(`${graph}/export/Bad.ts`, make)).toEqual([
        expect.stringContaining('Only the graph’s engine makes cytoscape instances'),
      ]);
      expect(
        await problems(
          `${graph}/export/Bad.ts`,
          "import type { Core } from 'cytoscape';\nexport type C = Core;\n",
        ),
      ).toEqual([]);
      expect(await problems(`${graph}/engine/Bad.ts`, make)).toEqual([]);
    });
  });
});
