// The workbench frame: toolbar, sheet, graph, side panel (notes, sources), status bar, errors.
import { useEffect, useRef, useState } from 'react';
import { GraphPane } from '../features/graph';
import { NotesPanel } from '../features/notes/NotesPanel';
import { SearchPalette } from '../features/search/SearchPalette';
import { SheetPane } from '../features/sheet/SheetPane';
import { InterchangeHost } from '../features/interchange/InterchangeDialogs';
import { openCaseExport, openNetworkExport, openNetworkImport } from '../features/interchange/interchange';
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
import { isCommandId } from '../../shared/commands';
import { CommandButton } from './CommandButton';
import { installShortcuts, isEditable, registerCommands, runCommand } from './commands';
import { focusPaneById, movePaneFocus } from './panes';
import { ShortcutHelp } from './ShortcutHelp';
import { AboutDialog } from './AboutDialog';
import { installFileDrop } from './fileDrop';
import { OpenCaseDialog } from './OpenCaseDialog';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { StatusBar } from './StatusBar';
import { useCaseInfo } from './useCaseInfo';
import { useWorkspaceLayout } from './useWorkspaceLayout';

type SideTab = 'notes' | 'sources';

export function App() {
  const info = useCaseInfo();
  const [opening, setOpening] = useState(false);
  const [about, setAbout] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>('notes');
  const [layout, setLayout] = useWorkspaceLayout();
  const [dropping, setDropping] = useState(false);
  useEffect(
    () =>
      installFileDrop(
        (files) => void importDocumentFiles(files),
        setDropping,
        (file) => openNetworkImport(file),
      ),
    [],
  );
  // Overlays (the reader) leave the side panel visible, so notes can be written beside a document.
  useEffect(() => {
    const space = layout.sideOpen ? layout.sideWidth + 20 : 6;
    document.documentElement.style.setProperty('--side-panel-space', `${space}px`);
  }, [layout.sideOpen, layout.sideWidth]);
  const sideOpen = useRef(layout.sideOpen);
  sideOpen.current = layout.sideOpen;
  const togglePanel = useRef(() => {});
  togglePanel.current = () => {
    setLayout({ sideOpen: !layout.sideOpen });
    requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
  };

  useEffect(() => listenForChanges(), []);
  useEffect(() => installShortcuts(), []);
  useEffect(
    () =>
      registerCommands('app', {
        'case:new': () => void attempt('case:create', {}),
        'case:open': () => setOpening(true),
        'case:sample': () => void attempt('case:openSample', {}),
        'case:restoreBackup': () => setRestoring(true),
        'sources:import': () => openDocumentImport(),
        'network:import': () => openNetworkImport(),
        'network:export': () => openNetworkExport(),
        'case:importFile': () => openCaseExport(),
        'edit:undo': () => void attempt('history:undo', {}),
        'edit:redo': () => void attempt('history:redo', {}),
        'view:sheet': () => focusPaneById('sheet-pane'),
        'view:graph': () => focusPaneById('graph-pane'),
        'view:panel': () => focusPaneById('side-panel'),
        'view:nextPane': () => movePaneFocus(1),
        'view:previousPane': () => movePaneFocus(-1),
        'view:toggle-panel': () => togglePanel.current(),
        'entity:open': () => {
          setSideTab('notes');
          if (!sideOpen.current) togglePanel.current();
          requestAnimationFrame(() => focusPaneById('side-panel'));
        },
        'help:shortcuts': () => setShortcuts(true),
        'help:about': () => setAbout(true),
      }),
    [],
  );
  // The Electron menu sends command ids; Undo/Redo inside a text field stay with the field.
  useEffect(
    () =>
      bridge().on('menu:command', (payload) => {
        const id = String(payload);
        if (!isCommandId(id)) return;
        if (id.startsWith('edit:') && isEditable(document.activeElement)) {
          document.execCommand(id === 'edit:undo' ? 'undo' : 'redo');
          return;
        }
        runCommand(id);
      }),
    [],
  );

  return (
    <div className={info?.open && info.readOnly ? 'app with-banner' : 'app'}>
      <header className="toolbar" role="toolbar" aria-label="Case">
        <span className="brand">Analyst Workbench</span>
        <span className="case-title" data-testid="case-name">
          {info?.name ?? '…'}
        </span>
        <span className="spacer" />
        <SearchPalette />
        <CommandButton id="case:new">New case</CommandButton>
        <CommandButton id="case:open">Open…</CommandButton>
        <CommandButton id="case:sample">Sample case</CommandButton>
        <CommandButton id="network:import">Import network…</CommandButton>
        <CommandButton id="network:export">Export network…</CommandButton>
        <CommandButton id="case:restoreBackup">Backups…</CommandButton>
        <CommandButton id="view:toggle-panel" aria-pressed={layout.sideOpen}>
          Panel
        </CommandButton>
        <CommandButton id="edit:undo">Undo</CommandButton>
        <CommandButton id="edit:redo">Redo</CommandButton>
      </header>
      <ReadOnlyBanner info={info} />
      <main
        className="workspace"
        style={{
          // The sheet never takes the graph's last 280 px nor pushes the side panel (and the
          // toolbar with it) past the window's edge, whatever width was dragged or saved.
          gridTemplateColumns: `min(${layout.sheetWidth}px, calc(100% - ${layout.sideOpen ? layout.sideWidth + 16 : 0}px - 288px)) 8px minmax(280px, 1fr) ${layout.sideOpen ? `8px ${layout.sideWidth}px` : '0 0'}`,
        }}
      >
        <section id="sheet-pane" className="pane pane-sheet" aria-label="Sheet" tabIndex={-1} data-pane>
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
        <section id="graph-pane" className="pane pane-graph" aria-label="Graph" tabIndex={-1} data-pane>
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
          data-pane
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
      {/* Folded, the timeline keeps its title bar (to open it again) and leaves the header alone. */}
      <section
        id="timeline-pane"
        className="pane pane-timeline"
        aria-label="Timeline"
        tabIndex={-1}
        data-pane
        style={layout.timelineOpen ? { height: layout.timelineHeight } : undefined}
      >
        <TimelinePane open={layout.timelineOpen} onOpen={(timelineOpen) => setLayout({ timelineOpen })} />
      </section>
      <StatusBar info={info} />
      <ReaderHost />
      <ReviewHost />
      <DocumentImportHost />
      <InterchangeHost />
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop documents to import them into this case
        </div>
      )}
      <ErrorSurface />
      {opening && <OpenCaseDialog onClose={() => setOpening(false)} />}
      {about && <AboutDialog onClose={() => setAbout(false)} />}
      {restoring && <RestoreBackupDialog onClose={() => setRestoring(false)} />}
      {shortcuts && <ShortcutHelp onClose={() => setShortcuts(false)} />}
    </div>
  );
}
