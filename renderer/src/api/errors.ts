import type { ApiError as ApiErrorData } from './contract.ts';

export type ErrorCode = ApiErrorData['code'];
export type FieldIssue = ApiErrorData['issues'][number];

const FALLBACK: Record<ErrorCode, string> = {
  WrongPassphrase: 'That passphrase is not right. Check Caps Lock and try again.',
  Locked: 'The register is locked. Unlock it to continue.',
  NotFound: 'That record was not found. It may have been deleted.',
  Invalid: 'Please check the form.',
  Conflict: 'That clashes with something already in the register.',
  Forbidden: 'You are not allowed to do that.',
  NotARegister: 'That file is not a CiC register, or it is damaged.',
  NewerVersion: 'This register was written by a newer version of CiC Register. Update the app to open it.',
  Io: 'A file could not be read or written. Nothing was changed.',
  Internal: 'Something went wrong and nothing was saved. Please try again.',
};

/** An error returned by the register API, thrown by the typed client. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(data: ApiErrorData) {
    super(data.message || FALLBACK[data.code] || FALLBACK.Internal);
    this.name = 'ApiError';
    this.code = data.code;
    this.issues = data.issues ?? [];
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Plain-English text for any error, for an alert. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return FALLBACK.Internal;
}
