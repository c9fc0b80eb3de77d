// Editing a document's description: title, author, publisher, date, origin, language, reliability.
import { useState, type FormEvent } from 'react';
import type { SourcePatch } from '../../../shared/ipc/sources/contract';
import type { SourceSummary } from '../../../shared/model';
import { PARTIAL_DATE, RELIABILITY, type Reliability } from '../../../shared/vocab';
import { call, IpcCallError } from '../../lib/ipc';
import { Dialog } from '../../ui/Dialog';

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

export function SourceEditDialog({ source, onClose }: { source: SourceSummary; onClose: () => void }) {
  const [title, setTitle] = useState(source.title);
  const [author, setAuthor] = useState(source.author ?? '');
  const [publisher, setPublisher] = useState(source.publisher);
  const [publishedOn, setPublishedOn] = useState(source.publishedOn ?? '');
  const [origin, setOrigin] = useState(source.origin ?? '');
  const [language, setLanguage] = useState(source.language ?? '');
  const [reliability, setReliability] = useState(source.reliability as Reliability);
  const [problem, setProblem] = useState('');

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (publishedOn.trim() && !PARTIAL_DATE.test(publishedOn.trim())) {
      setProblem('The publication date is ISO 8601: 2017, 2017-03 or 2017-03-20.');
      return;
    }
    const patch: SourcePatch = {
      title: title.trim(),
      author: orNull(author),
      publisher: publisher.trim(),
      publishedOn: orNull(publishedOn),
      origin: orNull(origin),
      language: orNull(language.toLowerCase()),
      reliability,
    };
    try {
      await call('sources:update', { id: source.id, patch });
      onClose();
    } catch (error) {
      setProblem(error instanceof IpcCallError ? error.message : String(error));
    }
  };

  return (
    <Dialog title={`Edit “${source.title}”`} onClose={onClose}>
      <form onSubmit={(e) => void save(e)} className="source-edit">
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          Author
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label>
          Publisher
          <input value={publisher} onChange={(e) => setPublisher(e.target.value)} />
        </label>
        <label>
          Published (2017, 2017-03 or 2017-03-20)
          <input value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} />
        </label>
        <label>
          Origin (URL or reference)
          <input value={origin} onChange={(e) => setOrigin(e.target.value)} />
        </label>
        <label>
          Language (en, fr, ar…)
          <input value={language} onChange={(e) => setLanguage(e.target.value)} />
        </label>
        <label>
          Reliability
          <select value={reliability} onChange={(e) => setReliability(e.target.value as Reliability)}>
            {RELIABILITY.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        {problem && <p className="form-error">{problem}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
