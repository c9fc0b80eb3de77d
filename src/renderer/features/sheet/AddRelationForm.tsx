// Add a relation: both ends by name, the relation from the vocabulary, optional dates.
import { useState } from 'react';
import { RELATION_TYPE_NAMES, relationReads, type RelationType } from '../../../shared/vocab';
import { call } from '../../lib/ipc';
import { select } from '../../lib/store';
import { entityNamed, refusal } from './edits';

export function AddRelationForm({ onDone }: { onDone: () => void }) {
  const [source, setSource] = useState('');
  const [type, setType] = useState<RelationType>('splinter_of');
  const [target, setTarget] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    try {
      const relation = await call('relations:create', {
        sourceId: await entityNamed(source.trim()),
        targetId: await entityNamed(target.trim()),
        type,
        startDate: start.trim() || null,
        endDate: end.trim() || null,
      });
      select({ entityIds: [], relationIds: [relation.id], origin: 'sheet' });
      onDone();
    } catch (error) {
      setProblem(refusal(error).replace(' The cell was not changed.', ' Nothing was added.'));
    }
  };
  return (
    <form
      className="inline-form"
      aria-label="Add relation"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        Source
        <input
          value={source}
          onChange={(e) => setSource(e.target.value)}
          required
          autoFocus
          maxLength={500}
        />
      </label>
      <label>
        Relation
        <select value={type} onChange={(e) => setType(e.target.value as RelationType)}>
          {RELATION_TYPE_NAMES.map((t) => (
            <option key={t} value={t}>
              {relationReads(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target
        <input value={target} onChange={(e) => setTarget(e.target.value)} required maxLength={500} />
      </label>
      <label>
        Start
        <input value={start} onChange={(e) => setStart(e.target.value)} placeholder="2013-01" size={10} />
      </label>
      <label>
        End
        <input value={end} onChange={(e) => setEnd(e.target.value)} size={10} />
      </label>
      <button type="submit" className="primary">
        Add
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
