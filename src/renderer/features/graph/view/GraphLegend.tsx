// The legend, in a band under the graph (never over it, so it hides no node): every entity type
// and relation type on screen, dashed and dotted lines, notes, node size. It folds to one line and
// stays folded or open as the analyst last left it.
import { useState } from 'react';
import type { LegendMarks } from '../engine/legend';
import { entityStyle, relationColour } from '../model/style';
import { relationReads } from '../model/types';

interface Props {
  marks: LegendMarks;
  sizeBy: string;
}

const FOLDED = 'aw.graph.legendFolded';

function remembered(): boolean {
  try {
    return localStorage.getItem(FOLDED) === '1';
  } catch {
    return false;
  }
}

export function GraphLegend({ marks, sizeBy }: Props) {
  const { entityTypes, relationTypes, dashed, loops } = marks;
  const [folded, setFolded] = useState(remembered);
  const toggled = (open: boolean) => {
    setFolded(!open);
    try {
      localStorage.setItem(FOLDED, open ? '0' : '1');
    } catch {
      // Not remembered where storage is refused; the legend still folds.
    }
  };
  return (
    <details
      className="graph-legend"
      data-testid="graph-legend"
      open={!folded}
      onToggle={(e) => toggled(e.currentTarget.open)}
    >
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
