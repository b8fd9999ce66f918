// An UNENCRYPTED copy of a register, shaped like a Register, for one purpose only: measuring the
// encryption overhead in `npm run bench`. The app itself can never open a register without its key.

import Database from 'better-sqlite3-multiple-ciphers';
import type { Compilable } from 'kysely';
import { appendAudit, type AuditEntry } from '../../db/audit.ts';
import { applyConnectionSettings } from '../../db/connection.ts';
import { all, one, run } from '../../db/query.ts';
import type { Register } from '../../db/register.ts';

export function openPlainCopy(file: string): Register {
  const db = new Database(file);
  // The same settings as the register's own connections, so only the cipher differs.
  applyConnectionSettings(db, false);
  const shape = {
    path: file,
    sqlite: db,
    isOpen: true,
    session: { userId: null, role: 'dt', name: 'Benchmark', via: 'passphrase' },
    all: <R>(q: Compilable<R>) => all(db, q),
    one: <R>(q: Compilable<R>) => one(db, q),
    run: (q: Compilable<unknown>) => run(db, q),
    transaction: <T>(fn: () => T) => db.transaction(fn).immediate(),
    audit: (e: AuditEntry) => appendAudit(db, { userId: null, ...e }),
    requireUser: () => 'benchmark',
    requireDt: () => 'benchmark',
    lastBackupAt: () => null,
    close: () => db.close(),
  };
  return shape as unknown as Register;
}
