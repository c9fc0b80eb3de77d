import type { CaseInfo } from '../../shared/ipc/contract';

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function StatusBar({ info }: { info: CaseInfo | null }) {
  if (!info?.open) {
    return (
      <footer className="statusbar" role="status">
        {info?.problem ? <span className="status-problem">{info.problem}</span> : 'No case open'}
      </footer>
    );
  }
  const { counts } = info;
  return (
    <footer className="statusbar" role="status" aria-label="Case status">
      <span className="case-name" title={info.path ?? ''} data-testid="status-case-name">
        {info.name}
      </span>
      <span data-testid="status-entities">{count(counts.entities, 'entity', 'entities')}</span>
      <span data-testid="status-relations">{count(counts.relations, 'relation', 'relations')}</span>
      <span>{count(counts.sources, 'source', 'sources')}</span>
      <span>{count(counts.notes, 'note', 'notes')}</span>
      <span className="offline" title="This app never makes network requests">
        Offline
      </span>
    </footer>
  );
}
