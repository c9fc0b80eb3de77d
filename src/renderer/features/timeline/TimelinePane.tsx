// The timeline pane: the case's entities in time (groups by default), their lifetimes as bars and
// their relations as points or intervals. It shares the time window and the selection with the
// graph and the sheet, and exports PNG and SVG like the graph.
import { useEffect, useMemo, useRef, useState } from 'react';
import { GRAPH_PAGE_LIMIT, type GraphEdge, type GraphNode } from '../../../shared/ipc/graph/contract';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../../../shared/vocabulary';
import { attempt, call } from '../../lib/ipc';
import { saveFile } from '../../lib/platform';
import { select, selectionStore, useRevision } from '../../lib/store';
import { timeWindowStore, useTimeWindowFlags } from '../../lib/timeWindow';
import { buildTimeline, type TimelineModel } from './model';
import { TimelineController } from './TimelineController';
import './timeline.css';

declare global {
  interface Window {
    /** Test hook (e2e, bench): the mounted timeline. */
    __awTimeline?: TimelineController & {
      timelineModel: () => TimelineModel | null;
      /** performance.now() when the case was asked for, when it had arrived, and when it was drawn. */
      timing: { askedAt: number; dataAt: number; drawnAt: number };
    };
  }
}

async function loadCase(): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let afterNode = 0;
  let afterEdge = 0;
  for (;;) {
    const page = await call('graph:get', { afterNode, afterEdge, limit: GRAPH_PAGE_LIMIT });
    nodes.push(...page.nodes);
    edges.push(...page.edges);
    if (page.done) return { nodes, edges };
    afterNode = page.lastNode;
    afterEdge = page.lastEdge;
  }
}

const TIMELINE_TABLES = ['entity', 'relation', 'vocabulary'] as const;

const fileStem = (): string => `timeline ${new Date().toISOString().slice(0, 10)}`;

export function TimelinePane({ open, onOpen }: { open: boolean; onOpen: (open: boolean) => void }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  // Entities (lifetimes, names), relations (dates) and the case's types are what the timeline draws.
  const revision = useRevision(TIMELINE_TABLES);
  const [data, setData] = useState<{ nodes: GraphNode[]; edges: GraphEdge[] } | null>(null);
  const [vocabulary, setVocabulary] = useState<Vocabulary>(DEFAULT_VOCABULARY);
  const [types, setTypes] = useState<string[]>(['organization']);
  const [message, setMessage] = useState('');
  const time = useTimeWindowFlags();

  const timing = useRef({ askedAt: 0, dataAt: 0, drawnAt: 0 });
  useEffect(() => {
    let live = true;
    timing.current.askedAt = performance.now();
    void loadCase()
      .then((loaded) => {
        timing.current.dataAt = performance.now();
        if (live) setData(loaded);
      })
      .catch(
        (error: unknown) =>
          live && setMessage(`The timeline could not read the case (${(error as Error).message}).`),
      );
    void attempt('caseTypes:list', {}).then((v) => live && v && setVocabulary(v));
    return () => {
      live = false;
    };
  }, [revision]);

  const model = useMemo(() => (data ? buildTimeline(data.nodes, data.edges, types) : null), [data, types]);
  const look = useMemo(() => {
    const entity = new Map(vocabulary.entityTypes.map((t) => [t.id, t.colour]));
    const relation = new Map(vocabulary.relationTypes.map((t) => [t.id, t.colour]));
    return {
      entityColour: (type: string) => entity.get(type) ?? '#6b7280',
      relationColour: (type: string) => relation.get(type) ?? '#6b7280',
    };
  }, [vocabulary]);

  // The controller lives as long as the pane is open.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const controller = new TimelineController(host, look);
    controllerRef.current = controller;
    controller.onPick = (hit) => {
      if (!hit) return;
      if (hit.relationId !== null)
        select({ entityIds: [], relationIds: [hit.relationId], origin: 'timeline' });
      else select({ entityIds: [hit.entityId], origin: 'timeline' });
    };
    const applySelection = (): void => {
      const selection = selectionStore.get();
      controller.setSelection(new Set(selection.entityIds), new Set(selection.relationIds));
      if (selection.origin !== 'timeline' && selection.entityIds.length)
        controller.reveal(selection.entityIds[0]!);
    };
    applySelection();
    const unsubscribe = selectionStore.subscribe(applySelection);
    return () => {
      unsubscribe();
      controller.destroy();
      controllerRef.current = null;
      delete window.__awTimeline;
    };
    // The look is applied by the next effect; the controller is made once per opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => controllerRef.current?.setLook(look), [look]);
  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller || !model) return;
    controller.setModel(model);
    controller.draw();
    timing.current.drawnAt = performance.now();
    window.__awTimeline = Object.assign(controller, {
      timelineModel: () => model,
      timing: { ...timing.current },
    });
  }, [model, open]);

  const exportAs = async (format: 'png' | 'svg'): Promise<void> => {
    const controller = controllerRef.current;
    if (!controller) return;
    try {
      if (format === 'svg') await saveFile(`${fileStem()}.svg`, controller.exportSvg(), 'image/svg+xml');
      else await saveFile(`${fileStem()}.png`, await controller.exportPng(), 'image/png');
      setMessage('');
    } catch (error) {
      setMessage(`The timeline could not be exported: ${(error as Error).message}`);
    }
  };

  const dated = !!model?.extent;
  const shown = model?.rows.length ?? 0;
  if (!open)
    return (
      <div className="pane-toolbar timeline-toolbar" role="toolbar" aria-label="Timeline">
        <h2>Timeline</h2>
        <span className="spacer" />
        <button type="button" onClick={() => onOpen(true)}>
          Show timeline
        </button>
      </div>
    );
  return (
    <div className="timeline">
      <div className="pane-toolbar timeline-toolbar" role="toolbar" aria-label="Timeline">
        <h2>Timeline</h2>
        <div className="timeline-types" role="group" aria-label="Rows of the timeline">
          {vocabulary.entityTypes.map((t) => (
            <label key={t.id} className="checkbox">
              <input
                type="checkbox"
                checked={types.includes(t.id)}
                onChange={(e) =>
                  setTypes((current) =>
                    e.target.checked ? [...current, t.id] : current.filter((x) => x !== t.id),
                  )
                }
              />
              {t.plural}
            </label>
          ))}
        </div>
        <span className="muted" data-testid="timeline-count">
          {model
            ? `${shown.toLocaleString('en-US')} ${shown === 1 ? 'row' : 'rows'}, ${model.items.length.toLocaleString('en-US')} dated relations${model.undatedRelations ? ` (${model.undatedRelations.toLocaleString('en-US')} undated not placed)` : ''}`
            : '…'}
        </span>
        <span className="spacer" />
        <label
          className="checkbox"
          title="Whether entities and relations without dates stay in the graph under a time window"
        >
          <input
            type="checkbox"
            checked={time.showUndated}
            onChange={(e) => timeWindowStore.set({ showUndated: e.target.checked, origin: 'timeline' })}
          />
          Show undated
        </label>
        <button
          type="button"
          disabled={!dated || !time.windowed}
          onClick={() => timeWindowStore.set({ window: null, origin: 'timeline-reset' })}
          title="Show every date of the case and lift the time window"
        >
          All dates
        </button>
        <button type="button" disabled={!dated} onClick={() => void exportAs('png')}>
          Export PNG
        </button>
        <button type="button" disabled={!dated} onClick={() => void exportAs('svg')}>
          Export SVG
        </button>
        <button type="button" onClick={() => onOpen(false)} title="Fold the timeline to its title bar">
          Hide
        </button>
      </div>
      {message && (
        <p className="timeline-message" role="alert">
          {message}
        </p>
      )}
      {model && !dated && (
        <p className="muted timeline-empty">
          Nothing in this case is dated yet. Give an entity an Active from or Active to date, or a relation a
          start date, and it appears here.
        </p>
      )}
      <div
        className="timeline-host"
        ref={hostRef}
        hidden={!dated}
        title="Drag to move in time; Ctrl + wheel to zoom; wheel to scroll the rows"
      />
    </div>
  );
}
