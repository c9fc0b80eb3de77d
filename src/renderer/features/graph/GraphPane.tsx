// The graph pane (cytoscape lives under features/graph only).
export function GraphPane() {
  return (
    <div className="graph-empty">
      <p className="muted">The network graph of the case appears here.</p>
    </div>
  );
}
