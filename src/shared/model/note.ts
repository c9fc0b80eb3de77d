import { z } from 'zod';
import { Id } from './common';

export const SubjectKind = z.enum(['case', 'entity', 'relation', 'source']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Subject = z
  .object({ kind: SubjectKind, id: Id.nullable() })
  .strict()
  .refine((s) => (s.kind === 'case') === (s.id === null), 'Only the case itself has no id.');
export type Subject = z.infer<typeof Subject>;

export const NoteDraft = z
  .object({
    id: Id.optional(),
    subject: Subject,
    body: z.string().max(200_000, 'A note may be at most 200,000 characters.'),
    private: z.boolean().optional(),
  })
  .strict();
export type NoteDraft = z.infer<typeof NoteDraft>;

export interface Note {
  id: number;
  subject: Subject;
  body: string;
  private: boolean;
  createdAt: string;
  updatedAt: string;
}
