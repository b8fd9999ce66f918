// Calls one operation by name with untrusted input, for both transports (IPC and HTTP).
// Always resolves to { ok, value } or { ok: false, error }: errors cross the seam as data.

import { isRegisterError } from '../../db/errors.ts';
import type { AppContext } from './context.ts';
import { type ApiError, type ApiResult, contract, type OperationName } from './contract.ts';
import { handlers } from './handlers/index.ts';

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error });

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(ctx: AppContext, name: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) return fail({ code: 'Invalid', message: 'Unknown operation.', issues: [] });
  const spec = contract[name];
  if (!('locked' in spec && spec.locked) && !ctx.register) {
    return fail({ code: 'Locked', message: 'The register is locked. Unlock it to continue.', issues: [] });
  }
  const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: i.code === 'unrecognized_keys' ? `Unexpected field(s): ${i.keys.join(', ').slice(0, 200)}.` : i.message,
    }));
    const first = issues[0];
    const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
    return fail({ code: 'Invalid', message: `Please check the form. ${where}${first?.message ?? ''}`.trim(), issues });
  }
  // Status polling is not user activity; everything else restarts the idle countdown.
  if (name !== 'getStatus' && ctx.register) ctx.idle.touch();
  try {
    const handler = handlers[name] as (c: AppContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return fail(toApiError(name, e));
  }
}

/** Maps any thrown error to plain data. Unexpected errors are logged by class only: no content. */
export function toApiError(operation: string, e: unknown): ApiError {
  if (isRegisterError(e)) return e.toJSON();
  const code = (e as { code?: unknown })?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'Conflict', message: 'That would duplicate an existing record.', issues: [] };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_TRIGGER') {
    return { code: 'Conflict', message: 'Other records depend on this one, so it cannot be changed that way.', issues: [] };
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL') {
    return { code: 'Invalid', message: 'Some of the values are not allowed. Please check the form.', issues: [] };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'Io', message: 'The disk is full: nothing was saved. Free some space and try again.', issues: [] };
  }
  if (code === 'SQLITE_BUSY') {
    return { code: 'Conflict', message: 'The register is busy in another window or program. Try again in a moment.', issues: [] };
  }
  console.error(`[api] ${operation} failed: ${(e as Error)?.name ?? 'Error'}${typeof code === 'string' ? ` (${code})` : ''}`);
  return { code: 'Internal', message: 'Something went wrong and nothing was saved. Please try again.', issues: [] };
}
