// The audit log (DESIGN.md "Security model"): who, when, what action, which record; never the
// content. Each row's hash covers the previous row's hash, so editing or deleting a row breaks the
// chain. The head (last id and hash) is also kept in `meta`, so cutting rows off the end shows too.

import crypto from 'node:crypto';
import type { SqliteDb } from './connection.ts';

export type AuditAction =
  | 'register.create' | 'unlock' | 'unlock.failed' | 'unlock.recovery' | 'lock'
  | 'create' | 'update' | 'delete' | 'export' | 'import' | 'backup' | 'restore' | 'migrate'
  | 'user.add' | 'user.remove' | 'user.passphrase' | 'user.reset' | 'recovery.replace' | 'settings.update';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  recordType?: string | null;
  recordId?: string | number | null;
  /** Defaults to now; used to back-date failed unlocks recorded while the register was locked. */
  at?: string;
}

export const GENESIS_HASH = '0'.repeat(64);

function rowHash(prev: string, at: string, userId: string | null, action: string, type: string | null, id: string | null): string {
  return crypto.createHash('sha256').update(JSON.stringify([prev, at, userId, action, type, id])).digest('hex');
}

/** Appends one entry. Call inside the same transaction as the change it records. */
export function appendAudit(db: SqliteDb, e: AuditEntry): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prev = last?.hash ?? GENESIS_HASH;
  const at = e.at ?? new Date().toISOString();
  const userId = e.userId ?? null;
  const type = e.recordType ?? null;
  const id = e.recordId == null ? null : String(e.recordId);
  const hash = rowHash(prev, at, userId, e.action, type, id);
  const info = db
    .prepare('INSERT INTO audit_log (at, user_id, action, record_type, record_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(at, userId, e.action, type, id, prev, hash);
  db.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    .run(`${info.lastInsertRowid}:${hash}`);
}

export interface AuditVerifyReport {
  ok: boolean;
  entries: number;
  /** The first row id at which the chain breaks, if any. */
  brokenAt: number | null;
  problem: string | null;
}

export function verifyAudit(db: SqliteDb): AuditVerifyReport {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  const rows = db.prepare('SELECT id, at, user_id, action, record_type, record_id, prev_hash, hash FROM audit_log ORDER BY id').iterate() as
    IterableIterator<{ id: number; at: string; user_id: string | null; action: string; record_type: string | null; record_id: string | null; prev_hash: string; hash: string }>;
  for (const r of rows) {
    count++;
    lastId = r.id;
    if (r.prev_hash !== prev) return { ok: false, entries: count, brokenAt: r.id, problem: 'an entry before this one was removed or changed' };
    const expect = rowHash(prev, r.at, r.user_id, r.action, r.record_type, r.record_id);
    if (expect !== r.hash) return { ok: false, entries: count, brokenAt: r.id, problem: 'this entry was changed after it was written' };
    prev = r.hash;
  }
  const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string } | undefined;
  const expectedHead = count ? `${lastId}:${prev}` : undefined;
  if (head?.value !== expectedHead) {
    return { ok: false, entries: count, brokenAt: lastId || null, problem: 'entries were removed from the end of the log' };
  }
  return { ok: true, entries: count, brokenAt: null, problem: null };
}
