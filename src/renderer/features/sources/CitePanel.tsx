// What the reader offers for a selected passage: cite it for an existing entity or relation, or make
// a new entity from it; both attach the citation with a credibility digit.
import { useEffect, useState } from 'react';
import { CITED_FIELD_TEXT, FIELDS_OF, type CitedField } from '../../../shared/model';
import { ENTITY_TYPES, relationReads, type EntityType } from '../../../shared/vocab';
import { attempt } from '../../lib/ipc';
import { select } from '../../lib/store';

export const CREDIBILITY_TEXT: Record<number, string> = {
  1: 'Confirmed',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Cannot be judged',
};

export interface Passage {
  quote: string;
  start: number;
}

interface Target {
  kind: 'entity' | 'relation';
  id: number;
  label: string;
}

function CredibilitySelect({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <label>
      Credibility
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} aria-label="Credibility">
        {[1, 2, 3, 4, 5, 6].map((n) => (
          <option key={n} value={n}>
            {n} — {CREDIBILITY_TEXT[n]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What the passage states about its subject: the subject as a whole, or one of its dates. */
function FieldSelect({
  kind,
  value,
  onChange,
}: {
  kind: 'entity' | 'relation';
  value: CitedField | null;
  onChange: (field: CitedField | null) => void;
}) {
  return (
    <label>
      It states
      <select
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || null) as CitedField | null)}
        aria-label="What the passage states"
      >
        <option value="">{kind === 'entity' ? 'the entity as a whole' : 'the relation as a whole'}</option>
        {FIELDS_OF[kind].map((f) => (
          <option key={f} value={f}>
            its {CITED_FIELD_TEXT[f]}
          </option>
        ))}
      </select>
    </label>
  );
}

function useTargets(query: string): Target[] {
  const [targets, setTargets] = useState<Target[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const quick = query.trim() || undefined;
      const [entities, relations] = await Promise.all([
        attempt('entities:list', { offset: 0, limit: 8, quick, sort: [{ column: 'name', dir: 'asc' }] }),
        attempt('relations:list', { offset: 0, limit: 8, quick }),
      ]);
      if (!live) return;
      setTargets([
        ...(entities?.rows ?? []).map((e): Target => ({
          kind: 'entity',
          id: e.id,
          label: `${e.name} (${e.type})`,
        })),
        ...(relations?.rows ?? []).map((r): Target => ({
          kind: 'relation',
          id: r.id,
          label: `${r.sourceName} ${relationReads(r.type)} ${r.targetName}`,
        })),
      ]);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return targets;
}

export function CitePanel({
  sourceId,
  passage,
  onDone,
}: {
  sourceId: number;
  passage: Passage;
  onDone: (message: string) => void;
}) {
  const [mode, setMode] = useState<'choose' | 'cite' | 'new'>('choose');
  const [credibility, setCredibility] = useState(2);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [field, setField] = useState<CitedField | null>(null);
  const [name, setName] = useState(passage.quote.trim().slice(0, 500));
  const [type, setType] = useState<EntityType>('organization');
  const targets = useTargets(mode === 'cite' ? query : '');
  const preview = passage.quote.length > 220 ? `${passage.quote.slice(0, 220)}…` : passage.quote;

  const cite = async (): Promise<void> => {
    if (!target) return;
    const result = await attempt('citations:create', {
      sourceId,
      quote: passage.quote,
      start: passage.start,
      credibility,
      subject: { kind: target.kind, id: target.id },
      field,
    });
    if (!result) return;
    const extra =
      result.corroboration !== null
        ? ` Corroboration now ${result.corroboration}, grade ${result.grade}.`
        : '';
    const what = result.field ? `the ${CITED_FIELD_TEXT[result.field]} of ` : '';
    onDone(`Cited for ${what}“${result.subjectLabel}”.${extra}`);
  };
  const create = async (): Promise<void> => {
    const result = await attempt('citations:createEntity', {
      sourceId,
      quote: passage.quote,
      start: passage.start,
      credibility,
      entity: { type, name },
    });
    if (!result) return;
    select({ entityIds: [result.entityId], origin: 'reader' });
    onDone(`Added “${result.citation.subjectLabel}” with this passage cited.`);
  };

  return (
    <div className="cite-panel" role="group" aria-label="Selected passage">
      <h4>Selected passage</h4>
      <blockquote className="quote-preview">{preview}</blockquote>
      {mode === 'choose' && (
        <div className="cite-actions">
          <button type="button" className="primary" onClick={() => setMode('cite')}>
            Cite for…
          </button>
          <button type="button" onClick={() => setMode('new')}>
            New entity from selection
          </button>
        </div>
      )}
      {mode === 'cite' && (
        <form
          className="cite-form"
          aria-label="Cite for"
          onSubmit={(e) => {
            e.preventDefault();
            void cite();
          }}
        >
          <label>
            Entity or relation
            <input
              autoFocus
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Type a name…"
              aria-label="Find an entity or relation"
            />
          </label>
          <ul className="target-list" aria-label="Entities and relations">
            {targets.map((t) => (
              <li key={`${t.kind}:${t.id}`}>
                <button
                  type="button"
                  aria-pressed={target?.kind === t.kind && target.id === t.id}
                  onClick={() => {
                    if (t.kind !== target?.kind) setField(null);
                    setTarget(t);
                  }}
                  title={t.kind === 'relation' ? 'Relation' : 'Entity'}
                >
                  <span className="badge">{t.kind === 'relation' ? 'rel' : 'ent'}</span> {t.label}
                </button>
              </li>
            ))}
            {targets.length === 0 && <li className="muted">Nothing matches; try another name.</li>}
          </ul>
          {target && <FieldSelect kind={target.kind} value={field} onChange={setField} />}
          <CredibilitySelect value={credibility} onChange={setCredibility} />
          <div className="cite-actions">
            <button type="submit" className="primary" disabled={!target}>
              {target
                ? `Cite for ${target.label.length > 40 ? `${target.label.slice(0, 40)}…` : target.label}`
                : 'Choose what it supports'}
            </button>
            <button type="button" onClick={() => setMode('choose')}>
              Back
            </button>
          </div>
        </form>
      )}
      {mode === 'new' && (
        <form
          className="cite-form"
          aria-label="New entity from selection"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label>
            Name
            <input autoFocus value={name} maxLength={500} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <CredibilitySelect value={credibility} onChange={setCredibility} />
          <div className="cite-actions">
            <button type="submit" className="primary" disabled={!name.trim()}>
              Add entity and cite
            </button>
            <button type="button" onClick={() => setMode('choose')}>
              Back
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
