// Every API operation fuzzed with generated bad input (fast-check) through the browser-mode HTTP
// transport (issue 9). For each call: never a crash or an Internal error, always a typed answer,
// and whenever the input is rejected the register is byte-for-byte unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { OPERATION_NAMES, type OperationName } from '../../main/api/contract.ts';
import { startWebServer, type WebServer } from '../../main/web/server.ts';
import { generateDemo } from '../../main/services/demo/index.ts';
import { VALID_SAMPLES } from '../main/api/samples.ts';
import { FULL, recordCounts } from '../helpers/reliability.ts';

const RUNS_PER_OPERATION = FULL ? 60 : 4;
/** Operations whose valid input is `{}` and which change the session, not the data: not fuzzed with {}. */
const SESSION_CHANGING = new Set<OperationName>(['lock', 'openDemoRegister', 'useMainRegister']);

let dir: string;
let server: WebServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-fuzz-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  server = await startWebServer({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, rendererDir, kdf: FAST_TEST_KDF });
  const created = await post('createRegister', { schoolName: 'Fuzz School (fictitious)', userName: 'Fuzz DT', role: 'dt', passphrase: 'correct horse battery staple' });
  expect(created.body.ok).toBe(true);
  generateDemo(server.context.requireRegister(), { children: 12, years: 2, seed: 5 });
}, 120_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post(op: string, body: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  const res = await fetch(`${server.origin}/api/${encodeURIComponent(op)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CIC-Token': server.token },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as { ok: boolean; error?: { code: string } } };
}

function fingerprint(): string {
  const db = server.context.requireRegister().sqlite;
  const h = crypto.createHash('sha256');
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]) {
    h.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()));
  }
  h.update(fs.readFileSync(`${server.context.registerPath}.keyring`));
  return h.digest('hex');
}

/** Bad input built from the valid sample: wrong types, missing or extra keys, junk values, huge strings. */
function badInput(name: OperationName): fc.Arbitrary<unknown> {
  const sample = VALID_SAMPLES[name] as Record<string, unknown>;
  const keys = Object.keys(sample);
  const junk = fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 50 }), fc.integer(), fc.double(), fc.constant(null),
    fc.constant('x'.repeat(200_000)), fc.constant('__proto__'), fc.constant({ __proto__: { polluted: true } }));
  const mutated = fc.record({ key: keys.length ? fc.constantFrom(...keys) : fc.constant('x'), value: junk, extra: fc.boolean(), drop: fc.boolean() })
    .map(({ key, value, extra, drop }) => {
      const out: Record<string, unknown> = { ...sample };
      if (drop) delete out[key];
      else out[key] = value;
      if (extra || !keys.length) out[`fuzz_${key}`] = value;
      return out;
    });
  const notAnObject = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), fc.boolean());
  return fc.oneof(mutated, notAnObject, fc.anything({ maxDepth: 3 })).filter((v) => !(SESSION_CHANGING.has(name) && typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));
}

describe('API fuzzing over HTTP', () => {
  it('every operation answers bad input with a typed error and leaves the register unchanged', async () => {
    let cases = 0;
    let failures = 0;
    let accepted = 0;
    const childrenBefore = server.context.requireRegister().sqlite.prepare('SELECT count(*) FROM children').pluck().get() as number;
    for (const name of OPERATION_NAMES) {
      await fc.assert(fc.asyncProperty(badInput(name), async (input) => {
        cases++;
        if (!server.context.register) {
          // A fuzzed call locked the register (only ever with valid input): unlock and carry on.
          const status = (await post('getStatus', {})).body as unknown as { value: { users: { id: string }[] } };
          await post('unlock', { userId: status.value.users[0]!.id, passphrase: 'correct horse battery staple' });
        }
        const before = fingerprint();
        const { status, body } = await post(name, input);
        const typed = (status === 200 || status === 400) && typeof body.ok === 'boolean' && (body.ok || (typeof body.error?.code === 'string' && body.error.code !== 'Internal'));
        if (!typed) failures++;
        expect(typed, `${name} answered ${status} ${JSON.stringify(body).slice(0, 200)}`).toBe(true);
        if (body.ok) {
          accepted++;
          return;
        }
        if (server.context.register && fingerprint() !== before) {
          failures++;
          throw new Error(`${name} changed the register although it rejected the input`);
        }
      }), { numRuns: RUNS_PER_OPERATION, seed: 20261123 + OPERATION_NAMES.indexOf(name) });
    }
    const childrenAfter = server.context.requireRegister().sqlite.prepare('SELECT count(*) FROM children').pluck().get() as number;
    const dataLost = Math.max(0, childrenBefore - childrenAfter);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(dataLost).toBe(0);
    recordCounts('api-fuzz', { cases, failures, dataLost, note: `${OPERATION_NAMES.length} operations, ${accepted} generated inputs happened to be valid` });
  }, 600_000);
});
