import type { CaseInfo } from '../../shared/ipc/contract';

const format = (n: number): string => n.toLocaleString('en-US');

export function StatusBar({ info }: { info: CaseInfo | null }) {
  if (!info?.open) {
    return (
      <footer className="statusbar" role="status">
        No case open
      </footer>
    );
  }
  const { counts } = info;
  return (
    <footer className="statusbar" role="status" aria-label="Case status">
      <span className="case-name" title={info.path ?? ''} data-testid="status-case-name">
        {info.name}
      </span>
      <span data-testid="status-entities">{format(counts.entities)} entities</span>
      <span data-testid="status-relations">{format(counts.relations)} relations</span>
      <span>{format(counts.sources)} sources</span>
      <span>{format(counts.notes)} notes</span>
      <span className="offline" title="This app never makes network requests">Offline</span>
    </footer>
  );
}
