// The legend over the graph: every entity type and relation type on screen, dashed lines, node size.
import { relationReads } from '../../../shared/vocab';
import { entityStyle, relationColour } from './style';

export interface LegendMarks {
  entityTypes: string[];
  relationTypes: string[];
  /** Some relation on screen rests on one source (drawn dashed). */
  dashed: boolean;
  /** Some relation on screen closes a lineage loop (drawn dotted). */
  loops: boolean;
  /** Some entity on screen has notes (drawn with a double purple outline). */
  notes: boolean;
}

interface Props {
  marks: LegendMarks;
  sizeBy: string;
}

/** What the legend lists, from the visible graph's data (not by reading 100,000 drawn elements). */
export function legendMarks(
  nodes: readonly { id: number; type: string; notes?: number }[],
  edges: readonly { id: number; type: string; corroboration: number }[],
  visible: { nodeIds: ReadonlySet<number>; edgeIds: ReadonlySet<number> },
  loopEdges: readonly number[],
  lineage: boolean,
): LegendMarks {
  const entityTypes = new Set<string>();
  let notes = false;
  for (const n of nodes) {
    if (!visible.nodeIds.has(n.id)) continue;
    entityTypes.add(n.type);
    if ((n.notes ?? 0) > 0) notes = true;
  }
  const relationTypes = new Set<string>();
  let dashed = false;
  for (const e of edges) {
    if (!visible.edgeIds.has(e.id)) continue;
    relationTypes.add(e.type);
    if (e.corroboration <= 1) dashed = true;
  }
  const loops = lineage && loopEdges.some((id) => visible.edgeIds.has(id));
  return {
    entityTypes: [...entityTypes].sort(),
    relationTypes: [...relationTypes].sort(),
    dashed,
    loops,
    notes,
  };
}

export function GraphLegend({ marks, sizeBy }: Props) {
  const { entityTypes, relationTypes, dashed, loops } = marks;
  return (
    <details className="graph-legend" open>
      <summary>Legend</summary>
      <ul>
        {entityTypes.map((t) => (
          <li key={t}>
            <span
              className={`mark shape-${entityStyle(t).shape}`}
              style={{ background: entityStyle(t).colour }}
              aria-hidden="true"
            />
            {entityStyle(t).plural}
          </li>
        ))}
        {relationTypes.map((t) => (
          <li key={t}>
            <span className="line" style={{ background: relationColour(t) }} aria-hidden="true" />
            {relationReads(t)}
          </li>
        ))}
        {dashed && (
          <li>
            <span className="line dashed" aria-hidden="true" />
            one source only
          </li>
        )}
        {marks.notes && (
          <li>
            <span className="swatch has-notes" aria-hidden="true" />
            has notes
          </li>
        )}
        {loops && (
          <li>
            <span className="line dotted" aria-hidden="true" />
            rejoins an earlier group
          </li>
        )}
        <li>
          <span className="mark sizes" aria-hidden="true" />
          size: {sizeBy}
        </li>
      </ul>
    </details>
  );
}
