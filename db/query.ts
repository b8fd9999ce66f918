// Kysely is used as a typed query *builder* only; queries run synchronously on better-sqlite3.
// Why: one connection, synchronous transactions (better-sqlite3's `transaction`) and no async
// interleaving inside a write, so "one transaction per user action" is simple to guarantee.

import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable,
} from 'kysely';
import type { SqliteDb } from './connection.ts';
import type { DB } from './schema.ts';

export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

function bind(params: readonly unknown[]): unknown[] {
  // better-sqlite3 rejects booleans and undefined; store booleans as 0/1 like the schema does.
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p));
}

export function all<R>(db: SqliteDb, q: Compilable<R>): R[] {
  const c = q.compile();
  return db.prepare(c.sql).all(...bind(c.parameters)) as R[];
}

export function one<R>(db: SqliteDb, q: Compilable<R>): R | undefined {
  const c = q.compile();
  return db.prepare(c.sql).get(...bind(c.parameters)) as R | undefined;
}

export function run(db: SqliteDb, q: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const c = q.compile();
  const r = db.prepare(c.sql).run(...bind(c.parameters));
  return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
}
