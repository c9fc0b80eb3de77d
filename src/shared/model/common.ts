// Building blocks for the IPC contract: every string has a length limit, every number a range.
import { z } from 'zod';
import { PARTIAL_DATE } from '../vocab';

export const Id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const Name = z
  .string()
  .max(500, 'A name may be at most 500 characters.')
  // SQLite reads text only up to a NUL character, so "\u0000" would reach the file as an empty name.
  .refine((s) => !/(?![\t\n\r])\p{Cc}/u.test(s), 'A name cannot contain control characters.')
  .refine((s) => s.trim().length > 0, 'A name cannot be empty.');
export const LongText = z.string().max(100_000, 'This text is longer than 100,000 characters.');
export const PartialDate = z.string().regex(PARTIAL_DATE, 'Dates are ISO 8601: 2013, 2013-01 or 2013-01-16.');
export const SortDir = z.enum(['asc', 'desc']);
export const Offset = z.number().int().min(0).max(100_000_000);
export const Limit = z.number().int().min(1).max(1000);

export const TextFilter = z
  .object({
    kind: z.literal('text'),
    op: z.enum(['contains', 'equals', 'startsWith', 'notContains', 'blank', 'notBlank']),
    value: z.string().max(500),
  })
  .strict();
export const SetFilter = z
  .object({ kind: z.literal('set'), values: z.array(z.string().max(500)).max(1000) })
  .strict();
export const DateRangeFilter = z
  .object({ kind: z.literal('dateRange'), from: PartialDate.nullable(), to: PartialDate.nullable() })
  .strict();
export const NumberFilter = z
  .object({
    kind: z.literal('number'),
    op: z.enum(['equals', 'greaterThan', 'lessThan']),
    value: z.number().finite(),
  })
  .strict();
export const ColumnFilter = z.discriminatedUnion('kind', [
  TextFilter,
  SetFilter,
  DateRangeFilter,
  NumberFilter,
]);
export type ColumnFilter = z.infer<typeof ColumnFilter>;

export interface Page<Row> {
  rows: Row[];
  total: number;
}
