// Lint: TypeScript rules plus the layer rules of DESIGN.md §1, enforced with stock rules.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zone = (target, from, message) => ({ target, from, message });

/** The renderer's import rules; only features/sheet may use ag-grid, only features/graph cytoscape. */
function rendererImports({ agGrid, cytoscape, features }) {
  const patterns = [{ group: ['node:*'], message: 'The renderer has no Node APIs.' }];
  if (!agGrid) patterns.push({ group: ['ag-grid-*', 'ag-grid-*/**'], message: 'ag-grid is imported only under features/sheet.' });
  if (!cytoscape) patterns.push({ group: ['cytoscape', 'cytoscape-*'], message: 'cytoscape is imported only under features/graph.' });
  if (features) {
    patterns.push({
      group: ['../sheet/*', '../graph/*', '../notes/*', '../sources/*', '../search/*'],
      message: 'Features do not import each other; share through lib/ or the selection store.',
    });
  }
  return [
    'error',
    { paths: [{ name: 'electron', message: 'The renderer is sandboxed: use window.bridge through lib/ipc.ts.' }], patterns },
  ];
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
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
            zone('./src/renderer', './src/main', 'The renderer reaches main only through IPC (src/renderer/lib/ipc.ts).'),
            zone('./src/renderer', './src/preload', 'The renderer talks to the preload through window.bridge only.'),
            zone('./src/shared', './src/main', 'src/shared is imported by both processes and imports neither.'),
            zone('./src/shared', './src/renderer', 'src/shared is imported by both processes and imports neither.'),
            zone('./src/main/store', './src/main/services', 'Layers import downward only: store < services.'),
            zone('./src/main/store', './src/main/ipc', 'Layers import downward only: store < ipc.'),
            zone('./src/main/store', './src/main/shells', 'Layers import downward only: store < shells.'),
            zone('./src/main/services', './src/main/ipc', 'Layers import downward only: services < ipc.'),
            zone('./src/main/services', './src/main/shells', 'Layers import downward only: services < shells.'),
            zone('./src/main/ipc', './src/main/shells', 'Layers import downward only: ipc < shells.'),
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
          paths: [{ name: 'electron', message: 'Only src/main/shells/electron may import electron: the core runs under plain Node too.' }],
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
          paths: [{ name: 'electron', message: 'src/shared runs in every process.' }],
          patterns: [{ group: ['node:*'], message: 'src/shared has no Node APIs: it runs in the renderer too.' }],
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
      'no-restricted-imports': rendererImports({ agGrid: false, cytoscape: false, features: false }),
    },
  },
  {
    files: ['src/renderer/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports({ agGrid: false, cytoscape: false, features: true }) },
  },
  {
    files: ['src/renderer/features/sheet/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports({ agGrid: true, cytoscape: false, features: true }) },
  },
  {
    files: ['src/renderer/features/graph/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports({ agGrid: false, cytoscape: true, features: true }) },
  },
);
