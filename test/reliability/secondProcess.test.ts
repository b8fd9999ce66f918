// A second process opening the same register (issue 9): e.g. the CLI while the app is open, or two
// app windows on a shared drive. Both write at once; SQLite's locking (WAL, BEGIN IMMEDIATE, a busy
// timeout) serialises them. Every acknowledged write must be there, the file intact, the audit
// chain unbroken.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import { cleanupTempDirs, createRegister, STAFF } from '../helpers/db.ts';
import { FULL, recordCounts } from '../helpers/reliability.ts';

const WRITES = FULL ? 1000 : 150;
const root = path.resolve(import.meta.dirname, '../..');

afterAll(() => cleanupTempDirs());

function runWriter(file: string, userId: string, tag: string): Promise<{ acked: number; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/reliability/second-writer.ts')], {
      cwd: root,
      env: { ...process.env, CIC_REGISTER: file, CIC_USER: userId, CIC_PASSPHRASE: STAFF.dt.passphrase, CIC_TAG: tag, CIC_WRITES: String(WRITES) },
    });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => resolve({ acked: out.split('\n').filter(Boolean).length, code, stderr }));
  });
}

describe('a second process on the same register', () => {
  it('both write at once; nothing is lost and the register stays intact', async () => {
    const t = await createRegister();
    t.register.close();
    const [a, b] = await Promise.all([runWriter(t.path, t.dtId, 'A'), runWriter(t.path, t.dtId, 'B')]);
    expect(a.stderr).toBe('');
    expect(b.stderr).toBe('');
    const r = await Register.unlock(t.path, { userId: t.dtId, passphrase: STAFF.dt.passphrase });
    try {
      const upns = new Set(r.all(qb.selectFrom('children').select('upn')).map((c) => c.upn));
      let lost = 0;
      for (const [tag, res] of [['A', a], ['B', b]] as const) {
        for (let n = 1; n <= res.acked; n++) if (!upns.has(`${tag}-${n}`)) lost++;
      }
      const intact = r.integrity().ok && verifyAudit(r.sqlite).ok;
      recordCounts('second-process', { cases: a.acked + b.acked, failures: (a.code === 0 ? 0 : 1) + (b.code === 0 ? 0 : 1) + (intact ? 0 : 1), dataLost: lost, note: 'two processes writing the same register at once' });
      expect(a).toMatchObject({ code: 0, acked: WRITES });
      expect(b).toMatchObject({ code: 0, acked: WRITES });
      expect(lost).toBe(0);
      expect(intact).toBe(true);
    } finally {
      r.close();
    }
  }, 180_000);
});
