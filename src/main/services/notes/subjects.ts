// What a note or citation is about, and how many notes a set of subjects carries (asked before a delete).
import type { NoteCounts, SubjectInfo } from '../../../shared/ipc/notes/contract';
import type { Subject } from '../../../shared/model';
import type { CaseStore } from '../../store';
import { subjectLabel } from '../search/search';

export function subjectInfo(store: CaseStore, subject: Subject): SubjectInfo {
  const id = subject.id;
  const exists =
    subject.kind === 'case' || id === null
      ? true
      : subject.kind === 'entity'
        ? store.entities.exists(id)
        : subject.kind === 'relation'
          ? store.relations.get(id) !== null
          : store.sources.get(id) !== null;
  return { subject, label: subjectLabel(store, subject), exists };
}

export function noteCounts(
  store: CaseStore,
  kind: 'entity' | 'relation' | 'source',
  ids: number[],
): NoteCounts {
  const row = store.db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(private), 0) AS private FROM note
        WHERE subject_kind = ? AND subject_id IN (SELECT value FROM json_each(?))`,
    )
    .get(kind, JSON.stringify(ids)) as NoteCounts;
  return row;
}
