// The workbench frame: toolbar, sheet, graph, side panel (notes, sources), status bar, errors.
import { useEffect, useState } from 'react';
import { GraphPane } from '../features/graph/GraphPane';
import { NotesPanel } from '../features/notes/NotesPanel';
import { SearchPalette } from '../features/search/SearchPalette';
import { SheetPane } from '../features/sheet/SheetPane';
import { ReaderHost } from '../features/sources/Reader';
import { SourcesPanel } from '../features/sources/SourcesPanel';
import { attempt } from '../lib/ipc';
import { bridge } from '../lib/platform';
import { listenForChanges } from '../lib/store';
import { ErrorSurface } from '../ui/ErrorSurface';
import { installShortcuts, registerCommands, runCommand } from './commands';
import { AboutDialog } from './AboutDialog';
import { OpenCaseDialog } from './OpenCaseDialog';
import { StatusBar } from './StatusBar';
import { useCaseInfo } from './useCaseInfo';

type SideTab = 'notes' | 'sources';

function isEditable(el: Element | null): boolean {
  return (
    !!el && ((el as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
  );
}

export function App() {
  const info = useCaseInfo();
  const [opening, setOpening] = useState(false);
  const [about, setAbout] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>('notes');

  useEffect(() => listenForChanges(), []);
  useEffect(() => installShortcuts(), []);
  useEffect(
    () =>
      registerCommands([
        { id: 'case:new', label: 'New case', run: () => void attempt('case:create', {}) },
        { id: 'case:open', label: 'Open case…', shortcut: 'Mod+O', run: () => setOpening(true) },
        { id: 'case:sample', label: 'Open sample case', run: () => void attempt('case:openSample', {}) },
        { id: 'edit:undo', label: 'Undo', shortcut: 'Mod+Z', run: () => void attempt('history:undo', {}) },
        {
          id: 'edit:redo',
          label: 'Redo',
          shortcut: 'Mod+Shift+Z',
          run: () => void attempt('history:redo', {}),
        },
        { id: 'edit:redo-y', label: 'Redo', shortcut: 'Mod+Y', run: () => void attempt('history:redo', {}) },
        { id: 'help:about', label: 'About Analyst Workbench', run: () => setAbout(true) },
        { id: 'view:panel', label: 'Side panel', run: () => document.getElementById('side-panel')?.focus() },
        { id: 'view:sheet', label: 'Sheet', run: () => document.getElementById('sheet-pane')?.focus() },
        { id: 'view:graph', label: 'Graph', run: () => document.getElementById('graph-pane')?.focus() },
      ]),
    [],
  );
  // The Electron menu sends command ids; Undo/Redo inside a text field stay with the field.
  useEffect(
    () =>
      bridge().on('menu:command', (payload) => {
        const id = String(payload);
        if (id.startsWith('edit:') && isEditable(document.activeElement)) {
          document.execCommand(id === 'edit:undo' ? 'undo' : 'redo');
          return;
        }
        runCommand(id);
      }),
    [],
  );

  return (
    <div className="app">
      <header className="toolbar" role="toolbar" aria-label="Case">
        <span className="brand">Analyst Workbench</span>
        <span className="case-title" data-testid="case-name">
          {info?.name ?? '…'}
        </span>
        <span className="spacer" />
        <SearchPalette />
        <button type="button" onClick={() => runCommand('case:new')}>
          New case
        </button>
        <button type="button" onClick={() => runCommand('case:open')}>
          Open…
        </button>
        <button type="button" onClick={() => runCommand('case:sample')}>
          Sample case
        </button>
        <button type="button" onClick={() => runCommand('edit:undo')} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => runCommand('edit:redo')} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </header>
      <main className="workspace">
        <section id="sheet-pane" className="pane pane-sheet" aria-label="Sheet" tabIndex={-1}>
          <SheetPane />
        </section>
        <section id="graph-pane" className="pane pane-graph" aria-label="Graph" tabIndex={-1}>
          <GraphPane />
        </section>
        <aside id="side-panel" className="pane pane-side" aria-label="Side panel" tabIndex={-1}>
          <div className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={sideTab === 'notes'}
              onClick={() => setSideTab('notes')}
            >
              Notes
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={sideTab === 'sources'}
              onClick={() => setSideTab('sources')}
            >
              Sources
            </button>
          </div>
          <div role="tabpanel">{sideTab === 'notes' ? <NotesPanel /> : <SourcesPanel />}</div>
        </aside>
      </main>
      <StatusBar info={info} />
      <ReaderHost />
      <ErrorSurface />
      {opening && <OpenCaseDialog onClose={() => setOpening(false)} />}
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </div>
  );
}
