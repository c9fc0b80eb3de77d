// Says, above the workspace, that the open case cannot be changed and why.
import type { CaseInfo } from '../../shared/ipc/contract';

export function ReadOnlyBanner({ info }: { info: CaseInfo | null }) {
  if (!info?.open || !info.readOnly) return null;
  return (
    <div className="read-only-banner" role="status" aria-label="Read-only case">
      <strong>Read-only.</strong> {info.readOnly}
    </div>
  );
}
