// Asks before deleting entities that carry notes: the analyst's own judgements go with them (undo
// brings them back). The sheet's delete button calls this first.
import { call } from './ipc';

/** Resolves to true when the delete may go ahead: no notes on these entities, or the analyst agreed. */
export async function confirmDeleteEntities(
  ids: number[],
  ask: (message: string) => boolean = (m) => window.confirm(m),
): Promise<boolean> {
  if (ids.length === 0) return false;
  const counts = await call('noteCounts:get', { kind: 'entity', ids: ids.slice(0, 10_000) });
  if (counts.total === 0) return true;
  const what = ids.length === 1 ? 'This entity has' : `These ${ids.length} entities have`;
  const notes = counts.total === 1 ? '1 note' : `${counts.total} notes`;
  const privately = counts.private > 0 ? ` (${counts.private} private)` : '';
  return ask(
    `${what} ${notes}${privately}. Deleting removes the notes too; Undo (Ctrl+Z) brings them back. Delete anyway?`,
  );
}
