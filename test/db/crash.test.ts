// Crash test: a child process writes to the register in a loop (one transaction per write, the
// sequence number printed only after commit) and is killed with SIGKILL at a random moment. After
// every kill the register must unlock, pass its integrity check and audit-chain check, and hold
// every acknowledged write.
//
// Rounds: CIC_CRASH_ROUNDS (default 20; `npm run test:reliability` sets 1000).
// Seed:   CIC_CRASH_SEED to replay a run (the seed is printed in the summary line).
// One register is reused across rounds; every CIC_CRASH_ROUNDS_PER_REGISTER rounds (default 100) a
// fresh one is started, so the full integrity and audit checks after each kill stay fast.
// Runner: the writer is test/db/crash-writer.ts. By default it is bundled once with esbuild (the
//         native modules stay external) so each spawn costs ~0.1 s instead of ~0.5 s with tsx;
//         CIC_CRASH_RUNNER=tsx runs it as `node --import tsx test/db/crash-writer.ts` instead.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { Register } from '../../db/register.ts';
import { mulberry32 } from '../../main/services/demo/prng.ts';
import { cleanupTempDirs, createRegister, STAFF, tempDir } from '../helpers/db.ts';
import { recordCounts } from '../helpers/reliability.ts';

const ROUNDS = Math.max(1, Number(process.env.CIC_CRASH_ROUNDS ?? 20));
const SEED = Number(process.env.CIC_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNNER = process.env.CIC_CRASH_RUNNER === 'tsx' ? 'tsx' : 'bundle';
const ROUNDS_PER_REGISTER = Math.max(1, Number(process.env.CIC_CRASH_ROUNDS_PER_REGISTER ?? 100));
const MIN_DELAY_MS = 5;
const MAX_DELAY_MS = 80;
/** If the writer has not acknowledged anything by then, the round fails (it should take < 1 s). */
const FIRST_ACK_TIMEOUT_MS = 30_000;

const root = fileURLToPath(new URL('../..', import.meta.url));
const writerSource = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

/** Bundles the writer with esbuild; better-sqlite3 and argon2 (native) are imported by absolute path. */
async function bundleWriter(outDir: string): Promise<string> {
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  const native = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'];
  const outfile = path.join(outDir, 'crash-writer.mjs');
  await build({
    entryPoints: [writerSource],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'error',
    plugins: [{
      name: 'native-by-absolute-path',
      setup(b) {
        const filter = new RegExp(`^(${native.map((n) => n.replace(/[/@]/g, '\\$&')).join('|')})$`);
        b.onResolve({ filter }, (args) => ({ path: requireFromRoot.resolve(args.path), external: true }));
      },
    }],
  });
  return outfile;
}

interface RoundResult {
  acked: number[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  killed: boolean;
  problem: string | null;
}

function runWriter(args: string[], env: NodeJS.ProcessEnv, delayMs: number): Promise<RoundResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    let problem: string | null = null;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const firstAckTimer = setTimeout(() => {
      problem = `no write acknowledged within ${FIRST_ACK_TIMEOUT_MS} ms`;
      kill();
    }, FIRST_ACK_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const n = Number(line);
        if (!Number.isInteger(n) || n <= 0) {
          problem ??= `unexpected output from the writer: ${JSON.stringify(line.slice(0, 200))}`;
          continue;
        }
        if (acked.length && n !== acked.at(-1)! + 1) problem ??= `sequence jumped from ${acked.at(-1)} to ${n}`;
        acked.push(n);
        if (acked.length === 1) {
          clearTimeout(firstAckTimer);
          setTimeout(kill, delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', (e) => { problem ??= `spawn failed: ${e.message}`; });
    // 'close' (not 'exit'): stdout is fully drained, so every line the writer printed is counted.
    // A torn last line (no newline) was never fully acknowledged and is ignored.
    child.on('close', (code, signal) => {
      clearTimeout(firstAckTimer);
      resolve({ acked, code, signal, stderr, killed, problem });
    });
  });
}

let writerArgs: string[];

async function freshRegister(): Promise<{ registerPath: string; dtId: string }> {
  const made = await createRegister(tempDir('crash'));
  made.register.close();
  return { registerPath: made.path, dtId: made.dtId };
}

beforeAll(async () => {
  writerArgs = RUNNER === 'tsx'
    ? ['--import', 'tsx', writerSource]
    : [await bundleWriter(tempDir('crash-bundle'))];
}, 120_000);

afterAll(cleanupTempDirs);

describe('crash test', () => {
  it(`survives ${ROUNDS} SIGKILLs mid-write with no acknowledged write lost`, async () => {
    const random = mulberry32(SEED);
    let allAcked: number[] = [];
    let ackedTotal = 0;
    let registerPath = '';
    let dtId = '';
    const failures: string[] = [];
    let failedRounds = 0;
    let roundsRun = 0;
    let lost = 0;
    const started = Date.now();
    let writerMs = 0;
    const checkMs = { unlock: 0, integrity: 0, audit: 0, rows: 0 };
    const timed = <T>(k: keyof typeof checkMs, fn: () => T): T => {
      const t = performance.now();
      try {
        return fn();
      } finally {
        checkMs[k] += performance.now() - t;
      }
    };

    for (let round = 1; round <= ROUNDS; round++) {
      if ((round - 1) % ROUNDS_PER_REGISTER === 0) {
        ({ registerPath, dtId } = await freshRegister());
        allAcked = [];
      }
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        CIC_CRASH_REGISTER: registerPath,
        CIC_CRASH_USER: dtId,
        CIC_CRASH_PASSPHRASE: STAFF.dt.passphrase,
      };
      const delay = MIN_DELAY_MS + Math.floor(random() * (MAX_DELAY_MS - MIN_DELAY_MS + 1));
      const t0 = Date.now();
      const res = await runWriter(writerArgs, env, delay);
      writerMs += Date.now() - t0;
      roundsRun = round;
      const before = failures.length;
      const fail = (why: string) => failures.push(`round ${round} (kill after ${delay} ms): ${why}`);
      if (res.problem) fail(res.problem);
      if (!res.killed || res.signal !== 'SIGKILL') {
        fail(`the writer ended by itself (code ${res.code}, signal ${res.signal}): ${res.stderr.trim().slice(0, 2000)}`);
      }
      allAcked.push(...res.acked);
      ackedTotal += res.acked.length;

      // After the kill: unlock, integrity, audit chain, and every acknowledged write present.
      let r: Register | null = null;
      try {
        const t = performance.now();
        r = await Register.unlock(registerPath, { userId: dtId, passphrase: STAFF.dt.passphrase });
        checkMs.unlock += performance.now() - t;
        const open = r;
        const integrity = timed('integrity', () => open.integrity());
        if (!integrity.ok) fail(`integrity check failed: ${integrity.problems.join('; ')}`);
        const audit = timed('audit', () => verifyAudit(open.sqlite));
        if (!audit.ok) fail(`audit chain broken at ${audit.brokenAt}: ${audit.problem}`);
        const present = timed('rows', () => new Set(open.sqlite.prepare("SELECT upn FROM children WHERE upn LIKE 'CRASH-%'").pluck().all() as string[]));
        const missing = timed('rows', () => allAcked.filter((n) => !present.has(`CRASH-${n}`)));
        if (missing.length) {
          lost += missing.length;
          fail(`${missing.length} acknowledged write(s) missing, e.g. ${missing.slice(0, 5).join(', ')}`);
        }
        // Each committed write has its audit entry (same transaction), so counts match.
        const auditCreates = r.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'create' AND record_type = 'child'").pluck().get() as number;
        if (auditCreates !== present.size) fail(`${present.size} rows but ${auditCreates} audit entries`);
      } catch (e) {
        fail(`the register did not reopen: ${(e as Error).name}: ${(e as Error).message}`);
      } finally {
        r?.close();
      }
      if (failures.length > before) failedRounds++;
      // Stop early on a broken register: later rounds would only repeat the same failure.
      if (failedRounds >= 5) break;
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test: ${roundsRun} rounds, ${failedRounds} failures, ${lost} acknowledged writes lost`
      + ` (${ackedTotal} writes acknowledged, seed ${SEED}, runner ${RUNNER}, ${seconds} s,`
      + ` writer ${(writerMs / 1000).toFixed(1)} s, checks ${Object.entries(checkMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(' ')})`,
    );
    for (const f of failures) console.log(`  ${f}`);
    recordCounts('crash', { rounds: roundsRun, cases: ackedTotal, failures: failedRounds, dataLost: lost, note: `cases = acknowledged writes; seed ${SEED}` });
    expect(failures).toEqual([]);
    expect(lost).toBe(0);
    // The test really exercised something: every round acknowledged at least one write.
    expect(ackedTotal).toBeGreaterThanOrEqual(ROUNDS);
  }, 60_000 + ROUNDS * 3_000);
});
