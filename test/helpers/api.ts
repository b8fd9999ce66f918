// Shared helpers for suites that drive the API dispatcher as the UI does: a fresh register created
// through createRegister (FAST_TEST_KDF, the fictitious DT), and unwrapping of a result.

import path from 'node:path';
import { expect } from 'vitest';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { AppContext } from '../../main/api/context.ts';
import type { ApiResult } from '../../main/api/contract.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { SCHOOL_NAME, STAFF, tempDir } from './db.ts';

/** An AppContext on a new register in a temp folder (removed by cleanupTempDirs), unlocked as the DT. */
export async function openApiRegister(label: string): Promise<AppContext> {
  const ctx = new AppContext({ registerPath: path.join(tempDir(label), 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
  const r = await dispatch(ctx, 'createRegister', { schoolName: SCHOOL_NAME, userName: STAFF.dt.name, role: 'dt', passphrase: STAFF.dt.passphrase });
  expect(r.ok).toBe(true);
  return ctx;
}

/** The value of a successful result; a failure throws with its code and message. */
export function ok<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
