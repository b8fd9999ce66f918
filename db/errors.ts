// Typed errors shared by db/, services, the API and the CLI. Each carries a stable `code` so
// it can cross IPC/HTTP as plain data (DESIGN.md "The one seam") and map to a CLI exit code.
// Messages are plain English for the DT and never contain personal data.

export type ErrorCode =
  | 'WrongPassphrase'
  | 'Locked'
  | 'NotFound'
  | 'Invalid'
  | 'Conflict'
  | 'Forbidden'
  | 'NotARegister'
  | 'NewerVersion'
  | 'Io';

export interface FieldIssue {
  /** Path of the field, e.g. ["placements", 0, "startDate"]. */
  path: (string | number)[];
  message: string;
}

export class RegisterError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = code;
  }

  toJSON(): { code: ErrorCode; message: string; issues: FieldIssue[] } {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

export class WrongPassphraseError extends RegisterError {
  constructor(message = 'That passphrase is not right for this user. Check Caps Lock and try again.') {
    super('WrongPassphrase', message);
  }
}

export class LockedError extends RegisterError {
  constructor(message = 'The register is locked. Unlock it to continue.') {
    super('Locked', message);
  }
}

export class NotFoundError extends RegisterError {
  constructor(what: string) {
    super('NotFound', `${what} was not found. It may have been deleted.`);
  }
}

export class InvalidError extends RegisterError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super('Invalid', message, issues);
  }

  static field(path: string | (string | number)[], message: string): InvalidError {
    const p = Array.isArray(path) ? path : [path];
    return new InvalidError(message, [{ path: p, message }]);
  }
}

export class ConflictError extends RegisterError {
  constructor(message: string) {
    super('Conflict', message);
  }
}

export class ForbiddenError extends RegisterError {
  constructor(message: string) {
    super('Forbidden', message);
  }
}

/** The file is missing, damaged, truncated, unencrypted, or not a CiC register at all. */
export class NotARegisterError extends RegisterError {
  constructor(message: string) {
    super('NotARegister', message);
  }
}

export class NewerVersionError extends RegisterError {
  constructor(fileVersion: number, appVersion: number) {
    super(
      'NewerVersion',
      `This register was written by a newer version of CiC Register (schema ${fileVersion}; this app knows up to ${appVersion}). Update the app to open it; nothing has been changed.`,
    );
  }
}

export class IoError extends RegisterError {
  constructor(message: string) {
    super('Io', message);
  }
}

export function isRegisterError(e: unknown): e is RegisterError {
  return e instanceof RegisterError;
}
