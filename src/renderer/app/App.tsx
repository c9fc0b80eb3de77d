// The workbench frame: toolbar, sheet, graph, side panel (notes, sources), status bar, errors.
import { useEffect, useRef, useState } from 'react';
import { GraphPane } from '../features/graph/GraphPane';
import { NotesPanel } from '../features/notes/NotesPanel';
import { SearchPalette } from '../features/search/SearchPalette';
import { SheetPane } from '../features/sheet/SheetPane';
import { DocumentImportHost } from '../features/sources/DocumentImportDialog';
import { importDocumentFiles, openDocumentImport } from '../features/sources/documentImport';
import { ReaderHost } from '../features/sources/Reader';
import { ReviewHost } from '../features/sources/ReviewPanel';
import { SourcesPanel } from '../features/sources/SourcesPanel';
import { TimelinePane } from '../features/timeline/TimelinePane';
import { attempt } from '../lib/ipc';
import { bridge } from '../lib/platform';
import { listenForChanges } from '../lib/store';
import { ErrorSurface } from '../ui/ErrorSurface';
import { Splitter } from '../ui/Splitter';
import { installShortcuts, registerCommands, runCommand } from './commands';
import { AboutDialog } from './AboutDialog';
import { installFileDrop } from './fileDrop';
import { OpenCaseDialog } from './OpenCaseDialog';
import { StatusBar } from './StatusBar';
import { useCaseInfo } from './useCaseInfo';
import { useWorkspaceLayout } from './useWorkspaceLayout';

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
  const [layout, setLayout] = useWorkspaceLayout();
  const [dropping, setDropping] = useState(false);
  useEffect(() => installFileDrop((files) => void importDocumentFiles(files), setDropping), []);
  // Overlays (the reader) leave the side panel visible, so notes can be written beside a document.
  useEffect(() => {
    const space = layout.sideOpen ? layout.sideWidth + 20 : 6;
    document.documentElement.style.setProperty('--side-panel-space', `${space}px`);
  }, [layout.sideOpen, layout.sideWidth]);
  const togglePanel = useRef(() => {});
  togglePanel.current = () => {
    setLayout({ sideOpen: !layout.sideOpen });
    requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
  };

  useEffect(() => listenForChanges(), []);
  useEffect(() => installShortcuts(), []);
  useEffect(
    () =>
      registerCommands([
        { id: 'case:new', label: 'New case', run: () => void attempt('case:create', {}) },
        { id: 'case:open', label: 'Open case…', shortcut: 'Mod+O', run: () => setOpening(true) },
        { id: 'case:sample', label: 'Open sample case', run: () => void attempt('case:openSample', {}) },
        { id: 'sources:import', label: 'Import documents…', run: () => openDocumentImport() },
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
        {
          id: 'view:toggle-panel',
          label: 'Show or hide the side panel',
          shortcut: 'Mod+\\',
          run: () => togglePanel.current(),
        },
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
        <button
          type="button"
          onClick={() => runCommand('view:toggle-panel')}
          aria-pressed={layout.sideOpen}
          title="Show or hide the notes and sources panel (Ctrl+\\)"
        >
          Panel
        </button>
        <button
          type="button"
          onClick={() => setLayout({ timelineOpen: !layout.timelineOpen })}
          aria-pressed={layout.timelineOpen}
          title="Show or hide the timeline under the sheet and graph"
        >
          Timeline
        </button>
        <button type="button" onClick={() => runCommand('edit:undo')} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => runCommand('edit:redo')} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </header>
      <main
        className="workspace"
        style={{
          // The sheet never takes the graph's last 280 px nor pushes the side panel (and the
          // toolbar with it) past the window's edge, whatever width was dragged or saved.
          gridTemplateColumns: `min(${layout.sheetWidth}px, calc(100% - ${layout.sideOpen ? layout.sideWidth + 16 : 0}px - 288px)) 8px minmax(280px, 1fr) ${layout.sideOpen ? `8px ${layout.sideWidth}px` : '0 0'}`,
        }}
      >
        <section id="sheet-pane" className="pane pane-sheet" aria-label="Sheet" tabIndex={-1}>
          <SheetPane />
        </section>
        <Splitter
          label="Resize the sheet"
          value={layout.sheetWidth}
          min={320}
          max={1400}
          direction={1}
          onChange={(sheetWidth) => setLayout({ sheetWidth })}
        />
        <section id="graph-pane" className="pane pane-graph" aria-label="Graph" tabIndex={-1}>
          <GraphPane />
        </section>
        {layout.sideOpen && (
          <Splitter
            label="Resize the side panel"
            value={layout.sideWidth}
            min={220}
            max={700}
            direction={-1}
            onChange={(sideWidth) => setLayout({ sideWidth })}
          />
        )}
        <aside
          id="side-panel"
          className="pane pane-side"
          aria-label="Side panel"
          tabIndex={-1}
          hidden={!layout.sideOpen}
        >
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
      {layout.timelineOpen && (
        <section
          id="timeline-pane"
          className="pane pane-timeline"
          aria-label="Timeline"
          tabIndex={-1}
          style={{ height: layout.timelineHeight }}
        >
          <TimelinePane />
        </section>
      )}
      <StatusBar info={info} />
      <ReaderHost />
      <ReviewHost />
      <DocumentImportHost />
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop documents to import them into this case
        </div>
      )}
      <ErrorSurface />
      {opening && <OpenCaseDialog onClose={() => setOpening(false)} />}
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </div>
  );
}
