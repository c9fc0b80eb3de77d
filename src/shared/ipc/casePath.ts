import { z } from 'zod';

/** A file path chosen by the analyst; case files end in .awcase. */
export const CasePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /\.awcase$/i.test(p), 'Case files end in .awcase.');
