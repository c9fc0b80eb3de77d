// Writes a case description (the sample case's case.json shape, DESIGN.md §5) into the open case.
// Matching is by name and alias, so loading the same data twice adds nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PARTIAL_DATE, RELIABILITY } from '../../shared/vocab';
import { CitedField, EntityTypeSchema, LongText, Name, RelationTypeSchema } from '../../shared/model';
import type { CaseStore } from '../store';
import type { SourceDraft } from '../store/repos/sources';
import { nestsDeeperThan } from '../io/json';
import { AppError } from './errors';
import { caseTypes } from './vocabulary';
import { sentenceOf } from './zodSentence';

/** As many aliases as an entity may have through the app (EntityDraft). */
const MAX_ALIASES = 200;
const Quote = z.string().min(1).max(20_000);

const CitationSpec = z.object({
  source: z.string().max(500),
  quote: Quote,
  credibility: z.number().int().min(1).max(6),
  file: z.string().optional(),
  /** The field of its subject the passage states (activeFrom, activeTo…); absent: the subject as a whole. */
  field: CitedField.optional(),
});
const DateSpec = z.string().regex(PARTIAL_DATE).nullable().optional();

export const CaseData = z.object({
  sources: z.array(
    z
      .object({
        id: z.string().max(500),
        title: Name,
        publisher: z.string().max(500).nullable().optional(),
        published_on: DateSpec,
        url: z.string().max(4096).nullable().optional(),
        reliability: z.enum(RELIABILITY),
        file: z.string().max(500),
        author: z.string().max(500).nullable().optional(),
        /** The file the text was taken from, when it is not the text itself (a two-column PDF's text layer). */
        original_file: z.string().max(500).optional(),
      })
      .loose(),
  ),
  entities: z.array(
    z.object({
      id: z.string().max(500),
      type: EntityTypeSchema,
      name: Name,
      aliases: z.array(Name).max(MAX_ALIASES).optional(),
      summary: LongText.optional(),
      /** Lifetime, as the sources state it (partial ISO dates). */
      active_from: DateSpec,
      active_to: DateSpec,
      citations: z.array(CitationSpec).optional(),
      facts: z
        .array(
          z.object({
            name: z.string().max(500),
            value: z.string().max(100_000),
            as_of: DateSpec,
            citations: z.array(CitationSpec).optional(),
          }),
        )
        .optional(),
    }),
  ),
  relations: z.array(
    z.object({
      id: z.string().max(500),
      source: z.string().max(500),
      target: z.string().max(500),
      type: RelationTypeSchema,
      start: DateSpec,
      end: DateSpec,
      summary: LongText.nullable().optional(),
      citations: z.array(CitationSpec).min(1),
    }),
  ),
});
export type CaseData = z.infer<typeof CaseData>;

/** Keeps a document's original bytes; returns the fields that point the source at them. */
function keepOriginal(
  store: CaseStore,
  file: string,
  readBytes: (file: string) => Uint8Array,
): Partial<SourceDraft> {
  const bytes = readBytes(file);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  store.originals.put(sha256, bytes);
  return { sha256, fileName: file, format: /\.md$/i.test(file) ? 'md' : 'txt' };
}

export interface LoadReport {
  entitiesAdded: number;
  relationsAdded: number;
  sourcesAdded: number;
  citationsAdded: number;
}

/**
 * Loads case data in one transaction. readText returns a source document's text by file name;
 * readBytes, when given, its original bytes, kept so the analyst can save the original back out.
 */
export function loadCaseData(
  store: CaseStore,
  raw: unknown,
  readText: (file: string) => string,
  readBytes?: (file: string) => Uint8Array,
): LoadReport {
  const parsed = CaseData.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid_input', sentenceOf(parsed.error, 'The case description was refused'));
  }
  const data = parsed.data;
  const report: LoadReport = { entitiesAdded: 0, relationsAdded: 0, sourcesAdded: 0, citationsAdded: 0 };
  const citationCount = () => store.db.prepare('SELECT count(*) FROM citation').pluck().get() as number;
  const citationsBefore = citationCount();
  const types = caseTypes(store);
  for (const entity of data.entities) types.checkEntityType(entity.type);
  for (const relation of data.relations) types.checkRelationType(relation.type);
  store.transaction(() => {
    const sourceIds = new Map<string, number>();
    const titles = new Map(data.sources.map((s) => [s.id, s.title]));
    for (const source of data.sources) {
      let id = store.sources.findByTitle(source.title);
      if (id === null) {
        id = store.sources.insert({
          title: source.title,
          publisher: source.publisher ?? '',
          publishedOn: source.published_on ?? null,
          url: source.url ?? null,
          reliability: source.reliability,
          text: readText(source.file),
          attrs: { file: source.file },
          author: source.author ?? null,
          ...(readBytes ? keepOriginal(store, source.original_file ?? source.file, readBytes) : {}),
        });
        report.sourcesAdded++;
      }
      sourceIds.set(source.id, id);
    }
    const cite = (
      kind: 'entity' | 'relation',
      subjectId: number,
      citations: z.infer<typeof CitationSpec>[],
    ): void => {
      for (const c of citations) {
        const sourceId = sourceIds.get(c.source);
        if (sourceId === undefined)
          throw new AppError('invalid_input', `A citation names an unknown source “${c.source}”.`);
        store.sources.cite({
          sourceId,
          subjectKind: kind,
          subjectId,
          quote: c.quote,
          credibility: c.credibility,
          field: c.field ?? null,
        });
      }
    };
    const entityIds = new Map<string, number>();
    for (const entity of data.entities) {
      let id = store.entities.findByName(entity.name);
      if (id === null) {
        id = store.entities.insert({
          type: entity.type,
          name: entity.name,
          aliases: entity.aliases,
          summary: entity.summary,
          activeFrom: entity.active_from ?? null,
          activeTo: entity.active_to ?? null,
        });
        report.entitiesAdded++;
      } else {
        // The same name again adds its aliases: so many would make one entity a search index bomb.
        const known = store.entities.get(id)!.aliases;
        const added = (entity.aliases ?? []).filter((a) => !known.includes(a));
        if (known.length + added.length > MAX_ALIASES)
          throw new AppError(
            'invalid_input',
            `The case description gives “${entity.name}” more than ${MAX_ALIASES} aliases. Nothing was changed.`,
          );
        store.entities.addAliases(id, added);
        // A lifetime the case does not have yet is filled in; one the analyst set is kept.
        const current = store.entities.get(id)!;
        const activeFrom = current.activeFrom ?? entity.active_from ?? null;
        const activeTo = current.activeTo ?? entity.active_to ?? null;
        if (activeFrom !== current.activeFrom || activeTo !== current.activeTo)
          store.entities.update(id, { activeFrom, activeTo });
      }
      if (entity.facts?.length) {
        const current = store.entities.get(id)!;
        const known = new Set((current.attrs.facts ?? []).map((f) => `${f.name}\u0000${f.value}`));
        const facts = [...(current.attrs.facts ?? [])];
        for (const fact of entity.facts) {
          if (!known.has(`${fact.name}\u0000${fact.value}`)) {
            // The fact keeps its own passages, so it stays traceable on its own, not only via the entity.
            const citations = (fact.citations ?? []).map((c) => ({
              source: titles.get(c.source) ?? c.source,
              quote: c.quote,
              credibility: c.credibility,
            }));
            facts.push({ name: fact.name, value: fact.value, asOf: fact.as_of ?? null, citations });
          }
          cite('entity', id, fact.citations ?? []);
        }
        store.entities.setAttrs(id, { ...current.attrs, facts });
      }
      cite('entity', id, entity.citations ?? []);
      entityIds.set(entity.id, id);
    }
    for (const relation of data.relations) {
      const sourceId = entityIds.get(relation.source);
      const targetId = entityIds.get(relation.target);
      if (sourceId === undefined || targetId === undefined) {
        throw new AppError(
          'invalid_input',
          `Relation “${relation.id}” names an entity the case data does not define.`,
        );
      }
      const draft = {
        sourceId,
        targetId,
        type: relation.type,
        startDate: relation.start ?? null,
        endDate: relation.end ?? null,
        summary: relation.summary ?? '',
      };
      let id = store.relations.find(draft);
      if (id === null) {
        id = store.relations.insert(draft);
        report.relationsAdded++;
      }
      cite('relation', id, relation.citations);
    }
  });
  report.citationsAdded = citationCount() - citationsBefore;
  return report;
}

/** The largest case description read (checked before a byte is read: the size on disk is not trusted to be small). */
export const MAX_CASE_JSON_BYTES = 256 * 1024 * 1024;
/** The largest source document a case description may name. */
export const MAX_SOURCE_TEXT_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;

/** The bytes of a file no larger than limit; refused in one sentence otherwise, before it is read. */
function readBytes(file: string, limit: number, what: string): Buffer {
  const name = path.basename(file);
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch {
    throw new AppError('not_found', `${what} “${name}” is missing. Nothing was changed.`);
  }
  if (size > limit)
    throw new AppError(
      'invalid_input',
      `${what} “${name}” is ${megabytes(size)}; the workbench reads up to ${megabytes(limit)}. Nothing was changed.`,
    );
  return fs.readFileSync(file);
}

/** UTF-8 text of a file no larger than limit; refused in one sentence otherwise, before it is read. */
function readText(file: string, limit: number, what: string): string {
  const bytes = readBytes(file, limit, what);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'invalid_input',
      `${what} “${path.basename(file)}” is not UTF-8 text. Nothing was changed.`,
    );
  }
}

/** A case description nests six levels deep; no real one comes near this. */
const MAX_JSON_DEPTH = 64;

/** A case description (case.json), parsed; refused in one sentence when too large, not UTF-8 or not JSON. */
export function readCaseJson(file: string): unknown {
  const text = readText(file, MAX_CASE_JSON_BYTES, 'The case description');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new AppError(
      'invalid_input',
      `The case description “${path.basename(file)}” nests more than ${MAX_JSON_DEPTH} levels deep, which no case description does. Nothing was changed.`,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `The case description “${path.basename(file)}” is not valid JSON (${(error as Error).message.slice(0, 120)}). Nothing was changed.`,
    );
  }
}

/** Reads the source documents a case description names, from its own folder only. */
export function sourceTextReader(dir: string): (name: string) => string {
  return (name) =>
    readText(path.join(dir, path.basename(name)), MAX_SOURCE_TEXT_BYTES, 'The source document');
}

/** The original bytes of those documents (kept so the analyst can save them back out), same folder and limit. */
export function sourceBytesReader(dir: string): (name: string) => Uint8Array {
  return (name) =>
    readBytes(path.join(dir, path.basename(name)), MAX_SOURCE_TEXT_BYTES, 'The source document');
}
