// case:importFile: a colleague's case export opened as a case of its own, with its vocabulary,
// attributes, sources (and their original files), citations and shareable notes. The file is read
// and checked whole before the new case is made, so a bad file leaves no half-made case behind.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { CaseInfo } from '../../../shared/ipc/contract';
import { ATTR_KEY, type AttrValueType } from '../../../shared/attributes';
import { normalizeName } from '../../../shared/text';
import {
  LINE_STYLES,
  NEW_TYPE_COLOURS,
  NODE_SHAPES,
  TYPE_ID,
  labelOf,
  type LineStyle,
  type NodeShape,
} from '../../../shared/vocabulary';
import { FormatError, readCaseFile, type CaseFile } from '../../io/graph';
import { EntityBulkWriter, RelationBulkWriter } from '../../store/bulk';
import { AppError } from '../errors';
import type { CaseSession } from '../session';

const VALUE_TYPE: Record<string, AttrValueType> = {
  integer: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'date',
  string: 'text',
  list: 'text',
};

const colour = (text: string | null | undefined, n: number): string =>
  text && /^#[0-9a-f]{6}$/i.test(text) ? text.toLowerCase() : NEW_TYPE_COLOURS[n % NEW_TYPE_COLOURS.length]!;

function readChecked(bytes: Uint8Array, name: string): CaseFile {
  try {
    const file = readCaseFile(bytes);
    for (const t of [...file.vocabulary.entityTypes, ...file.vocabulary.relationTypes])
      if (!TYPE_ID.test(t.id))
        throw new FormatError(`The type “${t.id.slice(0, 80)}” is not a valid type id.`);
    for (const kind of ['entity', 'relation'] as const)
      for (const a of file.attributes?.[kind] ?? [])
        if (!ATTR_KEY.test(a.key))
          throw new FormatError(`The attribute “${a.key.slice(0, 80)}” is not a valid key.`);
    return file;
  } catch (error) {
    if (error instanceof FormatError)
      throw new AppError('invalid_input', `“${name}” could not be opened as a case: ${error.message}`);
    throw error;
  }
}

/** Opens a case export as a new case under the data folder and returns its info. */
export function importCaseFile(session: CaseSession, bytes: Uint8Array, name: string): CaseInfo {
  const file = readChecked(bytes, name);
  const stem = (file.case.name || name.replace(/\.[^.]+$/, '') || 'Imported case')
    .replace(/[\\/:*?"<>|]/g, '_')
    .slice(0, 120);
  const target = session.freshPath(stem);
  const previous = session.isOpen ? session.store.file : null;
  const store = session.create(target);
  try {
    fillCase(store, file);
  } catch (error) {
    // One transaction: a failure leaves an empty file, removed, and the case open before comes back.
    session.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
    if (previous) session.open(previous);
    throw error;
  }
  session.emit(['*'], 'case imported');
  return session.info();
}

function fillCase(store: ReturnType<CaseSession['create']>, file: CaseFile): void {
  store.transaction(() => {
    // The file's vocabulary replaces a new case's defaults (none of which is used yet).
    const entityTypes = new Set(file.vocabulary.entityTypes.map((t) => t.id));
    const relationTypes = new Set(file.vocabulary.relationTypes.map((t) => t.id));
    for (const e of file.entities) entityTypes.add(e.type);
    for (const r of file.relations) relationTypes.add(r.type);
    const current = store.vocabulary.list();
    for (const t of current.entityTypes) if (!entityTypes.has(t.id)) store.vocabulary.delete('entity', t.id);
    for (const t of current.relationTypes)
      if (!relationTypes.has(t.id)) store.vocabulary.delete('relation', t.id);
    let n = 0;
    const declaredEntity = new Map(file.vocabulary.entityTypes.map((t) => [t.id, t]));
    for (const id of entityTypes) {
      const t = declaredEntity.get(id);
      store.vocabulary.saveEntityType({
        id,
        label: t?.label || labelOf(id),
        plural: t?.label || labelOf(id),
        colour: colour(t?.color, n++),
        shape: (NODE_SHAPES as readonly string[]).includes(t?.shape ?? '')
          ? (t!.shape as NodeShape)
          : 'ellipse',
      });
    }
    const declaredRelation = new Map(file.vocabulary.relationTypes.map((t) => [t.id, t]));
    for (const id of relationTypes) {
      const t = declaredRelation.get(id);
      store.vocabulary.saveRelationType({
        id,
        reads: t?.reads || labelOf(id).toLowerCase(),
        symmetric: t ? !t.directed : false,
        lineage: t?.lineage ?? false,
        colour: colour(t?.color, n++),
        lineStyle: (LINE_STYLES as readonly string[]).includes(t?.lineStyle ?? '')
          ? (t!.lineStyle as LineStyle)
          : 'solid',
      });
    }
    for (const kind of ['entity', 'relation'] as const)
      for (const a of file.attributes?.[kind] ?? [])
        store.attributes.declare({
          kind,
          key: a.key,
          title: a.title || a.key,
          valueType: VALUE_TYPE[a.type] ?? 'text',
        });

    const entityIds = new Map<string, number>();
    const entities = new EntityBulkWriter(store.db, file.entities.length);
    for (const e of file.entities)
      entityIds.set(
        e.id,
        entities.add({
          type: e.type,
          name: e.name,
          nameNorm: normalizeName(e.name),
          aliases: e.aliases,
          summary: e.summary,
          tags: e.tags,
          attrs: JSON.stringify(e.attrs ?? {}),
          activeFrom: e.start ?? null,
          activeTo: e.end ?? null,
        }),
      );
    entities.finish();
    const relationIds = new Map<string, number>();
    const relations = new RelationBulkWriter(store.db, file.relations.length);
    for (const r of file.relations)
      relationIds.set(
        r.id,
        relations.add({
          sourceId: entityIds.get(r.source)!,
          targetId: entityIds.get(r.target)!,
          type: r.type,
          startDate: r.start ?? null,
          endDate: r.end ?? null,
          summary: r.summary,
          weight: r.weight ?? null,
          attrs: JSON.stringify(r.attrs ?? {}),
        }),
      );
    relations.finish();

    const sourceIds = new Map<string, number>();
    for (const s of file.sources) {
      let sha256: string | null = null;
      if (s.original) {
        const bytes = Buffer.from(s.original, 'base64');
        sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
        store.originals.put(sha256, bytes);
      }
      sourceIds.set(
        s.id,
        store.sources.insert({
          title: s.title,
          publisher: s.publisher,
          publishedOn: s.publishedOn ?? null,
          url: s.url ?? null,
          reliability: /^[A-F]$/.test(s.reliability) ? s.reliability : 'F',
          text: s.text,
          attrs: s.attrs,
          author: s.author ?? null,
          language: s.language ?? null,
          format: (s.format ?? null) as never,
          pages: s.pages?.map((p) => ({ number: p.number, start: p.start, end: p.end })) ?? null,
          fileName: s.fileName ?? null,
          sha256,
        }),
      );
    }
    const insertCitation = store.db.prepare(
      'INSERT INTO citation (source_id, subject_kind, subject_id, quote, start, "end", credibility, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const c of file.citations) {
      const subject = (c.subject.kind === 'entity' ? entityIds : relationIds).get(c.subject.id)!;
      insertCitation.run(
        sourceIds.get(c.source)!,
        c.subject.kind,
        subject,
        c.quote,
        c.start,
        c.end,
        c.credibility,
        c.createdAt ?? new Date().toISOString(),
      );
    }
    const insertNote = store.db.prepare(
      'INSERT INTO note (subject_kind, subject_id, body, private, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)',
    );
    for (const note of file.notes) {
      const { kind, id } = note.subject;
      const subject =
        kind === 'case' || id === null
          ? null
          : kind === 'entity'
            ? entityIds.get(id)
            : kind === 'relation'
              ? relationIds.get(id)
              : sourceIds.get(id);
      // A note from a colleague arrives shareable, as it left; the analyst may make it private.
      insertNote.run(kind, subject ?? null, note.body, note.createdAt, note.updatedAt);
    }
    store.attributes.syncIndexes();
  });
}
