// Lint: TypeScript rules plus the layer rules of DESIGN.md §1, enforced with stock rules.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zone = (target, from, message) => ({ target, from, message });

// The graph feature's rooms (DESIGN.md §7): view → engine → {layout, bigGraph, export} → model.
const G = './src/renderer/features/graph';
const ROOMS = 'The graph imports one way: view → engine → {layout, bigGraph, export} → model.';
const graphRooms = [
  zone(`${G}/engine`, `${G}/view`, `${ROOMS} The engine does not import the view.`),
  zone(
    [`${G}/layout`, `${G}/bigGraph`, `${G}/export`, `${G}/model`],
    [`${G}/view`, `${G}/engine`],
    `${ROOMS} layout, bigGraph, export and model do not import the engine or the view.`,
  ),
  zone(`${G}/layout`, [`${G}/bigGraph`, `${G}/export`], `${ROOMS} layout imports only model.`),
  zone(`${G}/bigGraph`, [`${G}/layout`, `${G}/export`], `${ROOMS} bigGraph imports only model.`),
  zone(
    `${G}/export`,
    [`${G}/layout`, `${G}/bigGraph/edgeLayer.ts`],
    `${ROOMS} export reads the big graph's model (edgeView, edgeLook, rasterEdges), never its layer class.`,
  ),
  zone(
    `${G}/model`,
    [`${G}/layout`, `${G}/bigGraph`, `${G}/export`],
    `${ROOMS} model imports no other room.`,
  ),
  zone(
    `${G}/index.ts`,
    [`${G}/engine`, `${G}/layout`, `${G}/bigGraph`, `${G}/export`, `${G}/model`],
    `${ROOMS} The feature's door opens on the view.`,
  ),
];

// Features do not import each other, by any path (../x, ../../features/x, x/sub/file, import()).
const FEATURES = ['graph', 'notes', 'search', 'sheet', 'sources'];
const featureZones = FEATURES.map((feature) => ({
  target: `./src/renderer/features/${feature}`,
  from: './src/renderer/features',
  except: [`./${feature}`],
  message: 'Features do not import each other; share through lib/ or the selection store.',
}));

/** Node's own modules, by both names (fs and node:fs), and the database driver. */
const NODE_ONLY = [...builtinModules.filter((m) => !m.startsWith('_')), 'better-sqlite3'];
const nodeOnly = (message) => [
  ...NODE_ONLY.map((name) => ({ name, message })),
  { name: 'electron', message },
];

/** Cytoscape's private renderer and element internals: reached only in engine/cyInternals.ts. */
const CYTOSCAPE_INTERNALS =
  'Only engine/cyInternals.ts reaches into cytoscape’s private renderer and internals.';
const cytoscapeInternals = [
  { selector: "CallExpression[callee.property.name='renderer']", message: CYTOSCAPE_INTERNALS },
  { selector: "MemberExpression[property.name='_private']", message: CYTOSCAPE_INTERNALS },
  { selector: "CallExpression[callee.property.name='pstyle']", message: CYTOSCAPE_INTERNALS },
  { selector: "CallExpression[callee.property.name='batching']", message: CYTOSCAPE_INTERNALS },
];

/** The renderer's import rules; only features/sheet may use ag-grid, only features/graph cytoscape. (Features apart: featureZones.) */
function rendererImports({ agGrid, cytoscape }) {
  const patterns = [{ group: ['node:*'], message: 'The renderer has no Node APIs.' }];
  if (!agGrid)
    patterns.push({
      group: ['ag-grid-*', 'ag-grid-*/**'],
      message: 'ag-grid is imported only under features/sheet.',
    });
  if (!cytoscape)
    patterns.push({
      group: ['cytoscape', 'cytoscape-*'],
      message: 'cytoscape is imported only under features/graph.',
    });
  return [
    'error',
    {
      paths: [
        ...NODE_ONLY.map((name) => ({
          name,
          message: 'The renderer has no Node APIs or database: ask main through lib/ipc.ts.',
        })),
        { name: 'electron', message: 'The renderer is sandboxed: use window.bridge through lib/ipc.ts.' },
      ],
      patterns,
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      '.native/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/renderer',
              './src/main',
              'The renderer reaches main only through IPC (src/renderer/lib/ipc.ts).',
            ),
            zone(
              './src/renderer',
              './src/preload',
              'The renderer talks to the preload through window.bridge only.',
            ),
            zone(
              './src/shared',
              './src/main',
              'src/shared is imported by both processes and imports neither.',
            ),
            zone(
              './src/shared',
              './src/renderer',
              'src/shared is imported by both processes and imports neither.',
            ),
            zone('./src/main/store', './src/main/services', 'Layers import downward only: store < services.'),
            zone('./src/main/store', './src/main/ipc', 'Layers import downward only: store < ipc.'),
            zone('./src/main/store', './src/main/shells', 'Layers import downward only: store < shells.'),
            zone('./src/main/services', './src/main/ipc', 'Layers import downward only: services < ipc.'),
            zone(
              './src/main/services',
              './src/main/shells',
              'Layers import downward only: services < shells.',
            ),
            zone('./src/main/ipc', './src/main/shells', 'Layers import downward only: ipc < shells.'),
            zone(
              './src/main/io',
              ['./src/main/store', './src/main/services', './src/main/ipc', './src/main/shells'],
              'src/main/io holds pure readers and writers of formats: no store, service, IPC or shell (the service owns the transaction).',
            ),
            zone(
              './src/main',
              ['./src/renderer', './src/preload'],
              'Main does not import the renderer or the preload; what both need lives in src/shared.',
            ),
            zone(
              './src/preload',
              ['./src/main', './src/renderer'],
              'The preload imports only src/shared (channel names) and electron.',
            ),
            ...featureZones,
            ...graphRooms,
          ],
        },
      ],
    },
  },
  { files: ['e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/main/shells/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only src/main/shells/electron may import electron: the core runs under plain Node too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly(
            'src/shared runs in every process, the renderer too: no Node APIs, database or electron.',
          ),
          patterns: [
            { group: ['node:*'], message: 'src/shared has no Node APIs: it runs in the renderer too.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': rendererImports({ agGrid: false, cytoscape: false }),
    },
  },
  {
    files: ['src/renderer/features/sheet/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports({ agGrid: true, cytoscape: false }) },
  },
  {
    files: ['src/renderer/features/graph/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports({ agGrid: false, cytoscape: true }) },
  },
  {
    files: ['src/renderer/features/graph/**/*.{ts,tsx}'],
    ignores: ['src/renderer/features/graph/engine/cyInternals.ts'],
    rules: { 'no-restricted-syntax': ['error', ...cytoscapeInternals] },
  },
  {
    // The engine makes the cytoscape instance; the other rooms use its types only.
    files: ['src/renderer/features/graph/**/*.{ts,tsx}'],
    ignores: ['src/renderer/features/graph/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'cytoscape',
              message: 'Only the graph’s engine makes cytoscape instances; other rooms import its types.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
