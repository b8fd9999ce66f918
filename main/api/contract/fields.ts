// Field schemas shared by every area of the contract, and the helper that declares an operation.
// Free of Node and DOM imports: the renderer uses these schemas in its forms.

import { z } from 'zod';

// ---- shared field schemas ---------------------------------------------------------------------

export const text = (max: number) => z.string().trim().max(max, `Must be at most ${max} characters.`);
export const optionalText = (max: number) => text(max).nullable().optional();
export const nameField = text(100).min(1, 'Enter a name.');
export const passphraseField = z.string().max(1024, 'Passphrase must be at most 1,024 characters.');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter a date as dd/mm/yyyy.', abort: true }).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, 'That date does not exist.');
export const id = z.number().int().positive();
export const uuid = z.string().uuid();
export const role = z.enum(['dt', 'deputy']);
export const email = z.string().trim().max(200).email('Enter a valid email address.').nullable().optional().or(z.literal('').transform(() => null));

export const empty = z.object({}).strict();


/** A document produced by an export (PDF, JSON, CSV, DOCX), carried as base64 to be saved. */
export const exportedFile = z.object({
  // Control characters are refused too: they have no place in a file name on any system.
  // eslint-disable-next-line no-control-regex
  fileName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'A file name cannot contain / \\ : * ? " < > |.'),
  mimeType: z.enum([
    'application/pdf', 'application/json', 'text/csv',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ]),
  base64: z.string().max(80_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'File content must be base64.'),
}).strict();
export type ExportedFile = z.output<typeof exportedFile>;

export interface Op<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
  /** Allowed while the register is locked or absent. */
  locked?: boolean;
}

export const op = <O>() => <I extends z.ZodType>(input: I, opts: { locked?: boolean } = {}): Op<I, O> => ({ input, ...opts });
