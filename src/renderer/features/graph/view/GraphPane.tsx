// The graph pane: how the groups relate and change over time. It renders the controller's state
// (engine/GraphController.ts), which owns the drawing and all the work behind it.
import { useEffect, useRef, useState } from 'react';
import { registerCommands } from '../../../app/commands';
import { SIZE_LABELS } from '../engine/GraphController';
import { ARROW_KEYS } from '../engine/keyboard';
import { useGraph } from '../engine/useGraph';
import { ExportDialog } from './ExportDialog';
import { AnalysisPanel, EntityTypesRow, TimeWindowRow } from './GraphFilters';
import { GraphLegend } from './GraphLegend';
import { GraphToolbar } from './GraphToolbar';
import './graph.css';

export function GraphPane() {
  const containerRef = useRef<HTMLDivElement>(null);
  const [controller, state] = useGraph(containerRef);
  const [panelOpen, setPanelOpen] = useState(false);
  const [legendOpen, setLegendOpen] = useState(true);
  const [maximised, setMaximised] = useState(false);
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);

  useEffect(
    () =>
      registerCommands('graph', {
        'export:png': () => setExporting('png'),
        'export:svg': () => setExporting('svg'),
      }),
    [],
  );

  const counts = `${state.shown.nodes.toLocaleString()} entities, ${state.shown.edges.toLocaleString()} relations`;
  return (
    <div className={`graph${maximised ? ' maximised' : ''}`}>
      <GraphToolbar
        controller={controller}
        state={state}
        panelOpen={panelOpen}
        maximised={maximised}
        onPanel={() => setPanelOpen((open) => !open)}
        onMaximise={() => setMaximised((m) => !m)}
      />
      <EntityTypesRow controller={controller} state={state} />
      <TimeWindowRow controller={controller} state={state} />
      {panelOpen && (
        <AnalysisPanel
          controller={controller}
          state={state}
          legendOpen={legendOpen}
          onLegend={setLegendOpen}
        />
      )}
      <div
        className="graph-canvas-wrap"
        // Escape clears the selection and any highlight; the notes panel follows the selection.
        // On the canvas, arrow keys walk to a neighbour and Enter opens it.
        onKeyDown={(e) => {
          if (e.defaultPrevented) return;
          if (e.key === 'Escape') return controller.clearSelection();
          if (e.target !== containerRef.current) return;
          const direction = ARROW_KEYS[e.key];
          if (direction) controller.stepSelection(direction);
          else if (e.key === 'Enter') controller.openSelected();
          else return;
          e.preventDefault();
        }}
      >
        <div
          ref={containerRef}
          className="graph-canvas"
          data-testid="graph-canvas"
          aria-label={`Network graph: ${counts}. Click an entity to select it, Shift+click to add one, Escape to clear; arrow keys move to a neighbour, Enter opens it.`}
          role="img"
          tabIndex={0}
          data-pane-focus
        />
        {state.empty && (
          <p className="graph-empty-note muted">
            {state.empty === 'case'
              ? 'This case has no entities yet. Add some in the sheet.'
              : 'Nothing matches the filters and time window.'}
          </p>
        )}
      </div>
      {legendOpen && <GraphLegend marks={state.legend} sizeBy={SIZE_LABELS[state.sizeBy]} />}
      <div className="graph-status" role="status" aria-live="polite">
        <span data-testid="graph-counts">{counts}</span>
        {state.status && <span>{state.status}</span>}
        {state.info && <span data-testid="graph-info">{state.info}</span>}
      </div>
      {state.hiddenPick && (
        <div className="graph-hidden-pick" role="alert">
          {state.hiddenPick.text}{' '}
          <button type="button" onClick={() => controller.showHiddenPick()}>
            Show {state.hiddenPick.plural.toLowerCase()}
          </button>{' '}
          <button type="button" onClick={() => controller.set({ hiddenPick: null })}>
            Dismiss
          </button>
        </div>
      )}
      {exporting && controller.cy && (
        <ExportDialog
          format={exporting}
          controller={controller}
          sizeMeaning={SIZE_LABELS[state.sizeBy]}
          onClose={() => setExporting(null)}
        />
      )}
    </div>
  );
}
