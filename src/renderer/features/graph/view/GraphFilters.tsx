// What the graph shows: the entity types, the time window, and (in the Filters & analysis panel)
// relation types, grades, what is drawn, and the analysis tools.
import { useState } from 'react';
import { RELIABILITY } from '../../../../shared/vocab';
import { SIZE_LABELS, type GraphController, type GraphState, type SizeBy } from '../engine/GraphController';
import { entityStyle, relationColour } from '../model/style';
import { relationReads } from '../model/types';
import { CentralityPanel } from './CentralityPanel';

interface Props {
  controller: GraphController;
  state: GraphState;
}

export function EntityTypesRow({ controller, state }: Props) {
  const shown = state.filters.entityTypes;
  return (
    <div className="graph-row" role="group" aria-label="Entity types">
      {state.types.entityTypes.map(({ id: type }) => (
        <label key={type} className="checkbox">
          <input
            type="checkbox"
            checked={shown.includes(type)}
            onChange={(e) =>
              controller.setFilters({
                entityTypes: e.target.checked ? [...shown, type] : shown.filter((t) => t !== type),
              })
            }
          />
          <span className="swatch" style={{ background: entityStyle(type).colour }} aria-hidden="true" />
          {entityStyle(type).plural}
        </label>
      ))}
    </div>
  );
}

export function TimeWindowRow({ controller, state }: Props) {
  const { years, filters } = state;
  if (!years)
    return (
      <div className="graph-row graph-time muted" role="group" aria-label="Time window">
        No dates in this case yet: the time window appears once an entity or a relation is dated.
      </div>
    );
  const from = filters.from ?? years.min;
  const to = filters.to ?? years.max;
  const setWindow = (nextFrom: number, nextTo: number) =>
    controller.setFilters({
      from: nextFrom <= years.min ? null : nextFrom,
      to: nextTo >= years.max ? null : nextTo,
    });
  return (
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
        onClick={() => controller.setFilters({ from: null, to: null })}
        disabled={filters.from === null && filters.to === null}
      >
        All years
      </button>
      <label
        className="checkbox"
        title="Under a time window, whether entities and relations without dates still show (drawn hollow and dotted)"
      >
        <input
          type="checkbox"
          checked={filters.showUndated}
          onChange={(e) => controller.setFilters({ showUndated: e.target.checked })}
        />
        Undated
      </label>
    </div>
  );
}

export function AnalysisPanel({
  controller,
  state,
  legendOpen,
  onLegend,
}: Props & { legendOpen: boolean; onLegend: (on: boolean) => void }) {
  const { filters } = state;
  const [hops, setHops] = useState(1);
  const relationTypeIds = state.types.relationTypes.map((t) => t.id);
  const relationTypesShown = filters.relationTypes ?? relationTypeIds;
  const toggleRelationType = (type: string, on: boolean) => {
    const next = on ? [...relationTypesShown, type] : relationTypesShown.filter((t) => t !== type);
    const all = relationTypeIds.every((t) => next.includes(t));
    controller.setFilters({ relationTypes: all ? null : next });
  };
  return (
    <div className="graph-more">
      <fieldset>
        <legend>Relation types</legend>
        <div className="graph-types">
          {relationTypeIds.map((type) => (
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
            onChange={(e) => controller.setFilters({ minReliability: e.target.value || null })}
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
              controller.setFilters({ minCredibility: e.target.value ? Number(e.target.value) : null })
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
        <label
          className="checkbox"
          title="Shown on the relation under the pointer, on those of the selection, and when zoomed in"
        >
          <input
            type="checkbox"
            checked={state.edgeLabels}
            onChange={(e) => controller.setEdgeLabels(e.target.checked)}
          />{' '}
          Relation labels
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state.grades}
            onChange={(e) => controller.setGrades(e.target.checked)}
          />{' '}
          Grades (e.g. B2)
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={legendOpen} onChange={(e) => onLegend(e.target.checked)} /> Legend
        </label>
        <label>
          Node size by{' '}
          <select value={state.sizeBy} onChange={(e) => controller.setSizeBy(e.target.value as SizeBy)}>
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
        <button
          type="button"
          onClick={() => controller.showNeighbourhood(hops)}
          disabled={state.selectedCount === 0}
        >
          Neighbourhood
        </button>{' '}
        <button type="button" onClick={() => controller.showPath()} disabled={state.selectedCount !== 2}>
          Shortest path
        </button>{' '}
        <button type="button" onClick={() => controller.clearHighlight()}>
          Clear highlight
        </button>
      </fieldset>
      <CentralityPanel />
    </div>
  );
}
