// The review pane: what assisted extraction proposes for one document, by kind, each with its
// passage in context. Nothing enters the case until the analyst accepts it (as it is, edited, or all
// of a kind); a batch of decisions is one undo step, and a rejection is remembered.
import { useEffect, useMemo, useState } from 'react';
import type {
  ReviewDecision,
  Suggestion,
  SuggestionEdit,
  SuggestionKind,
} from '../../../shared/ipc/sources/contract';
import type { SearchHit } from '../../../shared/ipc/notes/contract';
import type { SourceDocument } from '../../../shared/model';
import { ENTITY_TYPES, RELATION_TYPE_NAMES, relationReads } from '../../../shared/vocab';
import { attempt, call, reportError } from '../../lib/ipc';
import { openReader } from '../../lib/reader';
import { useRevision } from '../../lib/store';
import { CREDIBILITY_TEXT } from './CitePanel';
import { closeReview, useReview } from './reviewStore';

const KINDS: { kind: SuggestionKind; label: string; all: string }[] = [
  { kind: 'mention', label: 'Mentions', all: 'Accept all mentions' },
  { kind: 'entity', label: 'New entities', all: 'Accept all new entities' },
  { kind: 'relation', label: 'Relations', all: 'Accept all relations' },
];
/** Items drawn at once; the rest follow on "Show more". */
const PAGE = 200;
const CONTEXT = 90;

type Shown = Suggestion & { sourceId: number };

export function ReviewHost() {
  const sourceId = useReview();
  if (sourceId === null) return null;
  return <ReviewPanel key={sourceId} sourceId={sourceId} />;
}

/** The passage with up to CONTEXT characters around it, the spans in `marks` highlighted. */
function Passage({
  text,
  start,
  end,
  marks,
}: {
  text: string;
  start: number;
  end: number;
  marks: [number, number][];
}) {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const cuts = [...new Set([from, to, ...marks.flat().map((n) => Math.max(from, Math.min(to, n)))])].sort(
    (a, b) => a - b,
  );
  const parts = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    const marked = marks.some(([s, e]) => s <= a && e >= b);
    parts.push(marked ? <mark key={a}>{text.slice(a, b)}</mark> : <span key={a}>{text.slice(a, b)}</span>);
  }
  return (
    <blockquote className="review-passage">
      {from > 0 && '…'}
      {parts}
      {to < text.length && '…'}
    </blockquote>
  );
}

function EntityPicker({ label, onPick }: { label: string; onPick: (id: number, name: string) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return setHits([]);
    let live = true;
    void attempt('search:list', { query, limit: 12 }).then(
      (r) => live && setHits((r?.hits ?? []).filter((h) => h.kind === 'entity')),
    );
    return () => {
      live = false;
    };
  }, [query]);
  return (
    <div className="entity-picker">
      <input
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Find an entity of the case…"
        aria-label={label}
      />
      {hits.length > 0 && (
        <ul className="target-list">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" onClick={() => onPick(h.id, h.title)}>
                {h.title} <span className="muted">({h.entityType})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What accepting will create, in words; with the fields to change it when editing. */
function Proposal({
  s,
  edit,
  editing,
  setEdit,
}: {
  s: Suggestion;
  edit: SuggestionEdit;
  editing: boolean;
  setEdit: (e: SuggestionEdit) => void;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  if (s.kind === 'mention') {
    return (
      <div className="review-proposal">
        Mentions <strong>{picked ?? s.entityName}</strong> <span className="muted">({s.entityType})</span>
        {s.matched !== s.text && <span className="muted"> · matched “{s.matched}”</span>}
        {editing && (
          <EntityPicker
            label="Another entity"
            onPick={(id, name) => {
              setPicked(name);
              setEdit({ ...edit, entityId: id });
            }}
          />
        )}
      </div>
    );
  }
  if (s.kind === 'entity') {
    if (!editing)
      return (
        <div className="review-proposal">
          New {s.type} <strong>{s.name}</strong>
          {s.aliases.length > 0 && <span className="muted"> · also {s.aliases.join(', ')}</span>}
        </div>
      );
    return (
      <div className="review-proposal review-edit">
        <label>
          Name
          <input value={edit.name ?? s.name} onChange={(e) => setEdit({ ...edit, name: e.target.value })} />
        </label>
        <label>
          Type
          <select value={edit.type ?? s.type} onChange={(e) => setEdit({ ...edit, type: e.target.value })}>
            {ENTITY_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Aliases (; between)
          <input
            value={(edit.aliases ?? s.aliases).join('; ')}
            onChange={(e) =>
              setEdit({
                ...edit,
                aliases: e.target.value
                  .split(';')
                  .map((a) => a.trim())
                  .filter(Boolean),
              })
            }
          />
        </label>
        <span className="muted">or it is an entity the case has:</span>
        <EntityPicker
          label="It is this entity"
          onPick={(id, name) => {
            setPicked(name);
            setEdit({ ...edit, entityId: id });
          }}
        />
        {picked && (
          <span>
            Will be cited for <strong>{picked}</strong>.
          </span>
        )}
      </div>
    );
  }
  const type = edit.type ?? s.type;
  const swapped = !!edit.source;
  const [from, to] = swapped ? [s.targetLabel, s.sourceLabel] : [s.sourceLabel, s.targetLabel];
  const start = edit.startDate !== undefined ? edit.startDate : (s.startDate ?? null);
  const end = edit.endDate !== undefined ? edit.endDate : (s.endDate ?? null);
  return (
    <div className={`review-proposal${editing ? ' review-edit' : ''}`}>
      <span>
        <strong>{from}</strong> {relationReads(type)} <strong>{to}</strong>
        {(start || end) && (
          <span className="muted">
            {' '}
            · {start ?? '…'}–{end ?? ''}
          </span>
        )}
      </span>
      {editing && (
        <>
          <label>
            Relation
            <select value={type} onChange={(e) => setEdit({ ...edit, type: e.target.value })}>
              {RELATION_TYPE_NAMES.map((t) => (
                <option key={t} value={t}>
                  {relationReads(t)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() =>
              setEdit(
                swapped
                  ? { ...edit, source: undefined, target: undefined }
                  : { ...edit, source: s.target, target: s.source },
              )
            }
          >
            Swap direction
          </button>
          <label>
            From
            <input
              value={start ?? ''}
              placeholder="2013"
              onChange={(e) => setEdit({ ...edit, startDate: e.target.value || null })}
            />
          </label>
          <label>
            To
            <input
              value={end ?? ''}
              placeholder="open"
              onChange={(e) => setEdit({ ...edit, endDate: e.target.value || null })}
            />
          </label>
        </>
      )}
    </div>
  );
}

function Item({
  s,
  text,
  decide,
}: {
  s: Shown;
  text: string;
  decide: (d: ReviewDecision) => Promise<boolean>;
}) {
  const [editing, setEditing] = useState(false);
  const [edit, setEdit] = useState<SuggestionEdit>({});
  const marks: [number, number][] = s.kind === 'relation' ? [s.sourceSpan, s.targetSpan] : [[s.start, s.end]];
  const decided = s.status !== 'pending';
  return (
    <li className={`review-item status-${s.status}`} data-testid="suggestion" data-kind={s.kind}>
      <Passage text={text} start={s.start} end={s.end} marks={marks} />
      <Proposal s={s} edit={edit} editing={editing} setEdit={setEdit} />
      <div className="review-buttons">
        <span className="muted score" title="How sure the workbench is of this suggestion">
          {Math.round(s.score * 100)}%
        </span>
        <button
          type="button"
          className="link"
          onClick={() => {
            closeReview();
            openReader(s.sourceId, { start: s.start, end: s.end });
          }}
        >
          Show in the reader
        </button>
        {decided ? (
          <span className={`badge ${s.status}`}>{s.status}</span>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void decide({ id: s.id, action: 'accept', ...(editing ? { edit } : {}) })}
            >
              Accept
            </button>
            <button type="button" onClick={() => setEditing(!editing)} aria-pressed={editing}>
              Edit
            </button>
            <button type="button" onClick={() => void decide({ id: s.id, action: 'reject' })}>
              Reject
            </button>
          </>
        )}
      </div>
    </li>
  );
}

function ReviewPanel({ sourceId }: { sourceId: number }) {
  const revision = useRevision([
    'source',
    'suggestion',
    'entity',
    'alias',
    'relation',
    'citation',
    'vocabulary',
  ]);
  const [doc, setDoc] = useState<SourceDocument | null>(null);
  const [suggestions, setSuggestions] = useState<Shown[] | null>(null);
  const [kind, setKind] = useState<SuggestionKind>('mention');
  const [showDecided, setShowDecided] = useState(false);
  const [credibility, setCredibility] = useState(2);
  const [limit, setLimit] = useState(PAGE);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    void attempt('sources:get', { id: sourceId }).then((d) => {
      if (!live) return;
      if (!d) closeReview();
      else setDoc(d);
    });
    void attempt('extraction:suggestions', { sourceId }).then(
      (r) => live && r && setSuggestions(r.suggestions.map((s) => ({ ...s, sourceId }))),
    );
    return () => {
      live = false;
    };
  }, [sourceId, revision]);

  const byKind = useMemo(() => {
    const map = new Map<SuggestionKind, Shown[]>(KINDS.map((k) => [k.kind, []]));
    for (const s of suggestions ?? []) map.get(s.kind)!.push(s);
    return map;
  }, [suggestions]);
  const pending = (k: SuggestionKind) => byKind.get(k)!.filter((s) => s.status === 'pending');
  const shown = (showDecided ? byKind.get(kind)! : pending(kind)).slice(0, limit);

  const decide = async (decisions: ReviewDecision[]): Promise<boolean> => {
    const withGrade = decisions.map((d) =>
      d.action === 'accept' ? { ...d, edit: { credibility, ...d.edit } } : d,
    );
    try {
      const result = await call('extraction:review', { sourceId, decisions: withGrade });
      const made = [
        result.created.entities.length &&
          `${result.created.entities.length} new ${result.created.entities.length === 1 ? 'entity' : 'entities'}`,
        result.created.relations.length &&
          `${result.created.relations.length} new relation${result.created.relations.length === 1 ? '' : 's'}`,
        result.created.aliases &&
          `${result.created.aliases} new spelling${result.created.aliases === 1 ? '' : 's'}`,
        result.created.citations.length &&
          `${result.created.citations.length} citation${result.created.citations.length === 1 ? '' : 's'}`,
      ].filter(Boolean);
      setMessage(
        `${result.accepted} accepted, ${result.rejected} rejected${made.length ? `: ${made.join(', ')}` : ''}. Undo (Ctrl+Z) takes this back.`,
      );
      return true;
    } catch (error) {
      reportError(error, 'extraction:review');
      return false;
    }
  };

  const kindLabel = KINDS.find((k) => k.kind === kind)!;
  return (
    <section
      className="review reader"
      role="dialog"
      aria-label={doc ? `Review suggestions: ${doc.title}` : 'Review suggestions'}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeReview();
        }
      }}
    >
      <header className="reader-head">
        <div className="reader-title">
          <h2>Review suggestions{doc ? `: ${doc.title}` : ''}</h2>
          <span className="muted">
            Nothing enters the case until you accept it. Accepting cites the passage with the source’s grade.
          </span>
        </div>
        <label className="reliability">
          Credibility
          <select
            value={credibility}
            onChange={(e) => setCredibility(Number(e.target.value))}
            aria-label="Credibility of accepted facts"
          >
            {Object.entries(CREDIBILITY_TEXT).map(([digit, text]) => (
              <option key={digit} value={digit}>
                {digit} — {text}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={closeReview} aria-label="Close the review" title="Close (Escape)">
          Close
        </button>
      </header>
      <div className="review-tabs tabs" role="tablist">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="tab"
            aria-selected={kind === k.kind}
            onClick={() => {
              setKind(k.kind);
              setLimit(PAGE);
            }}
          >
            {k.label} ({pending(k.kind).length})
          </button>
        ))}
        <span className="spacer" />
        <label className="checkbox">
          <input type="checkbox" checked={showDecided} onChange={(e) => setShowDecided(e.target.checked)} />{' '}
          Show decided
        </label>
        <button
          type="button"
          disabled={pending(kind).length === 0}
          onClick={() => void decide(pending(kind).map((s) => ({ id: s.id, action: 'accept' as const })))}
        >
          {kindLabel.all} ({pending(kind).length})
        </button>
      </div>
      {message && (
        <p className="reader-message review-message" role="status">
          {message}
        </p>
      )}
      <div className="review-body">
        {suggestions === null && <p className="muted">Reading the document for names and relations…</p>}
        {suggestions !== null && shown.length === 0 && (
          <p className="muted">No {kindLabel.label.toLowerCase()} waiting for review in this document.</p>
        )}
        {doc && (
          <ul className="review-list" aria-label={kindLabel.label}>
            {shown.map((s) => (
              <Item key={s.id} s={s} text={doc.text} decide={(d) => decide([d])} />
            ))}
          </ul>
        )}
        {(showDecided ? byKind.get(kind)! : pending(kind)).length > limit && (
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            Show more
          </button>
        )}
      </div>
    </section>
  );
}
