// The graph's toolbar: layout, re-layout, find a node, export, the filters panel, Enlarge.
import { useState } from 'react';
import { CommandButton } from '../../../app/CommandButton';
import { GRAPH_LAYOUTS, type GraphLayoutName } from '../../../../shared/ipc/graph/contract';
import { LAYOUT_LABELS, type GraphController, type GraphState } from '../engine/GraphController';

interface Props {
  controller: GraphController;
  state: GraphState;
  panelOpen: boolean;
  maximised: boolean;
  onPanel: () => void;
  onMaximise: () => void;
}

export function GraphToolbar({ controller, state, panelOpen, maximised, onPanel, onMaximise }: Props) {
  const [search, setSearch] = useState('');
  return (
    <div className="pane-toolbar graph-toolbar" role="toolbar" aria-label="Graph tools">
      <h2>Graph</h2>
      <label className="graph-field">
        <span className="sr-only">Layout</span>
        <select
          aria-label="Layout"
          value={state.layoutName}
          onChange={(e) => controller.setLayout(e.target.value as GraphLayoutName)}
        >
          {GRAPH_LAYOUTS.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => controller.relayout()} title="Lay out the visible graph again">
        Re-layout
      </button>
      <form
        className="graph-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          controller.jumpTo(search);
        }}
      >
        <input
          type="search"
          aria-label="Find in graph"
          placeholder="Find a node…"
          title="Find a node by name or alias (Enter jumps to it)"
          list="graph-names"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </form>
      <datalist id="graph-names">
        {state.names.map((name, i) => (
          <option key={i} value={name} />
        ))}
      </datalist>
      <CommandButton id="export:png" label="Export the graph as PNG or SVG">
        Export image…
      </CommandButton>
      <button type="button" aria-expanded={panelOpen} onClick={onPanel}>
        Filters &amp; analysis
      </button>
      <button
        type="button"
        aria-pressed={maximised}
        onClick={onMaximise}
        title="Give the graph the whole window"
      >
        {maximised ? 'Restore' : 'Enlarge'}
      </button>
    </div>
  );
}
