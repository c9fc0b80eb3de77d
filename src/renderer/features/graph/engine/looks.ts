// How the drawn elements look in the current view: which are hidden, which relations are loops or
// set aside (lineage), their labels; and the headings a layout draws (lineage: the groups set apart).
import type { Core } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../../shared/ipc/graph/contract';
import { hasLifetime, isDated, lineageEnds, type GraphData, type GraphFilters } from '../model/graphData';
import { isSymmetric } from '../model/style';
import { edgeData, edgeLook, nodeData, type EdgeView } from './elements';
import type { GraphController } from './GraphController';

type Applied = EdgeView & { data: GraphData; filters: GraphFilters };

/** The heading over the groups the lineage layout sets apart. */
export const UNRELATED_HEADING = 'No lineage relation';
const HEADING = 'heading-unrelated';

export class Looks {
  /** Lineage: relations closing a loop, drawn dotted. */
  loopEdges: number[] = [];
  /** What the classes and labels were last worked out from, so an unchanged view is not redone. */
  private applied: Applied | null = null;

  constructor(private readonly c: GraphController) {}

  view(): EdgeView {
    const { edgeLabels, grades, layoutName } = this.c.getState();
    return { edgeLabels, grades, layoutName, loopEdges: this.loopEdges };
  }

  /** The elements were just built from this data and view. */
  built(data: GraphData, view: EdgeView): void {
    this.applied = { ...view, data, filters: this.c.getState().filters };
  }

  /** Every element's classes and label, from the data, the filters and the view. */
  apply(): void {
    const cy = this.c.cy;
    if (!cy) return;
    const view = this.view();
    const { data, visible } = this.c;
    const filters = this.c.getState().filters;
    const a = this.applied;
    if (
      a &&
      a.data === data &&
      a.filters === filters &&
      a.edgeLabels === view.edgeLabels &&
      a.grades === view.grades &&
      a.layoutName === view.layoutName &&
      a.loopEdges === view.loopEdges
    )
      return;
    this.applied = { ...view, data, filters };
    const byId = new Map(data.edges.map((e) => [e.id, e]));
    const loops = new Set(view.loopEdges);
    // Under a time window, what has no date of its own is drawn apart: hollow nodes, dotted lines.
    const windowed = filters.from !== null || filters.to !== null;
    const undatedNodes = new Set(windowed ? data.nodes.filter((n) => !hasLifetime(n)).map((n) => n.id) : []);
    cy.batch(() => {
      cy.nodes('[entityId]').forEach((n) => {
        const id = n.data('entityId') as number;
        n.toggleClass('hidden', !visible.nodeIds.has(id));
        n.toggleClass('undated', undatedNodes.has(id));
      });
      cy.edges().forEach((e) => {
        const relation = byId.get(e.data('relationId') as number);
        if (!relation) return;
        const look = edgeLook(relation, visible.edgeIds.has(relation.id), view, loops);
        e.toggleClass('hidden', look.hidden);
        e.toggleClass('loop', look.loop);
        e.toggleClass('aside', look.aside);
        e.toggleClass('undated', windowed && !isDated(relation));
        if (e.data('label') !== look.label) e.data('label', look.label);
      });
    });
    this.c.readability?.labels?.soon();
  }

  /**
   * The lineage layout's loops, drawn dotted. Only the relations whose state changes are touched:
   * a class set again on each of 80,000 relations restyled them all (seconds on a big graph).
   */
  setLoops(cy: Core, loopEdges: number[]): void {
    const lineage = this.c.getState().layoutName === 'lineage';
    const was = new Set(cy.edges('.loop').map((e) => e.data('relationId') as number));
    const now = new Set(lineage ? loopEdges : []);
    this.loopEdges = loopEdges;
    cy.batch(() => {
      for (const id of was) if (!now.has(id)) cy.getElementById(`e${id}`).removeClass('loop');
      for (const id of now) if (!was.has(id)) cy.getElementById(`e${id}`).addClass('loop');
    });
  }

  /**
   * Lineage: the heading over the groups with no lineage relation shown, which the layout sets
   * apart in a block of their own; it follows them (a reload, a dragged group). None otherwise.
   */
  placeHeading(cy: Core): void {
    const { data, visible } = this.c;
    const lineage = this.c.getState().layoutName === 'lineage';
    if (!lineage) {
      this.c.readability?.labels?.setFirst(new Set());
      return void cy.getElementById(HEADING).remove();
    }
    const related = new Set<number>();
    for (const e of data.edges) {
      if (!visible.edgeIds.has(e.id) || e.source === e.target || !lineageEnds(e)) continue;
      related.add(e.source);
      related.add(e.target);
    }
    this.c.readability?.labels?.setFirst(related);
    const apart = data.nodes.filter((n) => visible.nodeIds.has(n.id) && !related.has(n.id));
    const heading = cy.getElementById(HEADING);
    // Only when the family tree has something in it: otherwise every group stands apart.
    if (!apart.length || !related.size) return void heading.remove();
    const ids = new Set(apart.map((n) => n.id));
    const box = cy
      .nodes('[entityId]')
      .filter((n) => ids.has(n.data('entityId') as number))
      .boundingBox({ includeLabels: true });
    const label = `${UNRELATED_HEADING} (${apart.length})`;
    const position = { x: box.x1, y: box.y1 - 16 };
    if (heading.nonempty()) return void heading.data('label', label).position(position);
    this.c.readability?.labels?.added();
    cy.add({
      group: 'nodes',
      data: { id: HEADING, label },
      position,
      classes: 'heading',
      selectable: false,
      grabbable: false,
    });
  }

  /** A changed entity's data (its label: no relayout). */
  updateNode(cy: Core, node: GraphNode): void {
    cy.getElementById(`n${node.id}`).data(nodeData(node));
  }

  /** A changed relation's data and classes, as the view draws it. */
  updateEdge(cy: Core, edge: GraphEdge): void {
    const element = cy.getElementById(`e${edge.id}`);
    if (element.empty()) return;
    const look = edgeLook(edge, this.c.visible.edgeIds.has(edge.id), this.view(), new Set(this.loopEdges));
    element.data(edgeData(edge, look));
    element.toggleClass('single', edge.corroboration <= 1);
    element.toggleClass('symmetric', isSymmetric(edge.type));
    element.toggleClass('hidden', look.hidden);
    element.toggleClass('loop', look.loop);
    element.toggleClass('aside', look.aside);
  }
}
