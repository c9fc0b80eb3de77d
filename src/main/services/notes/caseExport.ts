// The case as one JSON document. Private notes never go into it; shareable notes only when the
// analyst ticks "include shareable notes".
import type { CaseExport } from '../../../shared/ipc/notes/contract';
import type { Note } from '../../../shared/model';
import type { CaseStore } from '../../store';

interface NoteDbRow {
  subject_kind: string;
  subject_id: number | null;
  body: string;
  private: number;
  created_at: string;
  updated_at: string;
}

export function exportCase(
  store: CaseStore,
  { includeShareableNotes }: { includeShareableNotes: boolean },
): CaseExport {
  const db = store.db;
  const sources = db
    .prepare('SELECT id, title, publisher, published_on, url, reliability, text FROM source ORDER BY id')
    .all() as CaseExport['sources'];
  const entities = (
    db.prepare('SELECT id, type, name, summary FROM entity ORDER BY id').all() as Omit<
      CaseExport['entities'][number],
      'aliases'
    >[]
  ).map((e) => ({ ...e, aliases: store.entities.get(e.id)?.aliases.filter((a) => a !== e.name) ?? [] }));
  const citations = db
    .prepare('SELECT subject_kind, subject_id, source_id, quote, credibility FROM citation ORDER BY id')
    .all() as {
    subject_kind: string;
    subject_id: number;
    source_id: number;
    quote: string;
    credibility: number;
  }[];
  const byRelation = new Map<number, CaseExport['relations'][number]['citations']>();
  const entityCitations: CaseExport['entityCitations'] = [];
  for (const c of citations) {
    const item = { source: c.source_id, quote: c.quote, credibility: c.credibility };
    if (c.subject_kind === 'relation')
      byRelation.set(c.subject_id, [...(byRelation.get(c.subject_id) ?? []), item]);
    else entityCitations.push({ entity: c.subject_id, ...item });
  }
  const relations = (
    db
      .prepare(
        'SELECT id, source_id, target_id, type, start_date, end_date, summary FROM relation ORDER BY id',
      )
      .all() as {
      id: number;
      source_id: number;
      target_id: number;
      type: string;
      start_date: string | null;
      end_date: string | null;
      summary: string;
    }[]
  ).map((r) => ({
    id: r.id,
    source: r.source_id,
    target: r.target_id,
    type: r.type,
    start: r.start_date,
    end: r.end_date,
    summary: r.summary,
    citations: byRelation.get(r.id) ?? [],
  }));
  // The WHERE clause is the privacy guarantee: a private note is never read for an export.
  const notes = includeShareableNotes
    ? (
        db
          .prepare(
            'SELECT subject_kind, subject_id, body, private, created_at, updated_at FROM note WHERE private = 0 ORDER BY id',
          )
          .all() as NoteDbRow[]
      )
        .filter((n) => n.private === 0)
        .map(({ private: _private, ...rest }) => rest)
    : [];
  return {
    format: 'analyst-workbench-case',
    version: 1,
    exportedAt: new Date().toISOString(),
    name: store.name,
    sources,
    entities,
    relations,
    entityCitations,
    notes,
  };
}

/** Notes safe to show outside the machine: shareable ones, and only when asked. */
export function exportableNotes(notes: Note[], includeShareableNotes: boolean): Note[] {
  return includeShareableNotes ? notes.filter((n) => !n.private) : [];
}
