// The graph pane: how the groups relate and change over time. Data comes from graph:get in pages;
// layouts and centrality run in a worker and are applied as positions in one draw.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  GraphEdge,
  GraphLayoutName,
  GraphPage,
  GraphSource,
  SavedLayout,
} from '../../../shared/ipc/graph/contract';
import { GRAPH_LAYOUTS, GRAPH_PAGE_LIMIT } from '../../../shared/ipc/graph/contract';
import { normalizeName } from '../../../shared/text';
import { ENTITY_TYPES, RELATION_TYPE_NAMES, RELIABILITY, relationReads } from '../../../shared/vocab';
import { registerCommands, runCommand } from '../../app/commands';
import { call, reportError } from '../../lib/ipc';
import { setMetrics, type EntityMetrics } from '../../lib/metrics';
import { CASE_DATA, onTablesChanged, select, selectionStore } from '../../lib/store';
import { neighbourhood, shortestPath } from './analysis';
import { ExportDialog } from './ExportDialog';
import { prewarmEdgeThread } from './exportImage';
import type { LayoutNode } from './layouts';
import { GraphLegend, legendMarks } from './GraphLegend';
import {
  DEFAULT_FILTERS,
  edgeLabel,
  lineageEnds,
  visibleGraph,
  yearRange,
  type GraphData,
  type GraphFilters,
  type VisibleGraph,
} from './model';
import {
  LABEL_FONT,
  LABEL_LINE_HEIGHT,
  LABEL_MAX_WIDTH,
  DASHES_MIN_ZOOM,
  LARGE_GRAPH_ELEMENTS,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  entityStyle,
  isSymmetric,
  relationColour,
  stylesheet,
} from './style';
import { installTestHook, type GraphStats } from './testHook';
import { useHardwareWebGL } from './webgl';
import { EdgeLayer } from './edgeLayer';
import { GraphWorkers, Superseded } from './workerClient';
import './graph.css';

const LAYOUT_LABELS: Record<GraphLayoutName, string> = {
  force: 'Force-directed',
  lineage: 'Lineage (by date)',
  concentric: 'Concentric by centrality',
  circle: 'Circle',
  grid: 'Grid',
};
export type SizeBy = 'degree' | 'betweenness' | 'pagerank';
const SIZE_LABELS: Record<SizeBy, string> = {
  degree: 'degree',
  betweenness: 'betweenness',
  pagerank: 'PageRank',
};

type Positions = Map<number, { x: number; y: number }>;

/** Beyond this the tab runs out of memory drawing the whole case; the sheet still holds it all. */
export const GRAPH_MAX_NODES = 60_000;
export const GRAPH_MAX_EDGES = 300_000;

class TooLargeToDraw extends Error {}

async function loadGraph(): Promise<{ data: GraphData; sources: GraphSource[]; saved: SavedLayout | null }> {
  const { counts } = await call('case:info', {});
  if (counts.entities > GRAPH_MAX_NODES || counts.relations > GRAPH_MAX_EDGES) {
    const n = (v: number): string => v.toLocaleString('en-US');
    throw new TooLargeToDraw(
      `This case has ${n(counts.entities)} entities and ${n(counts.relations)} relations; the graph draws up to ${n(GRAPH_MAX_NODES)} entities and ${n(GRAPH_MAX_EDGES)} relations. Work in the sheet, or split the case.`,
    );
  }
  const data: GraphData = { nodes: [], edges: [] };
  let sources: GraphSource[] = [];
  let saved: SavedLayout | null = null;
  let afterNode = 0;
  let afterEdge = 0;
  for (;;) {
    const page: GraphPage = await call('graph:get', { afterNode, afterEdge, limit: GRAPH_PAGE_LIMIT });
    data.nodes.push(...page.nodes);
    data.edges.push(...page.edges);
    if (page.sources) sources = page.sources;
    if (page.saved !== undefined) saved = page.saved;
    if (page.done) break;
    afterNode = page.lastNode;
    afterEdge = page.lastEdge;
  }
  return { data, sources, saved };
}

let measureCtx: CanvasRenderingContext2D | null = null;
/** The box a node and its wrapped label take, for layouts that keep labels apart. */
function labelBox(name: string, wrapLabels: boolean): { w: number; h: number } {
  measureCtx ??= document.createElement('canvas').getContext('2d')!;
  measureCtx.font = LABEL_FONT;
  const width = measureCtx.measureText(name).width;
  const lines = wrapLabels ? Math.max(1, Math.ceil(width / (LABEL_MAX_WIDTH - 10))) : 1;
  return {
    w: Math.max(MAX_NODE_SIZE, Math.min(width, wrapLabels ? LABEL_MAX_WIDTH : width)) + 8,
    h: MAX_NODE_SIZE + lines * LABEL_LINE_HEIGHT + 8,
  };
}

export function GraphPane() {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const largeRef = useRef<boolean | null>(null);
  const cyLarge = useRef<boolean | null>(null);
  const edgeLayerRef = useRef<EdgeLayer | null>(null);
  const dataRef = useRef<GraphData>({ nodes: [], edges: [] });
  const sourcesRef = useRef<Map<number, GraphSource>>(new Map());
  const positionsRef = useRef<Positions>(new Map());
  const workersRef = useRef<GraphWorkers | null>(null);
  const loopEdgesRef = useRef<number[]>([]);
  const applyingSelection = useRef(false);
  const statsRef = useRef<GraphStats>({
    loadMs: 0,
    layoutMs: 0,
    applyMs: 0,
    metricsMs: 0,
    busy: true,
    layoutRuns: 0,
    marks: {},
  });
  const metricsRef = useRef<Map<number, EntityMetrics>>(new Map());

  const [dataVersion, setDataVersion] = useState(0);
  const [filters, setFilters] = useState<GraphFilters>(DEFAULT_FILTERS);
  const [layoutName, setLayoutName] = useState<GraphLayoutName>('force');
  const [layoutRequest, setLayoutRequest] = useState(0);
  const [sizeBy, setSizeBy] = useState<SizeBy>('degree');
  const [edgeLabels, setEdgeLabels] = useState(true);
  const [grades, setGrades] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const [legendOpen, setLegendOpen] = useState(true);
  const [maximised, setMaximised] = useState(false);
  const [status, setStatus] = useState('Loading the graph…');
  const [info, setInfo] = useState('');
  const [hops, setHops] = useState(1);
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);
  const [selectedCount, setSelectedCount] = useState(0);
  const webgl = useHardwareWebGL();
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const layoutNameRef = useRef(layoutName);
  layoutNameRef.current = layoutName;
  const runLayoutRef = useRef<
    (name: GraphLayoutName, visible: VisibleGraph, apply?: boolean) => Promise<boolean>
  >(async () => false);
  const edgeViewRef = useRef({ edgeLabels, grades });
  edgeViewRef.current = { edgeLabels, grades };
  /** What the drawn classes and labels were last computed from, so an unchanged view is not redone. */
  const appliedLook = useRef<(EdgeView & { data: GraphData; filters: GraphFilters }) | null>(null);
  /** The data whose freshly laid-out positions the elements were built with. */
  const positionsApplied = useRef<GraphData | null>(null);
  const fittedOnce = useRef(false);

  // dataRef changes with dataVersion; the memo keys on the version.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const years = useMemo(() => yearRange(dataRef.current.edges), [dataVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const visible = useMemo(() => visibleGraph(dataRef.current, filters), [dataVersion, filters]);

  // ---- cytoscape instance ------------------------------------------------------------------------
  const ensureCy = useCallback(
    (large: boolean): Core => {
      if (cyRef.current && cyLarge.current === large) return cyRef.current;
      edgeLayerRef.current?.destroy();
      edgeLayerRef.current = null;
      cyRef.current?.destroy();
      // A big graph under the canvas renderer has its edges drawn on a worker (edgeLayer.ts); on a
      // real GPU cytoscape's WebGL renderer draws them fast enough itself.
      const layered = large && !webgl;
      const cy = cytoscape({
        container: containerRef.current,
        style: stylesheet(large, true, layered),
        wheelSensitivity: 0.3,
        minZoom: 0.02,
        maxZoom: 4,
        boxSelectionEnabled: true,
        selectionType: 'additive',
        // Large graphs: without the edge layer (WebGL), edges hidden mid-gesture and a texture of
        // the rest moved; with it, the few nodes cytoscape draws redraw faster than a texture starts.
        hideEdgesOnViewport: large && !layered,
        textureOnViewport: large && !layered,
        pixelRatio: large ? 1 : 'auto',
        motionBlur: false,
        renderer: { name: 'canvas', webgl: large && webgl } as never,
      } as cytoscape.CytoscapeOptions);
      statsRef.current.edgeLayer = undefined;
      if (layered) {
        const layer = new EdgeLayer(cy, containerRef.current!);
        edgeLayerRef.current = layer;
        statsRef.current.edgeLayer = layer.stats;
      } else if (large) {
        // Dashes only where they can be seen (style.ts, DASHES_MIN_ZOOM): restyling 80,000 edges
        // takes about 0.1 s, once each time the zoom crosses the threshold.
        let dashes = true;
        cy.on('zoom', () => {
          const want = cy.zoom() >= DASHES_MIN_ZOOM;
          if (want === dashes) return;
          dashes = want;
          cy.style().fromJson(stylesheet(true, dashes)).update();
        });
      }
      cyRef.current = cy;
      cyLarge.current = large;
      // A big graph's PNG export draws its edges on a thread of its own; started now, while the
      // page is idle, it is ready when the analyst exports (a worker starting beside the export's
      // synchronous drawing waited up to a second for this thread's event loop).
      if (large) prewarmEdgeThread();
      return cy;
    },
    [webgl],
  );

  // ---- data --------------------------------------------------------------------------------------
  const reload = useCallback(async () => {
    const started = performance.now();
    statsRef.current.busy = true;
    try {
      const { data, sources, saved } = await loadGraph();
      statsRef.current.loadMs = performance.now() - started;
      statsRef.current.marks.loaded = performance.now();
      dataRef.current = data;
      sourcesRef.current = new Map(sources.map((s) => [s.id, s]));
      const large = data.nodes.length + data.edges.length > LARGE_GRAPH_ELEMENTS;
      largeRef.current = large;
      let layout = layoutNameRef.current;
      if (saved && positionsRef.current.size === 0) {
        for (const [id, x, y] of saved.positions) positionsRef.current.set(id, { x, y });
        layout = saved.layout;
        setLayoutName(saved.layout);
      }
      // The layout starts in the worker now. Meanwhile this thread builds the elements and their
      // styles inside one cytoscape batch, so nothing is drawn at the origin (drawing 10,000
      // elements there only slows the worker on two cores); the batch ends with the positions set,
      // and the first drawing is the finished one.
      const vis = visibleGraph(data, filtersRef.current);
      const missing = [...vis.nodeIds].filter((id) => !positionsRef.current.has(id)).length;
      const layoutRun =
        missing > Math.max(2, vis.nodeIds.size * 0.1) ? runLayoutRef.current(layout, vis, false) : null;
      let laidOut = false;
      const cy = ensureCy(large);
      const elements: ElementDefinition[] = [];
      for (const n of data.nodes) {
        const p = positionsRef.current.get(n.id);
        elements.push({
          group: 'nodes',
          data: {
            id: `n${n.id}`,
            entityId: n.id,
            label: n.name,
            type: n.type,
            size: MIN_NODE_SIZE,
            notes: n.notes,
          },
          classes: vis.nodeIds.has(n.id) ? '' : 'hidden',
          position: p ? { x: p.x, y: p.y } : { x: 0, y: 0 },
        });
      }
      const nodeIds = new Set(data.nodes.map((n) => n.id));
      const view: EdgeView = { ...edgeViewRef.current, layoutName: layout, loopEdges: loopEdgesRef.current };
      const loops = new Set(view.loopEdges);
      for (const e of data.edges) {
        if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) continue;
        const look = edgeLook(e, vis.edgeIds.has(e.id), view, loops);
        const classes = [
          e.corroboration <= 1 ? 'single' : '',
          isSymmetric(e.type) ? 'symmetric' : '',
          look.classes,
        ]
          .filter(Boolean)
          .join(' ');
        elements.push({
          group: 'edges',
          data: {
            id: `e${e.id}`,
            relationId: e.id,
            source: `n${e.source}`,
            target: `n${e.target}`,
            type: e.type,
            colour: relationColour(e.type),
            label: look.label,
            sources: e.sources,
          },
          classes,
        });
      }
      // An earlier load may still hold a batch open while its layout is being superseded. Adding
      // inside it would lose these elements' styles: cytoscape keeps the batch's restyle list by id,
      // and the removed elements of the same ids already fill those places. Its batch closes as soon
      // as its superseded layout settles.
      for (let waits = 0; (cy as unknown as { batching(): boolean }).batching() && waits < 200; waits++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      if (dataRef.current !== data) return; // a newer load took over meanwhile
      cy.startBatch();
      try {
        cy.elements().remove();
        cy.add(elements);
        if (layoutRun) {
          // (Styles are computed at the first draw: endBatch marks what the batch added as dirty, and
          // the renderer needs that notice, so they cannot usefully be computed here.)
          laidOut = await layoutRun;
          if (dataRef.current !== data) return; // a newer load took over
          if (laidOut) {
            const positions = positionsRef.current;
            cy.nodes().forEach((node) => {
              const p = positions.get(node.data('entityId') as number);
              if (p) node.position({ x: p.x, y: p.y });
            });
            view.loopEdges = loopEdgesRef.current;
            if (view.layoutName === 'lineage' && view.loopEdges.length) {
              const loopSet = new Set(view.loopEdges);
              cy.edges().forEach(
                (e) => void e.toggleClass('loop', loopSet.has(e.data('relationId') as number)),
              );
            }
          }
        }
      } finally {
        cy.endBatch();
      }
      appliedLook.current = { data, filters: filtersRef.current, ...view };
      if (laidOut) {
        cy.fit(cy.nodes().not('.hidden'), 24);
        fittedOnce.current = true;
        positionsApplied.current = data;
        statsRef.current.marks.applied = performance.now();
        statsRef.current.applyMs =
          statsRef.current.marks.applied -
          (statsRef.current.marks.layoutEnd ?? statsRef.current.marks.applied);
        let done = false;
        const drawn = () => {
          if (done) return;
          done = true;
          statsRef.current.marks.drawn = performance.now();
          statsRef.current.layoutRuns++;
          statsRef.current.busy = false;
        };
        cy.one('render', drawn);
        setTimeout(drawn, 2000); // a hidden pane never draws
      }
      statsRef.current.marks.added = performance.now();
      setDataVersion((v) => v + 1);
    } catch (error) {
      statsRef.current.busy = false;
      if (error instanceof TooLargeToDraw) {
        cyRef.current?.elements().remove();
        setStatus(error.message);
        return;
      }
      setStatus('The graph could not be loaded. Reopen the case, or see the message at the bottom right.');
      reportError(error, 'graph:get');
    }
  }, [ensureCy]);

  useEffect(() => {
    void reload();
    // Re-read after writes to the case data (not after our own position saves: settings).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onTablesChanged(CASE_DATA, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 150);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [reload]);

  useEffect(() => {
    workersRef.current = new GraphWorkers();
    return () => {
      workersRef.current?.dispose();
      edgeLayerRef.current?.destroy();
      edgeLayerRef.current = null;
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, []);

  // ---- visibility and labels ---------------------------------------------------------------------
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const view: EdgeView = { edgeLabels, grades, layoutName, loopEdges: loopEdgesRef.current };
    const a = appliedLook.current;
    if (
      a &&
      a.data === dataRef.current &&
      a.filters === filters &&
      a.edgeLabels === edgeLabels &&
      a.grades === grades &&
      a.layoutName === layoutName &&
      a.loopEdges === view.loopEdges
    )
      return; // the elements were built this way
    appliedLook.current = { data: dataRef.current, filters, ...view };
    const byId = new Map(dataRef.current.edges.map((e) => [e.id, e]));
    const loops = new Set(view.loopEdges);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('hidden', !visible.nodeIds.has(n.data('entityId') as number));
      });
      cy.edges().forEach((e) => {
        const relation = byId.get(e.data('relationId') as number)!;
        const look = edgeLook(relation, visible.edgeIds.has(relation.id), view, loops);
        e.toggleClass('hidden', look.hidden);
        e.toggleClass('loop', look.loop);
        e.toggleClass('aside', look.aside);
        if (e.data('label') !== look.label) e.data('label', look.label);
      });
    });
  }, [visible, edgeLabels, grades, layoutName, dataVersion, filters]);

  // ---- layout ------------------------------------------------------------------------------------
  const savePositions = useCallback(
    (layout: GraphLayoutName, entries: [number, number, number][], merge: boolean) => {
      if (!entries.length) return;
      call('graph:savePositions', { layout, positions: entries, merge }).catch((error) =>
        reportError(error, 'graph:savePositions'),
      );
    },
    [],
  );

  /**
   * Runs a layout in the worker and keeps its positions. With `apply` (a re-layout) they are set on
   * the drawn elements at once; without (a fresh load) the caller builds the elements with them.
   * Resolves whether positions came back.
   */
  const runLayout = useCallback(
    async (name: GraphLayoutName, visible: VisibleGraph, apply = true): Promise<boolean> => {
      const workers = workersRef.current;
      if (!workers) return false;
      const large = !!largeRef.current;
      const nodes: LayoutNode[] = [];
      const names = new Map(dataRef.current.nodes.map((n) => [n.id, n]));
      const edges = dataRef.current.edges
        .filter((e) => visible.edgeIds.has(e.id))
        .map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type, start: e.start }));
      // A big graph shows labels only close up (style.ts), so its nodes are kept apart by their own
      // size — by degree, as drawn until centrality arrives — not by their label boxes.
      const degree = new Map<number, number>();
      if (large) {
        for (const e of edges) {
          degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
          degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
        }
      }
      let maxDegree = 0;
      for (const d of degree.values()) maxDegree = Math.max(maxDegree, d);
      for (const id of visible.nodeIds) {
        const node = names.get(id)!;
        const size =
          MIN_NODE_SIZE +
          (maxDegree ? Math.sqrt((degree.get(id) ?? 0) / maxDegree) : 0) * (MAX_NODE_SIZE - MIN_NODE_SIZE) +
          8;
        nodes.push({
          id,
          ...(large ? { w: size, h: size } : labelBox(node.name, true)),
          weight: metricsRef.current.get(id)?.pagerank ?? 0,
          sortKey: `${node.type}\u0000${node.name.toLowerCase()}`,
        });
      }
      statsRef.current.busy = true;
      setStatus(
        `Laying out ${nodes.length.toLocaleString()} entities (${LAYOUT_LABELS[name].toLowerCase()})…`,
      );
      try {
        statsRef.current.marks.layoutStart = performance.now();
        layoutInFlight.current = true;
        const { result, ms } = await workers.layout(name, { nodes, edges });
        layoutInFlight.current = false;
        statsRef.current.marks.layoutEnd = performance.now();
        statsRef.current.layoutMs = ms;
        const applyStart = performance.now();
        const positions = positionsRef.current;
        nodes.forEach((n, i) =>
          positions.set(n.id, { x: result.positions[i * 2]!, y: result.positions[i * 2 + 1]! }),
        );
        loopEdgesRef.current = result.loopEdges;
        const loops = result.loopEdges.length;
        setStatus(
          loops
            ? `${loops} relation${loops === 1 ? '' : 's'} close${loops === 1 ? 's' : ''} a loop (a group rejoining one it came from) and point${loops === 1 ? 's' : ''} backwards, drawn dotted.`
            : '',
        );
        savePositions(
          name,
          nodes.map((n) => [n.id, positions.get(n.id)!.x, positions.get(n.id)!.y]),
          false,
        );
        if (!apply) return true;
        const cy = cyRef.current;
        if (!cy) return true;
        applyPositions(cy, positions);
        statsRef.current.applyMs = performance.now() - applyStart;
        statsRef.current.marks.applied = performance.now();
        statsRef.current.layoutRuns++;
        const loopSet = new Set(result.loopEdges);
        cy.batch(() =>
          cy
            .edges()
            .forEach(
              (e) =>
                void e.toggleClass('loop', name === 'lineage' && loopSet.has(e.data('relationId') as number)),
            ),
        );
        statsRef.current.busy = false;
        return true;
      } catch (error) {
        if (error instanceof Superseded) return false;
        layoutInFlight.current = false;
        statsRef.current.busy = false;
        setStatus(`The layout failed (${(error as Error).message}). Try another layout.`);
        return false;
      }
    },
    [savePositions],
  );

  runLayoutRef.current = runLayout;

  // Lay out when asked, or when visible nodes have no position yet; otherwise keep positions stable.
  const lastLayoutRequest = useRef(0);
  const layoutInFlight = useRef(false);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || dataVersion === 0) return;
    const missing = [...visible.nodeIds].filter((id) => !positionsRef.current.has(id));
    if (
      layoutRequest !== lastLayoutRequest.current ||
      (!layoutInFlight.current && missing.length > Math.max(2, visible.nodeIds.size * 0.1))
    ) {
      lastLayoutRequest.current = layoutRequest;
      void runLayout(layoutName, visible);
      return;
    }
    if (layoutInFlight.current) return;
    if (missing.length) placeNearNeighbours(missing, dataRef.current, positionsRef.current);
    const fresh = positionsApplied.current === dataRef.current && !missing.length;
    positionsApplied.current = null;
    if (fresh) return; // the elements were just built with these positions, and fitted
    applyPositions(cy, positionsRef.current, !fittedOnce.current || missing.length > 0);
    fittedOnce.current = true;
    statsRef.current.busy = false;
    setStatus('');
    // runLayout changes with the visible set; only the listed triggers should start a layout.
  }, [dataVersion, visible, layoutRequest]); // eslint-disable-line react-hooks/exhaustive-deps

  const chooseLayout = (name: GraphLayoutName) => {
    setLayoutName(name);
    setLayoutRequest((n) => n + 1);
  };

  // ---- centrality --------------------------------------------------------------------------------
  const resizeRef = useRef<Resize>(NO_RESIZE);
  const sizeByRef = useRef(sizeBy);
  sizeByRef.current = sizeBy;
  /** Sizes the nodes, stopping a big graph's resize still under way. */
  const resize = (metrics: ReadonlyMap<number, EntityMetrics>, by: SizeBy) => {
    resizeRef.current.stop();
    resizeRef.current = applySizes(cyRef.current, !!cyLarge.current, metrics, by);
  };
  useEffect(() => () => resizeRef.current.stop(), []);
  // The image shows every node at its size: a big graph's resize still under way is finished first.
  useEffect(() => {
    if (exporting) resizeRef.current.finish();
  }, [exporting]);
  useEffect(() => {
    const workers = workersRef.current;
    if (!workers || dataVersion === 0) return;
    const nodes = [...visible.nodeIds];
    const edges = dataRef.current.edges
      .filter((e) => visible.edgeIds.has(e.id))
      .map((e) => ({ source: e.source, target: e.target, type: e.type }));
    let timer: ReturnType<typeof setTimeout>;
    // Two cores: let a running layout finish before centrality competes with it.
    const start = () => {
      if (statsRef.current.busy) {
        timer = setTimeout(start, 150);
        return;
      }
      workers
        .metrics({ nodes, edges })
        .then(({ result, ms }) => {
          statsRef.current.metricsMs = ms;
          const byId = new Map<number, EntityMetrics>();
          nodes.forEach((id, i) =>
            byId.set(id, {
              degree: result.degree[i]!,
              betweenness: result.betweenness ? result.betweenness[i]! : null,
              pagerank: result.pagerank[i]!,
            }),
          );
          metricsRef.current = byId;
          const window =
            filters.from !== null || filters.to !== null
              ? `${filters.from ?? '…'}–${filters.to ?? '…'}`
              : 'all years';
          setMetrics(byId, `visible graph, ${window}, ${nodes.length.toLocaleString()} entities`);
          setDataVersion((v) => v); // no-op; sizes applied below
          resize(byId, sizeByRef.current); // as chosen now, not when this effect started
        })
        .catch((error) => {
          if (!(error instanceof Superseded))
            setStatus(`Centrality could not be computed (${(error as Error).message}).`);
        });
    };
    timer = setTimeout(start, 120);
    return () => clearTimeout(timer);
  }, [visible, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => resize(metricsRef.current, sizeBy), [sizeBy]);

  // ---- selection ---------------------------------------------------------------------------------
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    let queued = false;
    const publish = () => {
      if (applyingSelection.current || queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        const selected = cy.$(':selected');
        setSelectedCount(selected.nodes().length);
        select({
          entityIds: selected.nodes().map((n) => n.data('entityId') as number),
          relationIds: selected.edges().map((e) => e.data('relationId') as number),
          origin: 'graph',
        });
        describeSelection(cy, dataRef.current, setInfo);
      });
    };
    const onDragFree = (event: cytoscape.EventObject) => {
      const moved = event.target.union(cy.$('node:selected'));
      const entries: [number, number, number][] = moved.map((n: cytoscape.NodeSingular) => {
        const p = n.position();
        positionsRef.current.set(n.data('entityId') as number, { x: p.x, y: p.y });
        return [n.data('entityId') as number, p.x, p.y];
      });
      savePositions(layoutName, entries, true);
    };
    const onOpen = (event: cytoscape.EventObject) => {
      select({ entityIds: [event.target.data('entityId') as number], origin: 'graph' });
      if (!runCommand('entity:open')) runCommand('view:panel');
    };
    cy.on('select unselect', publish);
    cy.on('dragfree', 'node', onDragFree);
    cy.on('dbltap', 'node', onOpen);
    return () => {
      cy.off('select unselect', publish);
      cy.off('dragfree', 'node', onDragFree);
      cy.off('dbltap', 'node', onOpen);
    };
  }, [dataVersion, layoutName, savePositions]);

  useEffect(() => {
    const apply = () => {
      const cy = cyRef.current;
      const selection = selectionStore.get();
      if (!cy || selection.origin === 'graph') return;
      const wanted = new Set(selection.entityIds.map((id) => `n${id}`));
      for (const id of selection.relationIds) wanted.add(`e${id}`);
      applyingSelection.current = true;
      cy.batch(() => {
        cy.$(':selected').forEach((el) => void (wanted.has(el.id()) || el.unselect()));
        for (const id of wanted) cy.getElementById(id).select();
      });
      applyingSelection.current = false;
      const nodes = cy.nodes(':selected').not('.hidden');
      setSelectedCount(nodes.length);
      describeSelection(cy, dataRef.current, setInfo);
      if (nodes.length && !nodes.some((n) => isInView(cy, n as cytoscape.NodeSingular)))
        cy.animate({ center: { eles: nodes }, duration: 250 });
    };
    apply();
    const unsubscribe = selectionStore.subscribe(apply);
    return () => void unsubscribe();
  }, [dataVersion]);

  // ---- analysis tools ----------------------------------------------------------------------------
  const visibleEdges = () => dataRef.current.edges.filter((e) => visible.edgeIds.has(e.id));

  const showNeighbourhood = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const start = cy.nodes(':selected').map((n) => n.data('entityId') as number);
    if (!start.length) return setInfo('Select one or more entities first, then show their neighbourhood.');
    const keep = neighbourhood(start, visibleEdges(), hops);
    highlight(
      cy,
      (id) => keep.has(id),
      (e) => keep.has(e.source) && keep.has(e.target),
    );
    setInfo(
      `${keep.size - start.length} entities within ${hops} step${hops === 1 ? '' : 's'} of the selection.`,
    );
  };

  const showPath = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const ends = cy.nodes(':selected').map((n) => n.data('entityId') as number);
    if (ends.length !== 2)
      return setInfo('Select exactly two entities (Ctrl+click) to find the shortest path between them.');
    const path = shortestPath(ends[0]!, ends[1]!, visibleEdges());
    const name = (id: number) => dataRef.current.nodes.find((n) => n.id === id)?.name ?? '?';
    if (!path)
      return setInfo(`No path links ${name(ends[0]!)} and ${name(ends[1]!)} in the graph as filtered.`);
    const onPath = new Set(path.nodes);
    const pathEdges = new Set(path.edges);
    highlight(
      cy,
      (id) => onPath.has(id),
      (e) => pathEdges.has(e.id),
      true,
    );
    setInfo(
      `Shortest path, ${path.edges.length} step${path.edges.length === 1 ? '' : 's'}: ${path.nodes.map(name).join(' → ')}`,
    );
  };

  const clearHighlight = () => {
    cyRef.current?.elements().removeClass('faded path');
    setInfo('');
  };

  const jumpTo = (text: string) => {
    const cy = cyRef.current;
    const query = normalizeName(text);
    if (!cy || !query) return;
    const nodes = dataRef.current.nodes;
    const names = (n: (typeof nodes)[number]) => [n.name, ...n.aliases].map(normalizeName);
    const found =
      nodes.find((n) => names(n).includes(query)) ??
      nodes.find((n) => names(n).some((s) => s.startsWith(query))) ??
      nodes.find((n) => names(n).some((s) => s.includes(query)));
    if (!found) return setInfo(`No entity is called “${text}”.`);
    if (!visible.nodeIds.has(found.id))
      return setInfo(`${found.name} is hidden by the current filters or time window.`);
    const node = cy.getElementById(`n${found.id}`);
    cy.$(':selected').unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1), duration: 250 });
  };

  // ---- export ------------------------------------------------------------------------------------
  useEffect(
    () =>
      registerCommands([
        { id: 'export:png', label: 'Export graph image (PNG)…', run: () => setExporting('png') },
        { id: 'export:svg', label: 'Export graph image (SVG)…', run: () => setExporting('svg') },
      ]),
    [],
  );

  // Cytoscape sizes its canvases to the container only on window resizes; the container also
  // changes when the pane is enlarged or the filters panel opens and closes (which left the graph
  // drawn into the old, smaller box, and clicks mapped to it).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // The view keeps its centre as the box changes (the filters panel opening takes part of it).
    const observer = new ResizeObserver(() => {
      const cy = cyRef.current;
      if (!cy) return;
      const before = { w: cy.width(), h: cy.height() };
      cy.resize();
      const dw = cy.width() - before.w;
      const dh = cy.height() - before.h;
      if (before.w > 0 && before.h > 0 && (dw || dh)) cy.panBy({ x: dw / 2, y: dh / 2 });
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  // ---- test hook (reads only) --------------------------------------------------------------------
  useEffect(
    () =>
      installTestHook({
        cy: () => cyRef.current,
        data: () => dataRef.current,
        layoutName: () => layoutName,
        loopEdges: () => loopEdgesRef.current,
        stats: () => statsRef.current,
        filters: () => filters,
        renderer: () => (largeRef.current && webgl ? 'webgl' : 'canvas'),
        metrics: () => metricsRef.current,
      }),
    [layoutName, filters, webgl],
  );

  const setFilter = (patch: Partial<GraphFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const toggleEntityType = (type: string, on: boolean) =>
    setFilter({
      entityTypes: on ? [...filters.entityTypes, type] : filters.entityTypes.filter((t) => t !== type),
    });
  const relationTypesShown = filters.relationTypes ?? RELATION_TYPE_NAMES;
  const toggleRelationType = (type: string, on: boolean) => {
    const next = on ? [...relationTypesShown, type] : relationTypesShown.filter((t) => t !== type);
    setFilter({ relationTypes: next.length === RELATION_TYPE_NAMES.length ? null : next });
  };
  const from = filters.from ?? years.min;
  const to = filters.to ?? years.max;
  const setWindow = (nextFrom: number, nextTo: number) =>
    setFilter({ from: nextFrom <= years.min ? null : nextFrom, to: nextTo >= years.max ? null : nextTo });
  const loopEdges = loopEdgesRef.current;
  const legend = useMemo(
    () =>
      legendMarks(dataRef.current.nodes, dataRef.current.edges, visible, loopEdges, layoutName === 'lineage'),
    [visible, loopEdges, layoutName],
  );
  const counts = `${visible.nodeIds.size.toLocaleString()} entities, ${visible.edgeIds.size.toLocaleString()} relations`;

  return (
    <div className={`graph${maximised ? ' maximised' : ''}`}>
      <div className="pane-toolbar graph-toolbar" role="toolbar" aria-label="Graph tools">
        <h2>Graph</h2>
        <label className="graph-field">
          <span className="sr-only">Layout</span>
          <select
            aria-label="Layout"
            value={layoutName}
            onChange={(e) => chooseLayout(e.target.value as GraphLayoutName)}
          >
            {GRAPH_LAYOUTS.map((name) => (
              <option key={name} value={name}>
                {LAYOUT_LABELS[name]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => setLayoutRequest((n) => n + 1)}
          title="Lay out the visible graph again"
        >
          Re-layout
        </button>
        <form
          className="graph-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            jumpTo(search);
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
          {dataRef.current.nodes.length <= 3000 &&
            dataRef.current.nodes
              .filter((n) => visible.nodeIds.has(n.id))
              .map((n) => <option key={n.id} value={n.name} />)}
        </datalist>
        <button type="button" onClick={() => setExporting('png')} title="Export the graph as PNG or SVG">
          Export image…
        </button>
        <button type="button" aria-expanded={moreOpen} onClick={() => setMoreOpen((o) => !o)}>
          Filters &amp; analysis
        </button>
        <button
          type="button"
          aria-pressed={maximised}
          onClick={() => setMaximised((m) => !m)}
          title="Give the graph the whole window"
        >
          {maximised ? 'Restore' : 'Enlarge'}
        </button>
      </div>
      <div className="graph-row" role="group" aria-label="Entity types">
        {ENTITY_TYPES.map((type) => (
          <label key={type} className="checkbox">
            <input
              type="checkbox"
              checked={filters.entityTypes.includes(type)}
              onChange={(e) => toggleEntityType(type, e.target.checked)}
            />
            <span className="swatch" style={{ background: entityStyle(type).colour }} aria-hidden="true" />
            {entityStyle(type).plural}
          </label>
        ))}
      </div>
      <div className="graph-row graph-time" role="group" aria-label="Time window">
        <label>
          From <output data-testid="graph-from">{from}</output>
          <input
            type="range"
            aria-label="From year"
            min={years.min}
            max={years.max}
            step={1}
            value={from}
            onChange={(e) => setWindow(Math.min(Number(e.target.value), to), to)}
          />
        </label>
        <label>
          To <output data-testid="graph-to">{to}</output>
          <input
            type="range"
            aria-label="To year"
            min={years.min}
            max={years.max}
            step={1}
            value={to}
            onChange={(e) => setWindow(from, Math.max(Number(e.target.value), from))}
          />
        </label>
        <button
          type="button"
          onClick={() => setFilter({ from: null, to: null })}
          disabled={filters.from === null && filters.to === null}
        >
          All years
        </button>
      </div>
      {moreOpen && (
        <div className="graph-more">
          <fieldset>
            <legend>Relation types</legend>
            <div className="graph-types">
              {RELATION_TYPE_NAMES.map((type) => (
                <label key={type} className="checkbox">
                  <input
                    type="checkbox"
                    checked={relationTypesShown.includes(type)}
                    onChange={(e) => toggleRelationType(type, e.target.checked)}
                  />
                  <span className="line" style={{ background: relationColour(type) }} aria-hidden="true" />
                  {relationReads(type)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Minimum grade</legend>
            <label>
              Source reliability{' '}
              <select
                value={filters.minReliability ?? ''}
                onChange={(e) => setFilter({ minReliability: e.target.value || null })}
              >
                <option value="">any</option>
                {RELIABILITY.map((r) => (
                  <option key={r} value={r}>
                    {r} or better
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              Credibility{' '}
              <select
                value={filters.minCredibility ?? ''}
                onChange={(e) =>
                  setFilter({ minCredibility: e.target.value ? Number(e.target.value) : null })
                }
              >
                <option value="">any</option>
                {[1, 2, 3, 4, 5, 6].map((c) => (
                  <option key={c} value={c}>
                    {c} or better
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>Show</legend>
            <label className="checkbox">
              <input type="checkbox" checked={edgeLabels} onChange={(e) => setEdgeLabels(e.target.checked)} />{' '}
              Relation labels
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={grades} onChange={(e) => setGrades(e.target.checked)} /> Grades
              (e.g. B2)
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={legendOpen} onChange={(e) => setLegendOpen(e.target.checked)} />{' '}
              Legend
            </label>
            <label>
              Node size by{' '}
              <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeBy)}>
                {(Object.keys(SIZE_LABELS) as SizeBy[]).map((k) => (
                  <option key={k} value={k}>
                    {SIZE_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>Analysis</legend>
            <label>
              Steps{' '}
              <select value={hops} onChange={(e) => setHops(Number(e.target.value))}>
                {[1, 2, 3].map((h) => (
                  <option key={h}>{h}</option>
                ))}
              </select>
            </label>{' '}
            <button type="button" onClick={showNeighbourhood} disabled={selectedCount === 0}>
              Neighbourhood
            </button>{' '}
            <button type="button" onClick={showPath} disabled={selectedCount !== 2}>
              Shortest path
            </button>{' '}
            <button type="button" onClick={clearHighlight}>
              Clear highlight
            </button>
          </fieldset>
        </div>
      )}
      <div className="graph-canvas-wrap">
        <div
          ref={containerRef}
          className="graph-canvas"
          data-testid="graph-canvas"
          aria-label={`Network graph: ${counts}`}
          role="img"
        />
        {legendOpen && <GraphLegend marks={legend} sizeBy={SIZE_LABELS[sizeBy]} />}
        {dataVersion > 0 && visible.nodeIds.size === 0 && (
          <p className="graph-empty-note muted">
            {dataRef.current.nodes.length === 0
              ? 'This case has no entities yet. Add some in the sheet.'
              : 'Nothing matches the filters and time window.'}
          </p>
        )}
      </div>
      <div className="graph-status" role="status" aria-live="polite">
        <span data-testid="graph-counts">{counts}</span>
        {status && <span>{status}</span>}
        {info && <span data-testid="graph-info">{info}</span>}
      </div>
      {exporting && cyRef.current && (
        <ExportDialog
          format={exporting}
          cy={cyRef.current}
          sources={sourcesRef.current}
          sizeMeaning={SIZE_LABELS[sizeBy]}
          onClose={() => setExporting(null)}
          onPng={(result) => (statsRef.current.lastExport = result)}
          straightEdges={!!cyLarge.current}
          edgeModel={() => edgeLayerRef.current?.currentModel() ?? null}
        />
      )}
    </div>
  );
}

function applyPositions(cy: Core, positions: Positions, fit = true): void {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = positions.get(n.data('entityId') as number);
      if (p) n.position({ x: p.x, y: p.y });
    });
  });
  if (fit) cy.fit(cy.nodes().not('.hidden'), 24);
}

function placeNearNeighbours(missing: number[], data: GraphData, positions: Positions): void {
  const neighbours = new Map<number, number[]>();
  for (const e of data.edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  let maxX = 0;
  for (const p of positions.values()) maxX = Math.max(maxX, p.x);
  missing.forEach((id, i) => {
    const known = (neighbours.get(id) ?? [])
      .map((n) => positions.get(n))
      .filter((p): p is { x: number; y: number } => !!p);
    if (known.length) {
      const x = known.reduce((s, p) => s + p.x, 0) / known.length;
      const y = known.reduce((s, p) => s + p.y, 0) / known.length;
      const a = (i * 2.399963) % (Math.PI * 2);
      positions.set(id, { x: x + Math.cos(a) * 90, y: y + Math.sin(a) * 90 });
    } else positions.set(id, { x: maxX + 160, y: i * 80 });
  });
}

/** Nodes resized per step when a big graph's sizes change (see applySizes). */
const SIZE_CHUNK = 500;

interface Resize {
  stop(): void;
  finish(): void;
}
const NO_RESIZE: Resize = { stop: () => undefined, finish: () => undefined };

/**
 * Sizes the nodes by `sizeBy`. A big graph is resized a chunk per idle slot: restyling all 20,000
 * nodes at once cost one frame of about 1.8 s (cytoscape restyling them and working out their
 * 80,000 edges' ends, the edge layer reading them again) — the window froze just as the graph
 * appeared. Returns how to stop a resize still under way, or to finish it at once (an export must
 * not catch the graph half resized).
 */
function applySizes(
  cy: Core | null,
  large: boolean,
  metrics: ReadonlyMap<number, EntityMetrics>,
  sizeBy: SizeBy,
): Resize {
  if (!cy) return NO_RESIZE;
  let max = 0;
  for (const m of metrics.values()) max = Math.max(max, m[sizeBy] ?? 0);
  const nodes = cy.nodes().toArray();
  let next = 0;
  const step = (count: number) =>
    cy.batch(() => {
      for (const end = Math.min(nodes.length, next + count); next < end; next++) {
        const n = nodes[next]!;
        if (n.removed()) continue;
        const value = metrics.get(n.data('entityId') as number)?.[sizeBy] ?? 0;
        n.data(
          'size',
          MIN_NODE_SIZE + (max > 0 ? Math.sqrt(value / max) : 0) * (MAX_NODE_SIZE - MIN_NODE_SIZE),
        );
      }
    });
  if (!large) {
    step(nodes.length);
    return NO_RESIZE;
  }
  let handle = 0;
  const run = () => {
    step(SIZE_CHUNK);
    if (next < nodes.length) handle = requestIdleCallback(run, { timeout: 200 });
  };
  handle = requestIdleCallback(run, { timeout: 200 });
  return {
    stop: () => cancelIdleCallback(handle),
    finish: () => {
      cancelIdleCallback(handle);
      step(nodes.length - next);
    },
  };
}

function highlight(
  cy: Core,
  keepNode: (id: number) => boolean,
  keepEdge: (e: { id: number; source: number; target: number }) => boolean,
  path = false,
): void {
  cy.batch(() => {
    cy.elements().removeClass('faded path');
    cy.nodes().forEach((n) => {
      const keep = keepNode(n.data('entityId') as number);
      n.toggleClass('faded', !keep);
      if (path && keep) n.addClass('path');
    });
    cy.edges().forEach((e) => {
      const keep = keepEdge({
        id: e.data('relationId') as number,
        source: e.source().data('entityId') as number,
        target: e.target().data('entityId') as number,
      });
      e.toggleClass('faded', !keep);
      if (path && keep) e.addClass('path');
    });
  });
}

function isInView(cy: Core, node: cytoscape.NodeSingular): boolean {
  const e = cy.extent();
  const p = node.position();
  return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
}

/** One line about the selection: a relation's dates, corroboration and grade (grades on demand). */
function describeSelection(cy: Core, data: GraphData, setInfo: (text: string) => void): void {
  const edges = cy.edges(':selected');
  const nodes = cy.nodes(':selected');
  if (edges.length === 1 && nodes.length === 0) {
    const id = edges[0]!.data('relationId') as number;
    const r = data.edges.find((e) => e.id === id);
    const name = (n: number) => data.nodes.find((x) => x.id === n)?.name ?? '?';
    if (!r) return setInfo('');
    const when = r.start || r.end ? `, ${r.start ?? '…'}–${r.end ?? ''}` : '';
    const grade = r.grade ? `best grade ${r.grade}` : 'no citation';
    setInfo(
      `${name(r.source)} ${relationReads(r.type)} ${name(r.target)}${when} — ${r.corroboration} source${r.corroboration === 1 ? '' : 's'}, ${grade}`,
    );
    return;
  }
  setInfo(nodes.length > 1 ? `${nodes.length} entities selected` : '');
}

interface EdgeView {
  edgeLabels: boolean;
  grades: boolean;
  layoutName: GraphLayoutName;
  loopEdges: number[];
}

/** How one relation is drawn in the current view: hidden, dotted (a loop), faint (aside), its label. */
function edgeLook(relation: GraphEdge, shown: boolean, view: EdgeView, loops: ReadonlySet<number>) {
  const lineage = view.layoutName === 'lineage';
  const loop = lineage && loops.has(relation.id);
  // The lineage view is about splits, mergers, successions and pledges; other relations stay faint.
  const aside = lineage && !lineageEnds(relation);
  let label =
    view.edgeLabels || view.grades ? edgeLabel(relation, { years: lineage, grade: view.grades }) : '';
  if (!view.edgeLabels && view.grades) label = relation.grade ?? '';
  const classes = [shown ? '' : 'hidden', loop ? 'loop' : '', aside ? 'aside' : ''].filter(Boolean).join(' ');
  return { hidden: !shown, loop, aside, label: aside ? '' : label, classes };
}
