// The reader: one document with every cited passage highlighted. Clicking a highlight shows what it
// supports; selecting text offers "Cite for…" and "New entity from selection".
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CitationDetail } from '../../../shared/ipc/notes/contract';
import { CITED_FIELD_TEXT, FORMAT_LABEL, type SourceDocument } from '../../../shared/model';
import { RELIABILITY } from '../../../shared/vocab';
import { attempt } from '../../lib/ipc';
import { closeReader, locate, useReader, type ReaderRequest } from '../../lib/reader';
import { select, useRevision } from '../../lib/store';
import { CitePanel, CREDIBILITY_TEXT, type Passage } from './CitePanel';
import { openReview } from './reviewStore';
import { locateCitations, runsOf, type Run as RunOfText } from './passages';
import './sources.css';

/** Mounted once by the app: shows the reader when something asks for a document. */
export function ReaderHost() {
  const request = useReader();
  if (!request) return null;
  return <Reader key={request.sourceId} request={request} />;
}

function offsetWithin(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

function CitationCard({ citation }: { citation: CitationDetail }) {
  const [confirming, setConfirming] = useState(false);
  const show = (): void => {
    if (citation.subjectKind === 'entity') select({ entityIds: [citation.subjectId], origin: 'reader' });
    else select({ entityIds: [], relationIds: [citation.subjectId], origin: 'reader' });
  };
  return (
    <li className="citation-card" data-testid="citation-card">
      <div>
        Supports {citation.field ? `the ${CITED_FIELD_TEXT[citation.field]} of ` : ''}
        {citation.subjectKind === 'relation' ? 'the relation' : 'the entity'}{' '}
        <strong>{citation.subjectLabel}</strong>
      </div>
      <div className="muted">
        Credibility {citation.credibility} ({CREDIBILITY_TEXT[citation.credibility]}) · source{' '}
        {citation.reliability} · grade {citation.reliability}
        {citation.credibility}
      </div>
      {citation.corroboration !== null && (
        <div data-testid="corroboration">
          Corroboration: {citation.corroboration} {citation.corroboration === 1 ? 'source' : 'sources'} · best
          grade {citation.grade}
        </div>
      )}
      <div className="cite-actions">
        <button type="button" onClick={show}>
          Show in sheet and graph
        </button>
        {confirming ? (
          <button type="button" onClick={() => void attempt('citations:delete', { id: citation.id })}>
            Remove citation
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Remove…
          </button>
        )}
      </div>
    </li>
  );
}

function Reader({ request }: { request: ReaderRequest }) {
  const revision = useRevision(['source', 'citation', 'entity', 'relation']);
  const [doc, setDoc] = useState<SourceDocument | null>(null);
  const [citations, setCitations] = useState<CitationDetail[]>([]);
  const [active, setActive] = useState<number[]>([]);
  const [passage, setPassage] = useState<Passage | null>(null);
  const [message, setMessage] = useState('');
  const textRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // The document in the reader is what the notes panel writes about until something else is selected.
    select({ entityIds: [], relationIds: [], sourceIds: [request.sourceId], origin: 'reader' });
  }, [request.sourceId]);

  useEffect(() => {
    let live = true;
    void attempt('sources:get', { id: request.sourceId }).then((d) => {
      if (!live) return;
      if (!d) closeReader();
      else setDoc(d);
    });
    void attempt('citations:list', { sourceId: request.sourceId }).then(
      (list) => live && list && setCitations(list),
    );
    return () => {
      live = false;
    };
  }, [request.sourceId, revision]);

  const focus = useMemo(() => (doc ? locate(doc.text, request.focus) : null), [doc, request.focus]);
  const located = useMemo(() => (doc ? locateCitations(doc.text, citations) : []), [doc, citations]);
  /** Page number by the offset it starts at, for the page markers of a PDF. */
  const pageStarts = useMemo(() => new Map((doc?.pages ?? []).map((p) => [p.start, p.number])), [doc]);
  const runs = useMemo(
    () => (doc ? runsOf(doc.text.length, located, focus, [...pageStarts.keys()]) : []),
    [doc, located, focus, pageStarts],
  );

  // Bring the asked-for passage into view once the text is there (again on every new request).
  useLayoutEffect(() => {
    if (!doc) return;
    const target = textRef.current?.querySelector('.focus-passage') ?? null;
    if (target) target.scrollIntoView({ block: 'center' });
    else dialogRef.current?.focus();
  }, [doc, request.n]);

  const onSelect = (): void => {
    const container = textRef.current;
    const selection = window.getSelection();
    if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
    const raw = range.toString();
    const quote = raw.trim();
    if (!quote) return;
    const start =
      offsetWithin(container, range.startContainer, range.startOffset) +
      (raw.length - raw.trimStart().length);
    setPassage({ quote, start });
    setActive([]);
    setMessage('');
  };

  const renderRun = (run: RunOfText, text: string) => {
    if (run.citationIds.length === 0 && !run.focused) return <span key={run.start}>{text}</span>;
    const className = [
      run.citationIds.length ? 'cited' : '',
      run.citationIds.length > 1 ? 'cited-many' : '',
      run.focused ? 'focus-passage' : '',
      run.citationIds.some((id) => active.includes(id)) ? 'active' : '',
    ].join(' ');
    if (run.citationIds.length === 0)
      return (
        <mark key={run.start} className={className}>
          {text}
        </mark>
      );
    return (
      <mark
        key={run.start}
        className={className}
        tabIndex={0}
        title="Click to see what this passage supports"
        onClick={() => {
          if (!window.getSelection()?.isCollapsed) return;
          setActive(run.citationIds);
          setPassage(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setActive(run.citationIds);
            setPassage(null);
          }
        }}
      >
        {text}
      </mark>
    );
  };

  const activeCitations = citations.filter((c) => active.includes(c.id));
  const cited = new Set(located.map((l) => l.id));
  const unlocated = citations.filter((c) => !cited.has(c.id));

  return (
    <section
      ref={dialogRef}
      className="reader"
      role="dialog"
      aria-label={doc ? `Reader: ${doc.title}` : 'Reader'}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeReader();
        }
      }}
    >
      <header className="reader-head">
        <div className="reader-title">
          <h2>{doc?.title ?? 'Loading…'}</h2>
          {doc && (
            <span className="muted">
              {[
                doc.format ? FORMAT_LABEL[doc.format] : null,
                doc.pageCount !== null ? `${doc.pageCount} pages` : null,
                doc.author,
                doc.publisher || (doc.author ? null : 'Unknown publisher'),
                doc.publishedOn,
              ]
                .filter(Boolean)
                .join(' · ')}{' '}
              · {citations.length} {citations.length === 1 ? 'citation' : 'citations'}
            </span>
          )}
        </div>
        {doc && (
          <label className="reliability">
            Reliability
            <select
              value={doc.reliability}
              aria-label="Source reliability"
              onChange={(e) =>
                void attempt('sources:setReliability', {
                  id: doc.id,
                  reliability: e.target.value as (typeof RELIABILITY)[number],
                })
              }
            >
              {RELIABILITY.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        )}
        {doc && (
          <button
            type="button"
            onClick={() => {
              closeReader();
              openReview(doc.id);
            }}
            title="What the workbench found in this document, for you to accept or reject"
          >
            {doc.pendingSuggestions > 0 ? `Review ${doc.pendingSuggestions} suggestions` : 'Suggestions'}
          </button>
        )}
        <button type="button" onClick={closeReader} aria-label="Close reader" title="Close (Escape)">
          Close
        </button>
      </header>
      <div className="reader-body">
        <div
          className="reader-text"
          ref={textRef}
          onMouseUp={onSelect}
          onKeyUp={(e) => e.shiftKey && onSelect()}
          data-testid="reader-text"
        >
          {doc &&
            runs.map((run) => {
              const page = pageStarts.get(run.start);
              const marker = page !== undefined && (
                // The page number is drawn by CSS (::before), so it is never part of a selection or a quote.
                <span
                  key={`p${page}`}
                  className="page-marker"
                  data-page={page}
                  data-testid="page-marker"
                  aria-label={`Page ${page}`}
                />
              );
              const text = doc.text.slice(run.start, run.end);
              return marker ? [marker, renderRun(run, text)] : renderRun(run, text);
            })}
          {doc && doc.text.length === 0 && <p className="muted">This source has no text.</p>}
        </div>
        <aside className="reader-aside" aria-label="Passage details">
          {message && (
            <p className="reader-message" role="status">
              {message}
            </p>
          )}
          {passage && doc && (
            <CitePanel
              key={`${passage.start}:${passage.quote.length}`}
              sourceId={doc.id}
              passage={passage}
              onDone={(m) => {
                setPassage(null);
                setMessage(m);
                window.getSelection()?.removeAllRanges();
              }}
            />
          )}
          {!passage && activeCitations.length > 0 && (
            <ul className="citation-cards" aria-label="What this passage supports">
              {activeCitations.map((c) => (
                <CitationCard key={c.id} citation={c} />
              ))}
            </ul>
          )}
          {!passage && activeCitations.length === 0 && (
            <p className="muted">
              Select text to cite it for an entity or relation, or to make a new entity from it. Click a
              highlighted passage to see what it supports.
            </p>
          )}
          {unlocated.length > 0 && (
            <p className="muted">
              {unlocated.length} {unlocated.length === 1 ? 'citation quotes' : 'citations quote'} text no
              longer found in this document.
            </p>
          )}
        </aside>
      </div>
    </section>
  );
}
