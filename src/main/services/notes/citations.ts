// The reader's writes: cite a passage for an entity or relation, make a new entity from a passage,
// remove a citation, grade a source. Each is one undoable journal entry.
import type { CiteInput, CiteNewEntityInput, CitationDetail } from '../../../shared/ipc/notes/contract';
import { CITED_FIELD_TEXT, FIELDS_OF, type Citation } from '../../../shared/model';
import type { CaseStore } from '../../store';
import { AppError, notFound } from '../errors';
import { subjectLabel } from '../search/search';
import { caseTypes } from '../vocabulary';

function detail(store: CaseStore, citation: Citation): CitationDetail {
  const subject = { kind: citation.subjectKind, id: citation.subjectId };
  let corroboration: number | null = null;
  let grade: string | null = null;
  if (citation.subjectKind === 'relation') {
    const row = store.db
      .prepare(
        `SELECT count(DISTINCT c.source_id) AS corroboration, min(s.reliability || c.credibility) AS grade
           FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_kind = 'relation' AND c.subject_id = ?`,
      )
      .get(citation.subjectId) as { corroboration: number; grade: string | null };
    corroboration = row.corroboration;
    grade = row.grade;
  }
  return { ...citation, subjectLabel: subjectLabel(store, subject), corroboration, grade };
}

export function listCitations(store: CaseStore, sourceId: number): CitationDetail[] {
  if (!store.sources.get(sourceId)) throw notFound('source', sourceId);
  return store.sources.citationsIn(sourceId).map((c) => detail(store, c));
}

function checkPassage(store: CaseStore, sourceId: number, quote: string): void {
  const source = store.sources.get(sourceId);
  if (!source) throw notFound('source', sourceId);
  if (!source.text.includes(quote)) {
    throw new AppError(
      'invalid_input',
      `The selected passage does not occur in “${source.title}”. Select the text again in the reader.`,
    );
  }
}

export function cite(store: CaseStore, input: CiteInput): CitationDetail {
  checkPassage(store, input.sourceId, input.quote);
  const { kind, id } = input.subject;
  const exists = kind === 'entity' ? store.entities.exists(id) : store.relations.get(id) !== null;
  if (!exists) throw notFound(kind, id);
  const field = input.field ?? null;
  if (field && !FIELDS_OF[kind].includes(field))
    throw new AppError(
      'invalid_input',
      `A passage can support the ${CITED_FIELD_TEXT[field]} of ${kind === 'entity' ? 'a relation' : 'an entity'}, not of this ${kind}. Choose what it states again.`,
    );
  const what = field ? `the ${CITED_FIELD_TEXT[field]} of ` : '';
  const label = `Cite a passage for ${what}“${subjectLabel(store, { kind, id })}”`;
  const citationId = store.journal.record(label, () =>
    store.sources.cite({
      sourceId: input.sourceId,
      subjectKind: kind,
      subjectId: id,
      quote: input.quote,
      start: input.start,
      credibility: input.credibility,
      field,
    }),
  );
  return detail(store, store.sources.getCitation(citationId)!);
}

export function citeNewEntity(
  store: CaseStore,
  input: CiteNewEntityInput,
): { entityId: number; citation: CitationDetail } {
  checkPassage(store, input.sourceId, input.quote);
  const name = input.entity.name.trim();
  caseTypes(store).checkEntityType(input.entity.type);
  const existing = store.entities.findByName(name);
  if (existing !== null) {
    throw new AppError(
      'conflict',
      `The case already has “${store.entities.get(existing)!.name}”. Use “Cite for…” to cite this passage for it.`,
    );
  }
  const result = store.journal.record(`Add ${input.entity.type} “${name}” from a passage`, () => {
    const entityId = store.entities.insert({ type: input.entity.type, name });
    const citationId = store.sources.cite({
      sourceId: input.sourceId,
      subjectKind: 'entity',
      subjectId: entityId,
      quote: input.quote,
      start: input.start,
      credibility: input.credibility,
    });
    return { entityId, citationId };
  });
  return {
    entityId: result.entityId,
    citation: detail(store, store.sources.getCitation(result.citationId)!),
  };
}

export function deleteCitation(store: CaseStore, id: number): { deleted: number } {
  const citation = store.sources.getCitation(id);
  if (!citation) throw notFound('citation', id);
  const label = `Remove a citation of “${citation.sourceTitle}”`;
  return { deleted: store.journal.record(label, () => (store.sources.deleteCitation(id) ? 1 : 0)) };
}

export function setReliability(
  store: CaseStore,
  id: number,
  reliability: string,
): { id: number; reliability: string } {
  const source = store.sources.get(id);
  if (!source) throw notFound('source', id);
  store.journal.record(`Grade “${source.title}” ${reliability}`, () =>
    store.sources.setReliability(id, reliability),
  );
  return { id, reliability };
}
