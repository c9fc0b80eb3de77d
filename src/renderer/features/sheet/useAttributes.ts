// The case's declared attributes of one kind, read again when a write announces the attribute table
// (an import may add some).
import { useEffect, useState } from 'react';
import type { AttributeDef } from '../../../shared/attributes';
import { attempt } from '../../lib/ipc';
import { useRevision } from '../../lib/store';

export function useAttributes(kind: AttributeDef['kind']): AttributeDef[] {
  const revision = useRevision(['attribute']);
  const [attributes, setAttributes] = useState<AttributeDef[]>([]);
  useEffect(() => {
    let live = true;
    void attempt('attributes:list', {}).then((all) => {
      if (!live || !all) return;
      const next = all[kind];
      setAttributes((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    });
    return () => {
      live = false;
    };
  }, [kind, revision]);
  return attributes;
}
