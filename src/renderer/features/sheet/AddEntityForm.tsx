// Add an entity: type, name, aliases. Validation errors come back from main in words.
import { useState } from 'react';
import { ENTITY_TYPES, type EntityType } from '../../../shared/vocab';
import { call, IpcCallError } from '../../lib/ipc';
import { select } from '../../lib/store';

export function AddEntityForm({ onDone }: { onDone: () => void }) {
  const [type, setType] = useState<EntityType>('organization');
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    try {
      const entity = await call('entities:create', {
        type,
        name,
        aliases: aliases
          .split(';')
          .map((a) => a.trim())
          .filter(Boolean),
      });
      select({ entityIds: [entity.id], origin: 'sheet' });
      onDone();
    } catch (error) {
      setProblem(error instanceof IpcCallError ? error.message : String(error));
    }
  };
  return (
    <form
      className="inline-form"
      aria-label="Add entity"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        Type
        <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={500} />
      </label>
      <label>
        Aliases (separated by ;)
        <input value={aliases} onChange={(e) => setAliases(e.target.value)} />
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
