// The legend over the graph: every entity type and relation type on screen, dashed lines, node size.
import type { Core } from 'cytoscape';
import type { RefObject } from 'react';
import { relationReads } from '../../../shared/vocab';
import { entityStyle, relationColour } from './style';

interface Props {
  cy: RefObject<Core | null>;
  /** Changes whenever what is visible changes, so the legend re-reads. */
  version: string;
  sizeBy: string;
}

export function GraphLegend({ cy, sizeBy }: Props) {
  const instance = cy.current;
  if (!instance) return null;
  const nodes = instance.nodes().not('.hidden');
  const edges = instance.edges().not('.hidden');
  const entityTypes = [...new Set(nodes.map((n) => String(n.data('type'))))].sort();
  const relationTypes = [...new Set(edges.map((e) => String(e.data('type'))))].sort();
  const dashed = edges.filter('.single').nonempty();
  const loops = edges.filter('.loop').nonempty();
  return (
    <details className="graph-legend" open>
      <summary>Legend</summary>
      <ul>
        {entityTypes.map((t) => (
          <li key={t}>
            <span className={`mark shape-${entityStyle(t).shape}`} style={{ background: entityStyle(t).colour }} aria-hidden="true" />
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
