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
        "import { GraphPane } from '../graph/GraphPane';\nexport const x = GraphPane;\n",
      ),
    ).toEqual([expect.stringContaining('Features do not import each other')]);
  });

  it('lets the electron shell import electron', async () => {
    expect(
      await problems(
        'src/main/shells/electron/ok.ts',
        "import { app } from 'electron';\nexport const x = app;\n",
      ),
    ).toEqual([]);
  });
});
