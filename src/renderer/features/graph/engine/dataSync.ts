// Keeping the drawing in step with the case: the whole case read and drawn (the first time, another
// case, a write not known row by row), a write applied as a delta (one read of the rows it touched),
// and the nodes' positions — kept, laid out in the layout worker, saved with the case.
import type { ElementDefinition } from 'cytoscape';
import { GRAPH_ROWS_LIMIT, type GraphLayoutName } from '../../../../shared/ipc/graph/contract';
import type { StoreChanged } from '../../../../shared/ipc/tables';
import { call, reportError } from '../../../lib/ipc';
import { LARGE_GRAPH_ELEMENTS } from '../model/style';
import { visibleGraph, type VisibleGraph } from '../model/graphData';
import { mergeRows } from './delta';
import { edgeElement, edgeLook, nodeElement } from './elements';
import { FIT_PADDING, LAYOUT_LABELS, type GraphController } from './GraphController';
import { isBatching } from './cyInternals';
import { degreeSizes, layoutInput, placeNearNeighbours, type Positions } from './layoutInput';
import { TooLargeToDraw, loadGraph, loadRows } from './load';
import { Superseded } from './workers';

/** A burst of writes (typing in the sheet) is read once, this long after the last. */
const RELOAD_DELAY_MS = 150;

export class DataSync {
  readonly positions: Positions = new Map();
  /** The data whose freshly laid-out positions the elements were built with. */
  private positionsApplied: unknown = null;
  private fittedOnce = false;
  private layoutInFlight = false;
  /**
   * Nodes placed beside their neighbours since the last layout. Each delta adds a few, too few for
   * a layout; a graph grown by many of them (entities accepted one by one from a document) was a
   * line of nodes running off the view, so together they count like nodes added at once.
   */
  private placedSinceLayout = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Deltas are applied one after another, in the order the writes were announced. */
  private deltas: Promise<void> = Promise.resolve();
  private loading = false;
  /** The next reload reads another case (or the first): the type filter starts afresh. */
  private caseSwitched = true;

  constructor(private readonly c: GraphController) {}

  destroy(): void {
    clearTimeout(this.reloadTimer);
  }

  // ---- a write announced ------------------------------------------------------------------------
  changed(change: StoreChanged): void {
    const ids = change.ids;
    if (change.tables.includes('*')) this.caseSwitched = true;
    // Another case, or a write not known row by row (a CSV import): read everything again.
    const unknown = (t: 'entity' | 'alias' | 'relation') => change.tables.includes(t) && !ids?.[t];
    // A type added, renamed, recoloured or merged: styles, legend and filters follow the case's types.
    const types = change.tables.includes('vocabulary') && (ids?.vocabulary?.length ?? 1) > 0;
    if (
      change.tables.includes('*') ||
      types ||
      unknown('entity') ||
      unknown('alias') ||
      unknown('relation') ||
      this.loading
    )
      return this.reloadSoon();
    const entityIds = ids?.entity ?? [];
    const relationIds = ids?.relation ?? [];
    // Aliases change with their entity's row; an alias row alone cannot be placed: read it all.
    if ((ids?.alias?.length ?? 0) > 0 && entityIds.length === 0) return this.reloadSoon();
    if (entityIds.length > GRAPH_ROWS_LIMIT || relationIds.length > GRAPH_ROWS_LIMIT)
      return this.reloadSoon();
    const sources = change.tables.includes('source') && (ids?.source?.length ?? 1) > 0;
    if (!entityIds.length && !relationIds.length && !sources) return;
    const heardAt = performance.now();
    this.deltas = this.deltas.then(() => this.applyDelta(entityIds, relationIds, sources, heardAt));
  }

  private reloadSoon(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  private async applyDelta(
    entityIds: number[],
    relationIds: number[],
    sources: boolean,
    heardAt: number,
  ): Promise<void> {
    const c = this.c;
    const before = c.data;
    let rows;
    try {
      rows = await loadRows(entityIds, relationIds, sources);
    } catch (error) {
      reportError(error, 'graph:rows');
      return this.reloadSoon();
    }
    const cy = c.cy;
    if (!cy || c.data !== before || this.loading) return; // a reload took over: it reads everything
    if (rows.sources) c.sources = new Map(rows.sources.map((s) => [s.id, s]));
    const delta = mergeRows(c.data, { entityIds, relationIds }, rows);
    if (delta.data === before) return; // nothing the graph draws changed (a summary, say)
    c.data = delta.data;
    if (
      delta.structural &&
      c.large !== delta.data.nodes.length + delta.data.edges.length > LARGE_GRAPH_ELEMENTS
    )
      return this.reloadSoon(); // the graph changes size class: drawn anew
    cy.batch(() => {
      for (const n of delta.nodes.changed) c.looks.updateNode(cy, n);
      if (!delta.structural) for (const e of delta.edges.changed) c.looks.updateEdge(cy, e);
      else this.restructure(delta);
    });
    if (delta.nodes.added.length) c.readability?.labels?.added();
    const stats = c.stats;
    stats.lastDelta = {
      heardAt,
      appliedAt: performance.now(),
      nodes: rows.nodes.length,
      edges: rows.edges.length,
      relayout: false,
    };
    const last = stats.lastDelta;
    cy.one('render', () => (last.drawnAt = performance.now()));
    if (delta.structural) c.shownChanged({ data: true });
    else {
      // Names, aliases, notes, sources: nothing shown or hidden. The legend marks notes and
      // single-source relations; the rest of the lists (years, counts) stand.
      const notes = delta.nodes.changed.some(
        (n) => before.nodes.find((o) => o.id === n.id)?.notes !== n.notes,
      );
      c.relabelled(notes || delta.edges.changed.length > 0);
    }
    c.readability?.labels?.soon();
  }

  /** Adds, removes and redraws what a structural delta changed (inside a batch). */
  private restructure(delta: ReturnType<typeof mergeRows>): void {
    const cy = this.c.cy!;
    for (const id of delta.edges.removed) cy.getElementById(`e${id}`).remove();
    for (const id of delta.nodes.removed) cy.getElementById(`n${id}`).remove();
    const visible = visibleGraph(delta.data, this.c.getState().filters);
    const missing = delta.nodes.added
      .filter((n) => visible.nodeIds.has(n.id) && !this.positions.has(n.id))
      .map((n) => n.id);
    placeNearNeighbours(missing, delta.data, this.positions);
    this.placedSinceLayout += missing.length;
    for (const n of delta.nodes.added)
      cy.add(nodeElement(n, visible.nodeIds.has(n.id), this.positions.get(n.id)));
    const view = this.c.looks.view();
    const loops = new Set(view.loopEdges);
    const nodeIds = new Set(delta.data.nodes.map((n) => n.id));
    // An edge whose ends changed is added anew (cytoscape keeps an edge's ends).
    for (const e of delta.edges.changed) cy.getElementById(`e${e.id}`).remove();
    for (const e of [...delta.edges.changed, ...delta.edges.added])
      if (nodeIds.has(e.source) && nodeIds.has(e.target))
        cy.add(edgeElement(e, edgeLook(e, visible.edgeIds.has(e.id), view, loops)));
  }

  // ---- the whole case ---------------------------------------------------------------------------
  async reload(): Promise<void> {
    const c = this.c;
    const stats = c.stats;
    const started = performance.now();
    stats.busy = true;
    stats.reloads++;
    this.loading = true;
    try {
      const { data, sources, saved, types } = await loadGraph();
      stats.loadMs = performance.now() - started;
      stats.marks.loaded = performance.now();
      c.data = data;
      c.sources = new Map(sources.map((s) => [s.id, s]));
      c.setTypes(types);
      c.followTypes(data.nodes, this.caseSwitched);
      this.caseSwitched = false;
      const large = data.nodes.length + data.edges.length > LARGE_GRAPH_ELEMENTS;
      if (saved && this.positions.size === 0) {
        for (const [id, x, y] of saved.positions) this.positions.set(id, { x, y });
        c.set({ layoutName: saved.layout });
      }
      const layout = c.getState().layoutName;
      // The layout starts in the worker now. Meanwhile this thread builds the elements and their
      // styles inside one cytoscape batch, so nothing is drawn at the origin (drawing 10,000
      // elements there only slows the worker on two cores); the batch ends with the positions set,
      // and the first drawing is the finished one.
      const visible = visibleGraph(data, c.getState().filters);
      c.visible = visible;
      const missing = [...visible.nodeIds].filter((id) => !this.positions.has(id)).length;
      // The worker starts before the drawing is made (a new cytoscape takes a while on two cores).
      const layoutRun =
        missing > Math.max(2, visible.nodeIds.size * 0.1)
          ? this.runLayout(layout, visible, false, large)
          : null;
      const cy = c.ensureCy(large);
      const elements: ElementDefinition[] = [];
      // Drawn at their size by degree from the start (big graphs: resized in idle time, sizes.ts).
      const sizes = large
        ? new Map<number, number>()
        : degreeSizes(data.edges.filter((e) => visible.edgeIds.has(e.id)));
      for (const n of data.nodes)
        elements.push(nodeElement(n, visible.nodeIds.has(n.id), this.positions.get(n.id), sizes.get(n.id)));
      const nodeIds = new Set(data.nodes.map((n) => n.id));
      const view = c.looks.view();
      const loops = new Set(view.loopEdges);
      for (const e of data.edges) {
        if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) continue;
        elements.push(edgeElement(e, edgeLook(e, visible.edgeIds.has(e.id), view, loops)));
      }
      // An earlier load may still hold a batch open while its layout is being superseded. Adding
      // inside it would lose these elements' styles: cytoscape keeps the batch's restyle list by
      // id, and the removed elements of the same ids already fill those places. Its batch closes
      // as soon as its superseded layout settles.
      for (let waits = 0; isBatching(cy) && waits < 200; waits++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      if (c.data !== data) return; // a newer load took over meanwhile
      let laidOut = false;
      cy.startBatch();
      try {
        cy.elements().remove();
        cy.add(elements);
        if (layoutRun) {
          // (Styles are computed at the first draw: endBatch marks what the batch added as dirty,
          // and the renderer needs that notice, so they cannot usefully be computed here.)
          laidOut = await layoutRun;
          if (c.data !== data) return; // a newer load took over
          if (laidOut) {
            cy.nodes('[entityId]').forEach((node) => {
              const p = this.positions.get(node.data('entityId') as number);
              if (p) node.position({ x: p.x, y: p.y });
            });
            c.looks.setLoops(cy, c.looks.loopEdges);
            view.loopEdges = c.looks.loopEdges;
          }
        }
      } finally {
        cy.endBatch();
      }
      c.looks.built(data, view);
      c.readability?.labels?.added();
      // The first drawing after the elements were built (a hidden pane never draws).
      let drawnOnce = false;
      const drawn = () => {
        if (drawnOnce) return;
        drawnOnce = true;
        stats.marks.drawn = performance.now();
        // The lists, the legend, centrality and the selection follow the first frame: the graph
        // shows first (run in the same task, their work delayed that frame).
        setTimeout(() => {
          if (c.data !== data) return; // a newer load took over
          c.shownChanged({ data: true });
          c.selectFromStore();
        });
        if (!laidOut) return;
        stats.layoutRuns++;
        stats.busy = false;
      };
      cy.one('render', drawn);
      setTimeout(drawn, 2000);
      if (laidOut) {
        c.looks.placeHeading(cy);
        c.readability!.fit(FIT_PADDING);
        this.fittedOnce = true;
        this.positionsApplied = data;
        stats.marks.applied = performance.now();
        stats.applyMs = stats.marks.applied - (stats.marks.layoutEnd ?? stats.marks.applied);
      }
      stats.marks.added = performance.now();
      this.loading = false;
    } catch (error) {
      stats.busy = false;
      if (error instanceof TooLargeToDraw) {
        c.cy?.elements().remove();
        c.set({ status: error.message });
        return;
      }
      c.set({
        status: 'The graph could not be loaded. Reopen the case, or see the message at the bottom right.',
      });
      reportError(error, 'graph:get');
    } finally {
      this.loading = false;
    }
  }

  // ---- positions --------------------------------------------------------------------------------
  /**
   * Lays out when asked, or when many visible nodes have no position yet; otherwise keeps the
   * positions (a few new nodes are placed by their neighbours) and fits the view the first time.
   */
  place(relayout: boolean): void {
    const c = this.c;
    const cy = c.cy;
    if (!cy || !c.getState().dataVersion) return;
    const visible = c.visible;
    const missing = [...visible.nodeIds].filter((id) => !this.positions.has(id));
    const placed = this.placedSinceLayout + missing.length;
    if (relayout || (!this.layoutInFlight && placed > Math.max(2, visible.nodeIds.size * 0.1))) {
      void this.runLayout(c.getState().layoutName, visible);
      return;
    }
    if (this.layoutInFlight) return;
    if (missing.length) placeNearNeighbours(missing, c.data, this.positions);
    this.placedSinceLayout += missing.length;
    const fresh = this.positionsApplied === c.data && !missing.length;
    this.positionsApplied = null;
    if (fresh) return; // the elements were just built with these positions, and fitted
    this.apply(!this.fittedOnce || missing.length > 0);
    this.fittedOnce = true;
    c.stats.busy = false;
    c.set({ status: '' });
  }

  /** Sets the kept positions on the elements, and fits the view when asked. */
  private apply(fit: boolean): void {
    const cy = this.c.cy!;
    cy.batch(() => {
      cy.nodes('[entityId]').forEach((n) => {
        const p = this.positions.get(n.data('entityId') as number);
        if (p) n.position({ x: p.x, y: p.y });
      });
      this.c.looks.placeHeading(cy);
    });
    if (fit) this.c.readability!.fit(FIT_PADDING);
    else this.c.readability?.labels?.soon();
  }

  /**
   * Runs a layout in the worker and keeps its positions. With `apply` (a re-layout) they are set on
   * the drawn elements at once; without (a fresh load) the caller builds the elements with them.
   * Resolves whether positions came back.
   */
  async runLayout(
    name: GraphLayoutName,
    visible: VisibleGraph,
    apply = true,
    large = this.c.large,
  ): Promise<boolean> {
    const c = this.c;
    const stats = c.stats;
    const box = c.container;
    const view = box ? { width: box.clientWidth, height: box.clientHeight } : undefined;
    const input = layoutInput(c.data, visible, c.metrics, large, view);
    const { nodes } = input;
    stats.busy = true;
    c.set({
      status: `Laying out ${nodes.length.toLocaleString()} entities (${LAYOUT_LABELS[name].toLowerCase()})…`,
    });
    try {
      stats.marks.layoutStart = performance.now();
      this.layoutInFlight = true;
      const { value: result, ms } = await c.layoutLane.latest('layout', { name, input });
      this.layoutInFlight = false;
      stats.marks.layoutEnd = performance.now();
      stats.layoutMs = ms;
      const applyStart = performance.now();
      nodes.forEach((n, i) =>
        this.positions.set(n.id, { x: result.positions[i * 2]!, y: result.positions[i * 2 + 1]! }),
      );
      this.placedSinceLayout = 0;
      c.looks.loopEdges = result.loopEdges;
      const loops = result.loopEdges.length;
      const s = loops === 1 ? '' : 's';
      c.set({
        status: loops
          ? `${loops} relation${s} close${loops === 1 ? 's' : ''} a loop (a group rejoining one it came from) and point${loops === 1 ? 's' : ''} backwards, drawn dotted.`
          : '',
      });
      this.savePositions(
        name,
        nodes.map((n) => [n.id, this.positions.get(n.id)!.x, this.positions.get(n.id)!.y]),
        false,
      );
      if (!apply || !c.cy) return true;
      this.apply(true);
      stats.applyMs = performance.now() - applyStart;
      stats.marks.applied = performance.now();
      stats.layoutRuns++;
      c.looks.setLoops(c.cy, result.loopEdges);
      c.refreshLists(false); // the legend's loops
      stats.busy = false;
      return true;
    } catch (error) {
      if (error instanceof Superseded) return false;
      this.layoutInFlight = false;
      stats.busy = false;
      c.set({ status: `The layout failed (${(error as Error).message}). Try another layout.` });
      return false;
    }
  }

  /** Saves positions with the case (not an edit: no undo step); a failure is reported. */
  savePositions(layout: GraphLayoutName, positions: [number, number, number][], merge: boolean): void {
    if (!positions.length) return;
    call('graph:savePositions', { layout, positions, merge }).catch((error) =>
      reportError(error, 'graph:savePositions'),
    );
  }
}
