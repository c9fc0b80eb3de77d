import { z } from 'zod';
import { expect, it } from 'vitest';
import { describeIssue } from './issueText';

const first = (schema: z.ZodType, value: unknown) => describeIssue(schema.safeParse(value).error!.issues[0]!);

it('says what was refused in words: our sentence as it is, zod’s own with the field named, never its path', () => {
  const Patch = z.object({
    patch: z
      .object({ startDate: z.string().max(10), name: z.string().min(1, 'A name cannot be empty.') })
      .strict(),
  });
  expect(first(Patch, { patch: { startDate: '2013', name: '' } })).toBe('A name cannot be empty.');
  expect(first(Patch, { patch: { startDate: 2013, name: 'x' } })).toBe(
    'The start date was not accepted: expected string, received number.',
  );
  const Decisions = z.object({ decisions: z.array(z.object({ id: z.number().int() }).strict()) });
  expect(first(Decisions, { decisions: [{ id: 1 }, { id: 1.5 }] })).toBe(
    'The id of item 2 was not accepted: expected int, received number.',
  );
  expect(first(Decisions, { decisions: [{ id: 1, colour: 'red' }] })).toBe(
    'Item 1 of the decisions was not accepted: it has a field the workbench does not know: "colour".',
  );
  expect(first(z.object({ title: z.string().max(3) }), { title: 'Convoys' })).toBe(
    'The title was not accepted: it may be at most 3 characters long.',
  );
});
