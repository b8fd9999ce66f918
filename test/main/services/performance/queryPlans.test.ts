// The register-wide reads stay on indexes (issue 9): the dashboard, the Children grid and a
// child's file must not read every row of the tables that grow with years of history (returns,
// PEPs with their snapshots, voice entries, attendance periods). Timings live in `npm run bench`;
// this checks the cause of the speed, the query plans, so it cannot be flaky.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_KIB } from '../../../../db/connection.ts';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { Register } from '../../../../db/register.ts';
import { getChildFile } from '../../../../main/services/children/childFile.ts';
import { listChildren } from '../../../../main/services/children/children.ts';
import { getDashboard } from '../../../../main/services/dashboard/index.ts';
import { generateDemo } from '../../../../main/services/demo/index.ts';

const TODAY = '2026-11-23';
const HISTORY_TABLES = ['progress_returns', 'peps', 'voice_log', 'attendance_periods'];
let dir: string;
let register: Register;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-plans-'));
  register = (await Register.create({ path: path.join(dir, 'r.cicdb'), schoolName: 'Plans Academy (fictitious)', userName: 'Demo DT', passphrase: 'fictitious register', kdf: FAST_TEST_KDF })).register;
  generateDemo(register, { children: 30, years: 2, seed: 11, today: TODAY });
});
afterAll(() => {
  register.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every SELECT the work prepares, with the plan SQLite would run it by. */
function plansOf(work: () => unknown): { sql: string; plan: string[] }[] {
  const db = register.sqlite;
  const seen = new Set<string>();
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    if (/^\s*select/i.test(sql)) seen.add(sql);
    return original(sql);
  }) as typeof db.prepare;
  try {
    work();
  } finally {
    db.prepare = original;
  }
  expect(seen.size).toBeGreaterThan(5);
  // Plans do not depend on the values bound (no STAT4), so nulls stand in for the parameters.
  return [...seen].map((sql) => ({
    sql,
    plan: (original(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => null)) as { detail: string }[]).map((r) => r.detail),
  }));
}

/** Plan lines that read a whole history table row by row (a scan of an index is fine). */
const fullScans = (plans: { sql: string; plan: string[] }[]) => plans.flatMap(({ sql, plan }) => plan
  .filter((line) => HISTORY_TABLES.some((t) => line === `SCAN ${t}`))
  .map((line) => `${line} in: ${sql.slice(0, 160)}`));

describe('query plans on the demo register', () => {
  it('the dashboard reads no history table in full', () => {
    expect(fullScans(plansOf(() => getDashboard(register, { today: TODAY })))).toEqual([]);
  });

  it('the Children grid reads no history table in full', () => {
    expect(fullScans(plansOf(() => listChildren(register, 'current', TODAY)))).toEqual([]);
  });

  it("a child's file reads no history table in full, nor any other child's rows", () => {
    const id = listChildren(register, 'current', TODAY).rows[0]!.id;
    const plans = plansOf(() => getChildFile(register, id, TODAY));
    expect(fullScans(plans)).toEqual([]);
    // Every read of a history table in the child's file goes by the child (an index search).
    for (const { sql, plan } of plans) {
      for (const line of plan) {
        if (HISTORY_TABLES.some((t) => line.startsWith(`SCAN ${t} `))) throw new Error(`${line} in: ${sql}`);
      }
    }
  });

  it('opens the register with the larger page cache, so repeated reads are not decrypted again', () => {
    expect(register.sqlite.pragma('cache_size', { simple: true })).toBe(-CACHE_KIB);
  });
});
