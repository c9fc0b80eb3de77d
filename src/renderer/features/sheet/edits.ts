// A cell edit becomes one validated write through IPC (one undo step). Obvious mistakes are
// refused here with the same words main would use; main validates again either way.
import type { EntityColumn, EntityRow, RelationColumn, RelationRow } from '../../../shared/model';
import { Name, PartialDate } from '../../../shared/model';
import { lifetimeInOrder } from '../../../shared/time';
import { TYPE_ID } from '../../../shared/vocabulary';
import { call, IpcCallError } from '../../lib/ipc';

export class EditRefused extends Error {}

const list = (text: string, separator: string): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

function checkName(value: string, what = 'name'): string {
  const parsed = Name.safeParse(value);
  if (!parsed.success) throw new EditRefused(parsed.error.issues[0]?.message ?? `This ${what} is not valid.`);
  return value.trim();
}

function checkDate(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  const parsed = PartialDate.safeParse(text);
  if (!parsed.success)
    throw new EditRefused(
      `“${text}” is not a date the case can hold. ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return text;
}

export async function editEntity(row: EntityRow, column: EntityColumn, raw: unknown): Promise<void> {
  const value = String(raw ?? '');
  switch (column) {
    case 'name':
      await call('entities:update', { id: row.id, patch: { name: checkName(value) } });
      return;
    case 'type':
      // Main checks the type against the case's vocabulary and says why in a sentence.
      if (!TYPE_ID.test(value)) throw new EditRefused(`“${value}” is not an entity type of this case.`);
      await call('entities:update', { id: row.id, patch: { type: value } });
      return;
    case 'aliases':
      await call('entities:update', {
        id: row.id,
        patch: { aliases: list(value, ';').map((a) => checkName(a, 'alias')) },
      });
      return;
    case 'summary':
      await call('entities:update', { id: row.id, patch: { summary: value } });
      return;
    case 'tags':
      await call('entities:update', { id: row.id, patch: { tags: list(value, ',') } });
      return;
    case 'activeFrom':
    case 'activeTo': {
      const date = checkDate(value);
      const from = column === 'activeFrom' ? date : row.activeFrom;
      const to = column === 'activeTo' ? date : row.activeTo;
      if (from && to && !lifetimeInOrder(from, to))
        throw new EditRefused(`An entity cannot stop being active (${to}) before it starts (${from}).`);
      await call('entities:update', { id: row.id, patch: { [column]: date } });
      return;
    }
    default:
      throw new EditRefused(`The ${column} column is worked out from the case and cannot be typed in.`);
  }
}

/** An entity named exactly so (ignoring case); refuses when there is none or more than one. */
async function entityNamed(name: string): Promise<number> {
  const page = await call('entities:list', {
    offset: 0,
    limit: 2,
    filters: { name: { kind: 'text', op: 'equals', value: name } },
  });
  if (page.rows.length === 0)
    throw new EditRefused(
      `No entity is called “${name}”. Add it on the Entities tab first, or check the spelling.`,
    );
  if (page.rows.length > 1)
    throw new EditRefused(`More than one entity is called “${name}”; merge them first.`);
  return page.rows[0]!.id;
}

export async function editRelation(row: RelationRow, column: RelationColumn, raw: unknown): Promise<void> {
  const value = String(raw ?? '');
  switch (column) {
    case 'sourceName':
      await call('relations:update', {
        id: row.id,
        patch: { sourceId: await entityNamed(checkName(value)) },
      });
      return;
    case 'targetName':
      await call('relations:update', {
        id: row.id,
        patch: { targetId: await entityNamed(checkName(value)) },
      });
      return;
    case 'type':
      if (!TYPE_ID.test(value)) throw new EditRefused(`“${value}” is not a relation of the vocabulary.`);
      await call('relations:update', { id: row.id, patch: { type: value } });
      return;
    case 'startDate':
      await call('relations:update', { id: row.id, patch: { startDate: checkDate(value) } });
      return;
    case 'endDate':
      await call('relations:update', { id: row.id, patch: { endDate: checkDate(value) } });
      return;
    default:
      throw new EditRefused(`The ${column} column is worked out from the case and cannot be typed in.`);
  }
}

/** The message an analyst reads when an edit is refused. */
export function refusal(error: unknown): string {
  if (error instanceof EditRefused || error instanceof IpcCallError)
    return `${error.message} The cell was not changed.`;
  return `The edit could not be saved (${(error as Error).message}). The cell was not changed.`;
}

export { entityNamed };
