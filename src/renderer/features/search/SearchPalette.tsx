// One search box over the case (Ctrl+K): entity names and aliases, notes and document text, with
// highlighted snippets. Choosing a result selects it in the sheet and graph, or opens the passage.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/ipc/notes/contract';
import { registerCommands } from '../../app/commands';
import { attempt } from '../../lib/ipc';
import { openReader } from '../../lib/reader';
import { snippetParts, snippetPassage } from '../../lib/snippet';
import { select } from '../../lib/store';
import './search.css';

const KIND_TEXT: Record<SearchHit['kind'], string> = { entity: 'Entity', note: 'Note', source: 'Document' };

export function choose(hit: SearchHit): void {
  if (hit.kind === 'entity') {
    select({ entityIds: [hit.id], origin: 'search' });
    return;
  }
  if (hit.kind === 'source') {
    openReader(hit.id, snippetPassage(hit.snippet) ?? undefined);
    return;
  }
  const subject = hit.subject;
  if (!subject || subject.kind === 'case' || subject.id === null) select({ entityIds: [], origin: 'search' });
  else if (subject.kind === 'entity') select({ entityIds: [subject.id], origin: 'search' });
  else if (subject.kind === 'relation')
    select({ entityIds: [], relationIds: [subject.id], origin: 'search' });
  else openReader(subject.id);
}

function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {snippetParts(text).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}

export function SearchPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => registerCommands('search', { 'search:open': () => setOpen(true) }), []);
  return (
    <>
      <button
        type="button"
        className="search-trigger"
        onClick={() => setOpen(true)}
        title="Search names, notes and documents (Ctrl+K)"
      >
        Search… <kbd>Ctrl+K</kbd>
      </button>
      {open && <SearchDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SearchDialog({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ hits: SearchHit[]; more: boolean; query: string } | null>(null);
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    if (!query.trim()) {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void attempt('search:list', { query, limit: 40 }).then((r) => {
        if (!live || !r) return;
        setResult({ ...r, query });
        setIndex(0);
      });
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const hits = result?.hits ?? [];
  const pick = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    onClose();
    choose(hit);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog search-dialog"
      aria-label="Search the case"
      onClose={onClose}
      onCancel={onClose}
    >
      <input
        className="search-input"
        autoFocus
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits.length ? `search-hit-${index}` : undefined}
        aria-label="Search names, notes and documents"
        placeholder="Search names, aliases, notes and documents…"
        value={query}
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setIndex((i) => Math.min(i + 1, Math.max(0, hits.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setIndex((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(hits[index]);
          }
        }}
      />
      <ul
        id="search-results"
        ref={list}
        className="search-results"
        role="listbox"
        aria-label="Search results"
      >
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}:${hit.id}`}
            id={`search-hit-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === index}
            className="search-hit"
            onMouseEnter={() => setIndex(i)}
            onClick={() => pick(hit)}
          >
            <div className="search-hit-head">
              <span className={`badge kind-${hit.kind}`}>
                {hit.kind === 'entity' && hit.entityType ? hit.entityType : KIND_TEXT[hit.kind]}
              </span>
              <span className="search-hit-title">
                {hit.kind === 'note' ? `Note on ${hit.title}` : hit.title}
              </span>
            </div>
            <Snippet text={hit.snippet} />
          </li>
        ))}
      </ul>
      {result && hits.length === 0 && <p className="muted">Nothing in this case matches “{result.query}”.</p>}
      {result?.more && (
        <p className="muted">Showing the best {hits.length} matches; add a word to narrow the search.</p>
      )}
      {!result && (
        <p className="muted">
          Case and accents do not matter: “droukdel” finds Droukdel. ↑↓ to move, Enter to open, Esc to close.
        </p>
      )}
    </dialog>
  );
}
