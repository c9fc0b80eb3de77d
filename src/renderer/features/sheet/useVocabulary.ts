// The open case's vocabulary (its entity and relation types), read again when a write announces
// the vocabulary table: an import or the Vocabulary editor may add types.
import { useEffect, useState } from 'react';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../../../shared/vocabulary';
import { attempt } from '../../lib/ipc';
import { useRevision } from '../../lib/store';

export function useVocabulary(): Vocabulary {
  const revision = useRevision(['vocabulary']);
  const [vocabulary, setVocabulary] = useState<Vocabulary>(DEFAULT_VOCABULARY);
  useEffect(() => {
    let live = true;
    void attempt('caseTypes:list', {}).then((next) => {
      if (!live || !next) return;
      setVocabulary((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    });
    return () => {
      live = false;
    };
  }, [revision]);
  return vocabulary;
}
