import { useEffect, useState } from 'react';
import type { CaseInfo } from '../../shared/ipc/contract';
import { attempt } from '../lib/ipc';
import { useRevision } from '../lib/store';

/** The open case's name and counts, re-read after every change. */
export function useCaseInfo(): CaseInfo | null {
  const revision = useRevision(['entity', 'relation', 'source', 'note']);
  const [info, setInfo] = useState<CaseInfo | null>(null);
  useEffect(() => {
    let live = true;
    void attempt('case:info', {}).then((value) => {
      if (live && value) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, [revision]);
  return info;
}
