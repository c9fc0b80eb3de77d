// The graph's controller: a plain class that owns the cytoscape instance, the case data as the
// graph draws it, the workers and all imperative work (loading, deltas, layouts, centrality,
// selection, export). React reads its state through useGraph (engine/useGraph.ts) and calls its
// methods; nothing of it lives in a component.
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { GraphLayoutName, GraphSource } from '../../../../shared/ipc/graph/contract';
import type { GraphStats } from '../../../../shared/ipc/graph/hook';
import { CASE_TABLES, type StoreChanged } from '../../../../shared/ipc/tables';
import type { Vocabulary } from '../../../../shared/vocabulary';
import { runCommand } from '../../../app/commands';
import { setMetrics, type EntityMetrics } from '../../../lib/metrics';
import { onTablesChanged, select, selectionStore } from '../../../lib/store';
import { timeWindowStore } from '../../../lib/timeWindow';
import { MetricsRun, type MetricsDone } from './metricsRun';
import { WindowSync } from './windowSync';
import { followTypeFilter, hiddenPickFor, type HiddenPick } from '../model/typeFilter';
import type { ExportOptions, PngResult } from '../export/types';
import type { LayoutWorkerApi } from '../layout/layout.worker';
import {
  DEFAULT_FILTERS,
  visibleGraph,
  yearRange,
  type GraphData,
  type GraphFilters,
  type VisibleGraph,
} from '../model/graphData';
import { graphTypes, setGraphTypes } from '../model/types';
import { createCy, destroyCy, type Drawing } from './createCy';
import { DataSync } from './dataSync';
import { exportImage } from './exporting';
import { legendMarks, type LegendMarks } from './legend';
import { Looks } from './looks';
import { Readability } from './readability';
import { describeSelection, isInView } from './selection';
import { NO_RESIZE, applySizes, type Resize, type SizeBy } from './sizes';
import { nearestToCentre, stepFrom, type Direction } from './keyboard';
import { installTestHook } from './testHook';
import { jumpTo, showNeighbourhood, showPath } from './tools';
import { WorkerClient, spawnLayoutWorker } from './workers';

export type { SizeBy };

export const LAYOUT_LABELS: Record<GraphLayoutName, string> = {
  force: 'Force-directed',
  lineage: 'Lineage (by date)',
  concentric: 'Concentric by centrality',
  circle: 'Circle',
  grid: 'Grid',
};
export const SIZE_LABELS: Record<SizeBy, string> = {
  degree: 'degree',
  betweenness: 'betweenness',
  pagerank: 'PageRank',
};

/** Margin kept around the graph when it is fitted to its box, CSS pixels. */
export const FIT_PADDING = 24;

/** What the view renders. A new object whenever something in it changes. */
export interface GraphState {
  /** Changes whenever the case data drawn changes (a load or a delta). */
  dataVersion: number;
  filters: GraphFilters;
  layoutName: GraphLayoutName;
  sizeBy: SizeBy;
  edgeLabels: boolean;
  grades: boolean;
  status: string;
  info: string;
  selectedCount: number;
  /** The years the case's dates span; null when nothing is dated (no time window then). */
  years: { min: number; max: number } | null;
  shown: { nodes: number; edges: number };
  legend: LegendMarks;
  /** Names of the shown entities, for the find box (up to 3,000). */
  names: string[];
  /** Why nothing is drawn: the case is empty, or the filters leave nothing. */
  empty: 'case' | 'filters' | null;
  /** The case's entity and relation types (the filters list them, the legend names them). */
  types: Vocabulary;
  /** An entity picked in the search whose type the graph hides: said, with an offer to show it. */
  hiddenPick: HiddenPick | null;
}

const EMPTY_LEGEND: LegendMarks = {
  entityTypes: [],
  relationTypes: [],
  dashed: false,
  loops: false,
  notes: false,
};

export class GraphController {
  private state: GraphState = {
    dataVersion: 0,
    filters: DEFAULT_FILTERS,
    layoutName: 'force',
    sizeBy: 'degree',
    edgeLabels: true,
    grades: false,
    status: 'Loading the graph…',
    info: '',
    selectedCount: 0,
    years: yearRange([]),
    shown: { nodes: 0, edges: 0 },
    legend: EMPTY_LEGEND,
    names: [],
    empty: null,
    types: graphTypes(),
    hiddenPick: null,
  };
  private readonly listeners = new Set<() => void>();
  readonly stats: GraphStats = {
    loadMs: 0,
    layoutMs: 0,
    applyMs: 0,
    metricsMs: 0,
    busy: true,
    layoutRuns: 0,
    marks: {},
    reloads: 0,
  };

  container: HTMLElement | null = null;
  drawing: Drawing | null = null;
  readability: Readability | null = null;
  data: GraphData = { nodes: [], edges: [] };
  visible: VisibleGraph = { nodeIds: new Set(), edgeIds: new Set() };
  sources = new Map<number, GraphSource>();
  metrics: ReadonlyMap<number, EntityMetrics> = new Map();
  readonly layoutLane = new WorkerClient<LayoutWorkerApi>(spawnLayoutWorker);
  private readonly metricsRun = new MetricsRun();
  readonly looks = new Looks(this);
  private readonly sync = new DataSync(this);
  private readonly exportThreads = exportImage.threads();
  private resizing: Resize = NO_RESIZE;
  private applyingSelection = false;
  private readonly off: (() => void)[] = [];

  constructor(private readonly webgl: boolean) {}

  // ---- state ------------------------------------------------------------------------------------
  getState = (): GraphState => this.state;
  private readonly windowSync = new WindowSync(this);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  set(patch: Partial<GraphState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  get cy(): Core | null {
    return this.drawing?.cy ?? null;
  }

  get large(): boolean {
    return !!this.drawing?.large;
  }

  // ---- lifecycle --------------------------------------------------------------------------------
  /** Starts drawing into `container`; returns how to stop. */
  mount(container: HTMLElement): () => void {
    this.container = container;
    // Writes to the case: applied as deltas where the rows are known, else read again.
    this.off.push(onTablesChanged(CASE_TABLES, (change: StoreChanged) => this.sync.changed(change)));
    this.off.push(selectionStore.subscribe(() => this.selectFromStore()));
    this.off.push(timeWindowStore.subscribe(() => this.windowSync.follow()));
    const observer = new ResizeObserver(() => this.readability?.resized(FIT_PADDING));
    observer.observe(container);
    this.off.push(() => observer.disconnect());
    this.off.push(
      installTestHook({
        cy: () => this.cy,
        data: () => this.data,
        layoutName: () => this.state.layoutName,
        loopEdges: () => this.looks.loopEdges,
        stats: () => this.stats,
        filters: () => this.state.filters,
        renderer: () => (this.large && this.webgl ? 'webgl' : 'canvas'),
        metrics: () => this.metrics,
      }),
    );
    void this.sync.reload();
    return () => this.destroy();
  }

  destroy(): void {
    for (const off of this.off.splice(0)) off();
    this.windowSync.stop();
    this.resizing.stop();
    this.sync.destroy();
    this.layoutLane.dispose();
    this.metricsRun.dispose();
    this.readability?.destroy();
    destroyCy(this.drawing);
    this.drawing = null;
    this.exportThreads.dispose();
  }

  /**
   * Takes the case's types, read with the case. When they changed the drawing is dropped: the
   * reload under way makes a new one whose stylesheet has the new colours and shapes.
   */
  setTypes(types: Vocabulary): void {
    if (!setGraphTypes(types)) return;
    this.readability?.destroy();
    this.readability = null;
    destroyCy(this.drawing);
    this.drawing = null;
    this.set({ types });
  }

  /** The drawing for a small or big graph, made anew when the size class changes. */
  ensureCy(large: boolean): Core {
    if (this.drawing && this.drawing.large === large) return this.drawing.cy;
    this.readability?.destroy();
    destroyCy(this.drawing);
    this.drawing = createCy(this.container!, large, this.webgl);
    this.stats.edgeLayer = this.drawing.edgeLayer?.stats;
    const cy = this.drawing.cy;
    this.readability = new Readability(cy, large);
    cy.on('select unselect', () => this.selectionChanged());
    cy.on('dragfree', 'node', (event) => this.dragged(event));
    // Cytoscape calls two quick taps a double tap wherever they land: one on each of two nodes
    // (a click, then a Shift+click) is no request to open the second.
    let taps: unknown[] = [null, null];
    cy.on('tap', (event) => void (taps = [taps[1], event.target]));
    cy.on('dbltap', 'node[entityId]', (event) => {
      if (taps[0] !== event.target) return;
      select({ entityIds: [event.target.data('entityId') as number], origin: 'graph' });
      if (!runCommand('entity:open')) runCommand('view:panel');
    });
    // The graph takes the keyboard when pressed (Escape clears the selection).
    cy.on('tapstart', () => this.container?.focus({ preventScroll: true }));
    // A big graph's PNG export draws its edges on a thread of its own; started now, while the page
    // is idle, it is ready when the analyst exports.
    if (large) this.exportThreads.prewarm();
    return cy;
  }

  // ---- what is shown ----------------------------------------------------------------------------
  /** Called once the data or the filters changed: visibility, looks, positions, centrality, lists. */
  shownChanged(options: { relayout?: boolean; data?: boolean } = {}): void {
    this.visible = visibleGraph(this.data, this.state.filters);
    this.looks.apply();
    this.sync.place(options.relayout ?? false);
    this.scheduleMetrics();
    this.refreshLists(options.data ?? false);
  }

  /** The view's lists and counts, from the data and what is visible. */
  refreshLists(dataChanged: boolean): void {
    const { nodes, edges } = this.data;
    const visible = this.visible;
    this.set({
      dataVersion: dataChanged ? this.state.dataVersion + 1 : this.state.dataVersion,
      years: dataChanged ? yearRange(edges, nodes) : this.state.years,
      shown: { nodes: visible.nodeIds.size, edges: visible.edgeIds.size },
      legend: legendMarks(nodes, edges, visible, this.looks.loopEdges, this.state.layoutName === 'lineage'),
      names: nodes.length <= 3000 ? nodes.filter((n) => visible.nodeIds.has(n.id)).map((n) => n.name) : [],
      empty: visible.nodeIds.size > 0 ? null : nodes.length === 0 ? 'case' : 'filters',
    });
  }

  /** A change that shows or hides nothing (a rename): the names, and the legend when asked. */
  relabelled(legend: boolean): void {
    const { nodes, edges } = this.data;
    const visible = this.visible;
    this.set({
      dataVersion: this.state.dataVersion + 1,
      names: nodes.length <= 3000 ? nodes.filter((n) => visible.nodeIds.has(n.id)).map((n) => n.name) : [],
      legend: legend
        ? legendMarks(nodes, edges, visible, this.looks.loopEdges, this.state.layoutName === 'lineage')
        : this.state.legend,
    });
  }

  /** How many entities of each type the last read of the case had (model/typeFilter.ts). */
  private typeCounts = new Map<string, number>();

  followTypes(nodes: readonly { type: string }[], caseSwitched: boolean): void {
    const follow = followTypeFilter(
      this.state.filters.entityTypes,
      nodes,
      caseSwitched ? null : this.typeCounts,
    );
    this.typeCounts = follow.counts;
    if (follow.entityTypes) this.set({ filters: { ...this.state.filters, entityTypes: follow.entityTypes } });
  }

  setFilters(patch: Partial<GraphFilters>): void {
    this.set({ filters: { ...this.state.filters, ...patch } });
    if (this.cy && this.state.dataVersion) this.shownChanged();
    if ('from' in patch || 'to' in patch || 'showUndated' in patch) this.windowSync.publish();
  }

  setLayout(name: GraphLayoutName): void {
    this.set({ layoutName: name });
    this.looks.apply();
    this.sync.place(true);
  }

  relayout(): void {
    this.sync.place(true);
  }

  setEdgeLabels(on: boolean): void {
    this.set({ edgeLabels: on });
    this.looks.apply();
  }

  setGrades(on: boolean): void {
    this.set({ grades: on });
    this.looks.apply();
  }

  // ---- centrality -------------------------------------------------------------------------------
  private scheduleMetrics(): void {
    const edges = this.data.edges
      .filter((e) => this.visible.edgeIds.has(e.id))
      .map((e) => ({ source: e.source, target: e.target, type: e.type }));
    const done = ({ byId, scope, ms }: MetricsDone): void => {
      this.stats.metricsMs = ms;
      this.metrics = byId;
      setMetrics(byId, scope);
      this.resize(this.state.sizeBy);
    };
    const failed = (status: string): void => this.set({ status });
    this.metricsRun.schedule(
      [...this.visible.nodeIds],
      edges,
      this.state.filters,
      () => this.stats.busy,
      done,
      failed,
    );
  }

  setSizeBy(sizeBy: SizeBy): void {
    this.set({ sizeBy });
    this.resize(sizeBy);
  }

  /** Sizes the nodes, stopping a big graph's resize still under way. */
  private resize(sizeBy: SizeBy): void {
    this.resizing.stop();
    const cy = this.cy;
    this.resizing = cy ? applySizes(cy, this.large, this.metrics, sizeBy) : NO_RESIZE;
    this.readability?.labels?.update(); // a small graph is resized at once: its labels follow at once
  }

  // ---- selection --------------------------------------------------------------------------------
  private selectionQueued = false;

  private selectionChanged(): void {
    if (this.applyingSelection || this.selectionQueued) return;
    this.selectionQueued = true;
    queueMicrotask(() => {
      this.selectionQueued = false;
      const cy = this.cy;
      if (!cy) return;
      const selected = cy.$(':selected');
      select({
        entityIds: selected.nodes().map((n) => n.data('entityId') as number),
        relationIds: selected.edges().map((e) => e.data('relationId') as number),
        origin: 'graph',
      });
      this.describe();
    });
  }

  private describe(): void {
    const cy = this.cy!;
    this.set({
      selectedCount: cy.nodes(':selected').not('.hidden').length,
      info: describeSelection(cy, this.data),
    });
  }

  /** Shows the selection made elsewhere (the sheet, search) and brings it into view. */
  selectFromStore(): void {
    const cy = this.cy;
    const selection = selectionStore.get();
    if (!cy || selection.origin === 'graph') return;
    const wanted = new Set(selection.entityIds.map((id) => `n${id}`));
    for (const id of selection.relationIds) wanted.add(`e${id}`);
    this.applyingSelection = true;
    cy.batch(() => {
      cy.$(':selected').forEach((el) => void (wanted.has(el.id()) || el.unselect()));
      for (const id of wanted) cy.getElementById(id).select();
    });
    this.applyingSelection = false;
    this.describe();
    this.checkHiddenPick(selection);
    const nodes = cy.nodes(':selected').not('.hidden');
    if (nodes.length && !nodes.some((n) => isInView(cy, n as NodeSingular)))
      cy.animate({ center: { eles: nodes }, duration: 250 });
  }

  /** A search result the graph does not draw because its type is filtered out: say so, offer to show it. */
  private checkHiddenPick(selection: { entityIds: number[]; origin: string }): void {
    const plurals = new Map(this.state.types.entityTypes.map((t) => [t.id, t.plural]));
    const { filters, hiddenPick } = this.state;
    const next = hiddenPickFor(selection, this.data.nodes, filters.entityTypes, plurals, hiddenPick);
    if (next !== undefined) this.set({ hiddenPick: next });
  }

  /** Shows the hidden type of the picked entity, and the entity selected in it. */
  showHiddenPick(): void {
    const pick = this.state.hiddenPick;
    if (!pick) return;
    this.set({ hiddenPick: null });
    this.setFilters({ entityTypes: [...this.state.filters.entityTypes, pick.type] });
    select({ entityIds: [pick.entityId], origin: 'graph-show' });
  }

  /** An arrow key: selects the neighbouring entity in that direction (the one nearest the centre, first). */
  stepSelection(direction: Direction): void {
    const cy = this.cy;
    if (!cy) return;
    const from = cy.nodes(':selected').filter('[entityId]').nodes().last();
    const next = from.nonempty() ? stepFrom(cy, from, direction) : nearestToCentre(cy);
    if (!next) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      next.select();
    });
    if (!isInView(cy, next)) cy.center(next);
  }

  /** Enter: opens the selected entity, as a double click does. */
  openSelected(): void {
    if (this.cy?.nodes(':selected').filter('[entityId]').length !== 1) return;
    if (!runCommand('entity:open')) runCommand('view:panel');
  }

  /** Escape: nothing selected, nothing highlighted (the notes panel follows the selection). */
  clearSelection(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.elements().removeClass('faded path');
    cy.$(':selected').unselect();
    this.set({ info: '' });
  }

  private dragged(event: EventObject): void {
    const cy = this.cy!;
    const moved = (event.target as NodeSingular).union(cy.$('node:selected')).filter('[entityId]');
    const entries = moved.nodes().map((n): [number, number, number] => {
      const p = n.position();
      this.sync.positions.set(n.data('entityId') as number, { x: p.x, y: p.y });
      return [n.data('entityId') as number, p.x, p.y];
    });
    this.sync.savePositions(this.state.layoutName, entries, true);
  }

  // ---- analysis tools (tools.ts): each tells the analyst what it found --------------------------
  showNeighbourhood(hops: number): void {
    if (this.cy) this.set({ info: showNeighbourhood(this.cy, this.data, this.visible, hops) });
  }

  showPath(): void {
    if (this.cy) this.set({ info: showPath(this.cy, this.data, this.visible) });
  }

  clearHighlight(): void {
    this.cy?.elements().removeClass('faded path');
    this.set({ info: '' });
  }

  jumpTo(text: string): void {
    const info = this.cy ? jumpTo(this.cy, this.data, this.visible, text) : '';
    if (info !== null) this.set({ info });
  }

  // ---- export -----------------------------------------------------------------------------------
  /** The dialog opened: a big graph's resize still under way is finished, so the image shows it done. */
  prepareExport(): void {
    this.resizing.finish();
  }

  async exportPng(options: ExportOptions): Promise<PngResult> {
    const labels = this.readability?.labels;
    const draw = () => exportImage.png(this, options, this.exportThreads);
    const result = await (labels && options.area === 'full' ? labels.atOwnSize(draw) : draw());
    const { blob: _blob, ...made } = result;
    this.stats.lastExport = made;
    return result;
  }

  exportSvg(options: ExportOptions): Promise<string> {
    const labels = this.readability?.labels;
    const draw = async () => exportImage.svg(this, options);
    return labels ? labels.atOwnSize(draw) : draw();
  }
}
