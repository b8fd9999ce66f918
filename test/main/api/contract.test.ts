// Contract tests (issue 3): every operation rejects malformed input with Invalid and leaves the
// register unchanged; prototype-pollution payloads do nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../db/keyring.ts';
import { AppContext } from '../../../main/api/context.ts';
import { OPERATION_NAMES, type OperationName } from '../../../main/api/contract.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { VALID_SAMPLES } from './samples.ts';

let dir: string;
let ctx: AppContext;

function fingerprint(): string {
  const db = ctx.requireRegister().sqlite;
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const t of tables) h.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()));
  h.update(fs.readFileSync(`${ctx.registerPath}.keyring`));
  return h.digest('hex');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-contract-'));
  ctx = new AppContext({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
  const r = await dispatch(ctx, 'createRegister', VALID_SAMPLES.createRegister);
  expect(r.ok).toBe(true);
});

afterAll(() => {
  ctx.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HUGE = 'x'.repeat(2_000_000);

/** Payloads that are malformed for every operation. */
function malformedFor(name: OperationName): unknown[] {
  const sample = VALID_SAMPLES[name] as Record<string, unknown>;
  const payloads: unknown[] = [
    null, 42, 'text', [], true,
    { ...sample, unexpectedField: 1 },
    JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(sample).slice(1, -1) || '"x":1'}}`),
    { ...sample, constructor: { prototype: { polluted: true } } },
  ];
  for (const key of Object.keys(sample)) {
    const v = sample[key];
    // Wrong type for each field.
    payloads.push({ ...sample, [key]: typeof v === 'string' || v === null ? 12345 : 'not the right type' });
    // Huge strings for string fields.
    if (typeof v === 'string') payloads.push({ ...sample, [key]: HUGE });
    // Missing fields (required ones: all sample fields that are not nullable are required or defaulted).
    if (v !== null) {
      const { [key]: _dropped, ...rest } = sample;
      payloads.push({ ...rest, [key]: undefined, alsoUnexpected: true });
    }
  }
  return payloads;
}

describe('API contract', () => {
  it('has a valid sample for every operation', () => {
    expect(Object.keys(VALID_SAMPLES).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it('refuses unknown and inherited operation names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null]) {
      const r = await dispatch(ctx, name, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('Invalid');
    }
  });

  it.each(OPERATION_NAMES.map((n) => [n]))('%s rejects malformed input with Invalid and changes nothing', async (name) => {
    const before = fingerprint();
    for (const payload of malformedFor(name)) {
      const r = await dispatch(ctx, name, payload);
      expect(r.ok, `${name} accepted ${JSON.stringify(payload)?.slice(0, 120)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('Invalid');
        expect(r.error.message.length).toBeLessThan(500);
      }
    }
    expect(fingerprint()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ctx.register).not.toBeNull();
  });

  it('names the field that is wrong', async () => {
    const r = await dispatch(ctx, 'updateSettings', { ...VALID_SAMPLES.updateSettings, autoLockMinutes: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues[0]?.path).toEqual(['autoLockMinutes']);
      expect(r.error.message).toMatch(/autoLockMinutes/);
    }
  });

  it('refuses a weak passphrase with Invalid on the passphrase field', async () => {
    const r = await dispatch(ctx, 'addUser', { name: 'Weak', role: 'deputy', passphrase: 'short' });
    expect(r).toMatchObject({ ok: false, error: { code: 'Invalid', issues: [{ path: ['passphrase'] }] } });
  });

  it('refuses operations that need an unlocked register once locked', async () => {
    const lock = await dispatch(ctx, 'lock', {});
    expect(lock.ok).toBe(true);
    for (const name of ['getSettings', 'listUsers', 'backupNow'] as const) {
      const r = await dispatch(ctx, name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'Locked' } });
    }
    const status = await dispatch(ctx, 'getStatus', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'locked' } });
  });
});
